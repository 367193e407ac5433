import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { api, ok } from '../../../api/client';
import { MAX_PAGE_SIZE, allPages } from '../../../api/pages';
import type { Call } from '../../../api/types';
import { formatNumber } from '../../../shared/format';
import { EmptyState } from '../../../shared/States';
import { requireStaff } from '../access';
import { callPath, useCall } from '../call/call-route';
import { SectionTitle } from '../call/SectionTitle';
import { formatCompactDateTime } from '../format';
import type { CohortSummary, ScoringStatus } from '../types';
import { CohortStatusBadge } from './CohortStatusBadge';
import { ProposeForm } from './ProposeForm';

export async function cohortsLoader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const path = { params: { path: { id: params.callId ?? '' } } };
  const [cohorts, scoring] = await Promise.all([
    allPages((offset) =>
      ok(
        api.GET('/api/v1/calls/{id}/cohorts', { params: { ...path.params, query: { limit: MAX_PAGE_SIZE, offset } } }),
      ),
    ),
    ok(api.GET('/api/v1/calls/{id}/scoring-status', path)),
  ]);
  return { cohorts, scoring };
}

/** The call's cohort proposals so far, newest first, and a new proposal while the call is under review. */
export function CohortsPage() {
  const { t } = useTranslation('secretariat');
  const call = useCall();
  const { cohorts, scoring } = useLoaderData<typeof cohortsLoader>();
  const newestFirst = [...cohorts].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <>
      <SectionTitle title={t('cohorts.title')} call={call} />
      <Stack gap="xl">
        <Proposals callId={call.id} cohorts={newestFirst} />
        <NewProposal call={call} scoring={scoring} />
      </Stack>
    </>
  );
}

function Proposals({ callId, cohorts }: { callId: string; cohorts: CohortSummary[] }) {
  const { t, i18n } = useTranslation('secretariat');
  return (
    <section aria-labelledby="proposals">
      <Title order={2} id="proposals" mb="sm">
        {t('cohorts.list.title')}
      </Title>
      {cohorts.length === 0 ? (
        <EmptyState>{t('cohorts.list.none')}</EmptyState>
      ) : (
        <Table withTableBorder striped verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('cohorts.list.proposedAt')}</Table.Th>
              <Table.Th scope="col">{t('cohorts.list.status')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('cohorts.list.members')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cohorts.map((cohort) => (
              <Table.Tr key={cohort.id}>
                <Table.Th scope="row" fw={400}>
                  <Anchor component={Link} to={callPath(callId, `cohorts/${cohort.id}`)}>
                    {t('cohorts.list.open', { date: formatCompactDateTime(cohort.createdAt, i18n.language) })}
                  </Anchor>
                </Table.Th>
                <Table.Td>
                  <CohortStatusBadge status={cohort.status} />
                </Table.Td>
                <Table.Td ta="right">{formatNumber(cohort.memberCount, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}

/** Proposals come from the ranking, so they wait for the call to be under review and its scores. */
function NewProposal({ call, scoring }: { call: Call; scoring: ScoringStatus }) {
  const { t, i18n } = useTranslation('secretariat');
  if (call.status === 'published' || call.status === 'archived') return null;
  if (call.status !== 'reviewing') return <EmptyState>{t('cohorts.propose.notUnderReview')}</EmptyState>;
  return (
    <Stack gap="sm">
      <Text role="status">
        {scoring.upToDate
          ? t('cohorts.scoring.upToDate', {
              date: scoring.lastComputedAt ? formatCompactDateTime(scoring.lastComputedAt, i18n.language) : '—',
            })
          : t('cohorts.scoring.pending', { count: scoring.pending })}
      </Text>
      <ProposeForm call={call} />
    </Stack>
  );
}
