import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { api, ok } from '../../api/client';
import type { PublicCohort } from '../../api/types';
import { documentLanguage } from '../../i18n';
import { formatNumber } from '../../shared/format';
import { DateTime } from '../../shared/DateTime';
import { PageTitle } from '../../shared/PageTitle';
import { CohortHistory, loadHistory } from './CohortHistory';
import { CohortLottery } from './CohortLottery';
import { ContentHash } from './ContentHash';
import { MembersByRegion } from './MembersByRegion';
import { RegionBreakdown } from './RegionBreakdown';

export async function cohortLoader({ params }: LoaderFunctionArgs) {
  const id = params.cohortId ?? '';
  const [cohort, history] = await Promise.all([
    ok(api.GET('/api/v1/public/cohorts/{id}', { params: { path: { id } } })),
    loadHistory(id),
  ]);
  return { cohort, history };
}

export function CohortPage() {
  const { t } = useTranslation('public');
  const { cohort, history } = useLoaderData<typeof cohortLoader>();
  return (
    <>
      <PageTitle title={t('cohort.title', { call: cohort.call.title })} overline={cohort.call.reference}>
        <Text>
          {t('cohort.publishedOn')} <DateTime value={cohort.publishedAt} />
        </Text>
      </PageTitle>
      <Stack gap="xl">
        <Statistics cohort={cohort} />
        <RegionBreakdown members={cohort.members} />
        <MembersByRegion members={cohort.members} />
        <Downloads cohortId={cohort.id} />
        <ContentHash cohort={cohort} />
        <CohortLottery cohort={cohort} />
        <CohortHistory current={history.current} amendments={history.amendments} />
      </Stack>
    </>
  );
}

function Statistics({ cohort }: { cohort: PublicCohort }) {
  const { t, i18n } = useTranslation('public');
  const figures = [
    [t('cohort.applications'), cohort.statistics.applications],
    [t('cohort.countries'), cohort.statistics.countries],
    [t('cohort.selected'), cohort.statistics.selected],
  ] as const;
  return (
    <section aria-labelledby="statistics">
      <Title order={2} id="statistics" mb="sm">
        {t('cohort.statistics')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }} component="dl" m={0}>
        {figures.map(([label, value]) => (
          <Paper key={label} withBorder p="md" radius="md">
            <Text component="dt" size="sm" c="dimmed">
              {label}
            </Text>
            <Text component="dd" m={0} fz={32} fw={700}>
              {formatNumber(value, i18n.language)}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
    </section>
  );
}

function Downloads({ cohortId }: { cohortId: string }) {
  const { t, i18n } = useTranslation('public');
  const base = `/api/v1/public/cohorts/${encodeURIComponent(cohortId)}`;
  const lang = documentLanguage(i18n.language);
  return (
    <section aria-labelledby="downloads">
      <Title order={2} id="downloads" mb="sm">
        {t('cohort.downloads')}
      </Title>
      <Group gap="lg">
        <Anchor href={`${base}/annex.pdf?lang=${lang}`}>{t('cohort.annexPdf')}</Anchor>
        <Anchor href={`${base}/annex.csv`} download>
          {t('cohort.annexCsv')}
        </Anchor>
        <Anchor href={`${base}/circular.pdf?lang=${lang}`}>{t('cohort.circularPdf')}</Anchor>
        <Anchor href={`${base}/circular.html?lang=${lang}`} hrefLang={lang}>
          {t('cohort.circularHtml')}
        </Anchor>
      </Group>
    </section>
  );
}
