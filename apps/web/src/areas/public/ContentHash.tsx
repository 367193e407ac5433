import { Alert, Button, Code, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicCohort } from '../../api/types';
import { verifyContentHash } from './verify-content-hash';

/**
 * The published list's fingerprint, how anyone can check it, and a check done here in the
 * browser (where Web Crypto is available: https or this machine).
 */
export function ContentHash({ cohort }: { cohort: PublicCohort }) {
  const { t } = useTranslation('public');
  const [verdict, setVerdict] = useState<'matches' | 'differs' | null>(null);
  const canVerify = typeof crypto !== 'undefined' && crypto.subtle !== undefined;
  return (
    <section aria-labelledby="verification">
      <Title order={2} id="verification" mb="sm">
        {t('hash.title')}
      </Title>
      <Stack gap="sm">
        <Text>{t('hash.intro')}</Text>
        <Code block aria-label={t('hash.label')} style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }}>
          {cohort.contentHash}
        </Code>
        <List type="ordered" spacing={4}>
          <List.Item>
            {t('hash.step1')} <Code>{`/api/v1/public/cohorts/${cohort.id}`}</Code>
          </List.Item>
          <List.Item>{t('hash.step2')}</List.Item>
          <List.Item>{t('hash.step3')}</List.Item>
          <List.Item>{t('hash.step4')}</List.Item>
        </List>
        {canVerify && (
          <div>
            <Button variant="default" onClick={() => void verifyContentHash(cohort.id).then(setVerdict)}>
              {t('hash.verify')}
            </Button>
          </div>
        )}
        <div role="status">
          {verdict && (
            <Alert color={verdict === 'matches' ? 'green' : 'red'} variant="light">
              {verdict === 'matches' ? t('hash.matches') : t('hash.differs')}
            </Alert>
          )}
        </div>
      </Stack>
    </section>
  );
}
