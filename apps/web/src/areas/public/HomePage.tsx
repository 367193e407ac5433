import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLoaderData } from 'react-router';
import { api, ok } from '../../api/client';
import { PageTitle } from '../../shared/PageTitle';
import { EmptyState } from '../../shared/States';
import { CallCard } from './CallCard';
import { PastCalls } from './PastCalls';

/** The past calls the home page lists, the latest first: as many as the cohorts page lists cohorts. */
const PAST_CALLS = 100;

export async function homeLoader() {
  const [open, past] = await Promise.all([
    ok(api.GET('/api/v1/calls', { params: { query: { status: ['open'], limit: 500 } } })),
    ok(api.GET('/api/v1/calls', { params: { query: { status: ['published', 'archived'], limit: PAST_CALLS } } })),
  ]);
  // The nearest deadline first: what an applicant needs to see.
  return { calls: open.items.sort((a, b) => a.closesAt.localeCompare(b.closesAt)), past: past.items };
}

/** The home page's title and introduction: also what the page shell (index.html) shows before the app runs. */
export function HomeIntro() {
  const { t } = useTranslation('public');
  return (
    <PageTitle title={t('home.title')}>
      <Text size="lg" maw={720}>
        {t('home.intro')}
      </Text>
    </PageTitle>
  );
}

export function HomePage() {
  const { t } = useTranslation('public');
  const { calls, past } = useLoaderData<typeof homeLoader>();
  return (
    <>
      <HomeIntro />
      {calls.length === 0 ? (
        <EmptyState>{t('home.none')}</EmptyState>
      ) : (
        <Stack component="ul" gap="md" p={0} style={{ listStyle: 'none' }} aria-label={t('home.listLabel')}>
          {calls.map((call) => (
            <li key={call.id}>
              <CallCard call={call} />
            </li>
          ))}
        </Stack>
      )}
      <PastCalls calls={past} />
    </>
  );
}
