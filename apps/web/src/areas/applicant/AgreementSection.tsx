import { Alert, Badge, Button, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../api/client';
import { downloadAgreement, downloadSignedCopy } from '../../api/download';
import type { Agreement } from '../../api/types';
import { type DocumentLanguage, documentLanguage } from '../../i18n';
import { DateTime } from '../../shared/DateTime';
import { formatBytes } from '../../shared/format';
import { SignedCopyForm } from './SignedCopyForm';

/** The application's cooperation agreement, once the secretariat has issued it; null before (404). */
export async function loadAgreement(applicationId: string): Promise<Agreement | null> {
  const answered = await api.GET('/api/v1/applications/{id}/agreement', { params: { path: { id: applicationId } } });
  if (answered.response.status === 404) return null;
  return ok(Promise.resolve(answered));
}

/** Dark shades only, as the application's status badge: the white text keeps AA contrast on each. */
const BADGE_COLOURS = { issued: 'violet.9', signed: 'blue.9', countersigned: 'teal.9' } as const;

/**
 * The centre's cooperation agreement: its terms and the document to sign (in either language), the
 * signed copy to upload (again, after the secretariat returned one, until it is countersigned), and
 * the date it came into force.
 */
export function AgreementSection({ agreement }: { agreement: Agreement }) {
  const { t, i18n } = useTranslation('applicant');
  const reader = documentLanguage(i18n.language);
  const other: DocumentLanguage = reader === 'fr' ? 'en' : 'fr';
  const open = !agreement.centreWithdrawn && agreement.status !== 'countersigned';
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="agreement">
      <Stack>
        <Group gap="sm">
          <Title order={2} id="agreement">
            {t('agreement.title')}
          </Title>
          <Badge variant="filled" color={agreement.centreWithdrawn ? 'gray.8' : BADGE_COLOURS[agreement.status]}>
            {agreement.centreWithdrawn ? t('agreement.void') : t(`agreement.statuses.${agreement.status}`)}
          </Badge>
        </Group>
        <Text>
          {t('agreement.issuedAt')} <DateTime value={agreement.issuedAt} />
        </Text>
        {agreement.centreWithdrawn && <Text fw={600}>{t('agreement.withdrawn')}</Text>}
        {agreement.status === 'countersigned' && agreement.countersignedAt && (
          <Text fw={600}>
            {t('agreement.countersignedAt')} <DateTime value={agreement.countersignedAt} />
            {!agreement.centreWithdrawn && ` ${t('agreement.directory')}`}
          </Text>
        )}
        <div>
          <Title order={3} size="h4" mb="xs">
            {t('agreement.terms')}
          </Title>
          <Text style={{ whiteSpace: 'pre-line' }}>{agreement.terms}</Text>
        </div>
        <Group gap="sm">
          <Button onClick={() => void downloadAgreement(agreement.applicationId, reader)}>
            {t('agreement.download')}
          </Button>
          <Button variant="default" onClick={() => void downloadAgreement(agreement.applicationId, other)}>
            {t(`agreement.downloadIn.${other}`)}
          </Button>
        </Group>
        {agreement.returnReason && agreement.status === 'issued' && (
          <Alert
            color="orange"
            variant="light"
            title={t('agreement.returnedTitle')}
            styles={{ title: { color: 'var(--mantine-color-text)' } }}
          >
            <Text size="sm">{t('agreement.returnedIntro')}</Text>
            <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-line' }}>
              {agreement.returnReason}
            </Text>
          </Alert>
        )}
        {agreement.signedCopy && <SignedCopy agreement={agreement} copy={agreement.signedCopy} />}
        {open && agreement.status === 'signed' && <Text>{t('agreement.waiting')}</Text>}
        {open && agreement.status === 'issued' && <Text>{t('agreement.instructions')}</Text>}
        {open && <SignedCopyForm applicationId={agreement.applicationId} replacing={agreement.signedCopy !== null} />}
      </Stack>
    </Paper>
  );
}

function SignedCopy({ agreement, copy }: { agreement: Agreement; copy: NonNullable<Agreement['signedCopy']> }) {
  const { t, i18n } = useTranslation('applicant');
  return (
    <div>
      <Title order={3} size="h4" mb="xs">
        {t('agreement.copyTitle')}
      </Title>
      <Text>
        {copy.filename} ({formatBytes(copy.size, i18n.language)}), {t('agreement.uploadedAt')}{' '}
        <DateTime value={copy.uploadedAt} />
      </Text>
      <Text size="sm">
        {t('agreement.fingerprint')} <Code>{copy.sha256.slice(0, 12)}</Code>
      </Text>
      <Button variant="subtle" px={0} onClick={() => void downloadSignedCopy(agreement.applicationId, copy.filename)}>
        {t('agreement.downloadCopy')}
      </Button>
    </div>
  );
}
