import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { api, ok } from '../../../api/client';
import { MAX_PAGE_SIZE, allPages } from '../../../api/pages';
import { requireUser } from '../../../app/guards';
import { PageTitle } from '../../../shared/PageTitle';
import { EmptyState } from '../../../shared/States';
import { ExpertiseForm } from './ExpertiseForm';

/** Every call on whose panel the evaluator sits (a handful), each with its keywords and the evaluator's declaration. */
export async function expertiseLoader({ request }: LoaderFunctionArgs) {
  await requireUser(request, ['evaluator']);
  const calls = await allPages((offset) =>
    ok(api.GET('/api/v1/me/expertise', { params: { query: { limit: MAX_PAGE_SIZE, offset } } })),
  );
  return { calls };
}

/**
 * Where evaluators say what they know, call by call, before the secretariat assigns applications:
 * the automatic assignment matches it to the applications' topics.
 */
export function ExpertisePage() {
  const { t } = useTranslation('evaluator');
  const { calls } = useLoaderData<typeof expertiseLoader>();
  return (
    <>
      <PageTitle title={t('expertise.title')}>
        <Text c="dimmed">{t('expertise.intro')}</Text>
      </PageTitle>
      <Stack gap="xl">
        {calls.length === 0 ? (
          <EmptyState>{t('expertise.none')}</EmptyState>
        ) : (
          calls.map((call) => <ExpertiseForm key={call.callId} call={call} />)
        )}
      </Stack>
    </>
  );
}
