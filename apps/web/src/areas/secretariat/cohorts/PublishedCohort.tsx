import { Anchor, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateTime } from '../../../shared/DateTime';

interface PublishedCohortProps {
  cohortId: string;
  publishedAt: string;
  contentHash: string;
}

/** What publication produced: when, the fingerprint anyone can check, the public page and the annexes. */
export function PublishedCohort({ cohortId, publishedAt, contentHash }: PublishedCohortProps) {
  const { t } = useTranslation('secretariat');
  const annexes = `/api/v1/public/cohorts/${encodeURIComponent(cohortId)}`;
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="publication">
      <Title order={2} id="publication" mb="sm">
        {t('cohorts.published.title')}
      </Title>
      <Stack gap="sm">
        <Text>
          {t('cohorts.published.at')} <DateTime value={publishedAt} />
        </Text>
        <div>
          <Text fw={600} id="content-hash">
            {t('cohorts.published.contentHash')}
          </Text>
          <Code
            block
            aria-labelledby="content-hash"
            data-testid="content-hash"
            style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }}
          >
            {contentHash}
          </Code>
          <Text size="sm" c="dimmed" mt={4}>
            {t('cohorts.published.contentHashHint')}
          </Text>
        </div>
        <Group gap="lg">
          <Anchor component={Link} to={`/cohorts/${encodeURIComponent(cohortId)}`}>
            {t('cohorts.published.publicPage')}
          </Anchor>
          <Anchor href={`${annexes}/annex.pdf?lang=en`} download>
            {t('cohorts.published.annexPdfEn')}
          </Anchor>
          <Anchor href={`${annexes}/annex.pdf?lang=fr`} download>
            {t('cohorts.published.annexPdfFr')}
          </Anchor>
          <Anchor href={`${annexes}/annex.csv`} download>
            {t('cohorts.published.annexCsv')}
          </Anchor>
          <Anchor href={`${annexes}/circular.pdf?lang=en`} download>
            {t('cohorts.published.circularPdfEn')}
          </Anchor>
          <Anchor href={`${annexes}/circular.pdf?lang=fr`} download>
            {t('cohorts.published.circularPdfFr')}
          </Anchor>
        </Group>
      </Stack>
    </Paper>
  );
}
