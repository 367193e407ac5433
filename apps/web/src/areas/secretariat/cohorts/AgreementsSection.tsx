import { Anchor, Button, Group, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevalidator } from 'react-router';
import { api, ok } from '../../../api/client';
import { downloadSignedCopy } from '../../../api/download';
import type { ApiProblem } from '../../../api/problem';
import type { Agreement } from '../../../api/types';
import { ConfirmedAction } from '../../../shared/ConfirmedAction';
import { DateTime } from '../../../shared/DateTime';
import { countryName } from '../../../shared/format';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { asProblem, fieldErrors } from '../../../shared/problems';
import type { Cohort } from '../types';
import { CountersignButton, ReturnButton } from './AgreementActions';

/** The API keeps terms of this many characters (AGREEMENT_TERMS_MIN and _MAX). */
const TERMS_MIN = 20;
const TERMS_MAX = 20_000;

/** The call's terms (null until written) and the cohort's agreements (one per centre: a few hundred at most). */
export async function loadAgreements(cohort: Cohort): Promise<{ terms: string | null; agreements: Agreement[] }> {
  const [terms, agreements] = await Promise.all([
    api.GET('/api/v1/calls/{id}/agreement-terms', { params: { path: { id: cohort.callId } } }),
    ok(api.GET('/api/v1/cohorts/{id}/agreements', { params: { path: { id: cohort.id }, query: { limit: 500 } } })),
  ]);
  return {
    terms: terms.response.status === 404 ? null : (await ok(Promise.resolve(terms))).terms,
    agreements: agreements.items,
  };
}

interface AgreementsProps {
  cohort: Cohort;
  terms: string | null;
  agreements: Agreement[];
}

/**
 * After the offers: the terms of the call's cooperation agreements, their issue to the centres that
 * accepted, and each agreement's signed copy to countersign or return.
 */
export function AgreementsSection({ cohort, terms, agreements }: AgreementsProps) {
  const { t } = useTranslation('secretariat');
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="agreements">
      <Stack>
        <Title order={2} id="agreements">
          {t('cohorts.agreements.title')}
        </Title>
        <TermsForm callId={cohort.callId} terms={terms} />
        <IssueAgreements cohortId={cohort.id} />
        {agreements.length === 0 ? (
          <Text>{t('cohorts.agreements.none')}</Text>
        ) : (
          <AgreementsTable agreements={agreements} />
        )}
      </Stack>
    </Paper>
  );
}

function TermsForm({ callId, terms }: { callId: string; terms: string | null }) {
  const { t } = useTranslation('secretariat');
  const revalidator = useRevalidator();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm({
    initialValues: { terms: terms ?? '' },
    validate: {
      terms: (value) => {
        const length = value.trim().length;
        if (length < TERMS_MIN) return t('cohorts.agreements.termsTooShort', { min: TERMS_MIN });
        if (length > TERMS_MAX) return t('cohorts.agreements.termsTooLong', { max: TERMS_MAX });
        return null;
      },
    },
  });
  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    setSaved(false);
    try {
      await ok(api.PUT('/api/v1/calls/{id}/agreement-terms', { params: { path: { id: callId } }, body: values }));
      setSaved(true);
      await revalidator.revalidate();
    } catch (error) {
      const failure = asProblem(error);
      form.setErrors(fieldErrors(failure));
      setProblem(failure);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Textarea
          label={t('cohorts.agreements.termsLabel')}
          description={t('cohorts.agreements.termsHint', { min: TERMS_MIN, max: TERMS_MAX })}
          required
          autosize
          minRows={5}
          maxRows={16}
          {...form.getInputProps('terms')}
          onChange={(event) => {
            form.getInputProps('terms').onChange(event);
            setSaved(false);
          }}
        />
        {terms === null && <Text size="sm">{t('cohorts.agreements.noTerms')}</Text>}
        {problem && <ProblemAlert problem={problem} />}
        <div role="status">{saved && <Text fw={600}>{t('cohorts.agreements.termsSaved')}</Text>}</div>
        <Group>
          <Button type="submit">{t('cohorts.agreements.saveTerms')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Issues the agreements, then says how many it issued; AGREEMENT_TERMS_MISSING is shown in the dialog. */
function IssueAgreements({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation('secretariat');
  const [issued, setIssued] = useState<number | null>(null);
  return (
    <Stack gap="xs">
      <Group>
        <ConfirmedAction
          label={t('cohorts.agreements.issue')}
          title={t('cohorts.agreements.issueTitle')}
          explanation={t('cohorts.agreements.issueExplanation')}
          confirmLabel={t('cohorts.agreements.issueConfirm')}
          action={async () => {
            setIssued(null);
            const answer = await ok(
              api.POST('/api/v1/cohorts/{id}/agreements', { params: { path: { id: cohortId } } }),
            );
            setIssued(answer.issued.length);
          }}
        />
      </Group>
      <div role="status">
        {issued !== null && (
          <Text fw={600}>
            {issued === 0 ? t('cohorts.agreements.noneIssued') : t('cohorts.agreements.issued', { count: issued })}
          </Text>
        )}
      </div>
    </Stack>
  );
}

function AgreementsTable({ agreements }: { agreements: Agreement[] }) {
  const { t, i18n } = useTranslation('secretariat');
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table withTableBorder striped verticalSpacing="xs" aria-labelledby="agreements">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('cohorts.agreements.centre')}</Table.Th>
            <Table.Th scope="col">{t('cohorts.agreements.status')}</Table.Th>
            <Table.Th scope="col">{t('cohorts.agreements.signedCopy')}</Table.Th>
            <Table.Th scope="col">{t('cohorts.agreements.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {agreements.map((agreement) => (
            <Table.Tr key={agreement.applicationId}>
              <Table.Th scope="row">
                {agreement.centre.name}
                <Text size="xs" c="dimmed">
                  {countryName(agreement.centre.countryCode, i18n.language)}
                </Text>
              </Table.Th>
              <Table.Td>
                <AgreementStatus agreement={agreement} />
              </Table.Td>
              <Table.Td>
                {agreement.signedCopy ? (
                  <Stack gap={0}>
                    <Anchor
                      component="button"
                      type="button"
                      ta="start"
                      onClick={() => void downloadSignedCopy(agreement.applicationId, agreement.signedCopy!.filename)}
                    >
                      {agreement.signedCopy.filename}
                    </Anchor>
                    <Text size="xs">
                      <DateTime value={agreement.signedCopy.uploadedAt} />
                    </Text>
                  </Stack>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td>
                {agreement.status === 'signed' && !agreement.centreWithdrawn && (
                  <Group gap="xs">
                    <CountersignButton agreement={agreement} />
                    <ReturnButton agreement={agreement} />
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function AgreementStatus({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation('secretariat');
  if (agreement.centreWithdrawn) return <>{t('cohorts.agreements.withdrawn')}</>;
  return (
    <Stack gap={0}>
      <Text size="sm">{t(`cohorts.agreements.statuses.${agreement.status}`)}</Text>
      {agreement.status === 'countersigned' && agreement.countersignedAt && (
        <Text size="xs">
          {t('cohorts.agreements.since')} <DateTime value={agreement.countersignedAt} />
        </Text>
      )}
      {agreement.status === 'issued' && agreement.returnReason && (
        <Text size="xs">{t('cohorts.agreements.returned', { reason: agreement.returnReason })}</Text>
      )}
    </Stack>
  );
}
