import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { api, ok } from '../../../api/client';
import type { Call } from '../../../api/types';
import { formatNumber } from '../../../shared/format';
import { OffsetPager } from '../../../shared/OffsetPager';
import { EmptyState } from '../../../shared/States';
import { requireStaff } from '../access';
import { callPath, useCall } from '../call/call-route';
import { SectionTitle } from '../call/SectionTitle';
import { formatCompactDateTime } from '../format';
import { readChoice, readOffset, type ServerListPage } from '../list-search';
import { SortableHeader } from '../SortableHeader';
import type { CohortSummary, ScoringStatus } from '../types';
import { CohortStatusBadge } from './CohortStatusBadge';
import { ProposeForm } from './ProposeForm';

/** The columns the proposals sort by (the API's `sort` keys); the newest first unless the address says otherwise. */
const SORT_KEYS = ['createdAt', 'status', 'memberCount'] as const;
const SORTS = SORT_KEYS.flatMap((key) => [key, `-${key}`] as const);
const DEFAULT_SORT = '-createdAt';
const LABELS = { createdAt: 'proposedAt', status: 'status', memberCount: 'members' } as const;
const PAGE_SIZE = 20;

export async function cohortsLoader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const path = { params: { path: { id: params.callId ?? '' } } };
  const search = new URL(request.url).searchParams;
  const sort = readChoice(search, 'sort', SORTS, DEFAULT_SORT);
  const offset = readOffset(search);
  const [page, scoring] = await Promise.all([
    ok(
      api.GET('/api/v1/calls/{id}/cohorts', { params: { ...path.params, query: { limit: PAGE_SIZE, offset, sort } } }),
    ),
    ok(api.GET('/api/v1/calls/{id}/scoring-status', path)),
  ]);
  return { cohorts: { ...page, sort, offset }, scoring };
}

/** The call's cohort proposals so far, in the order asked and a page at a time, and a new proposal while the call is under review. */
export function CohortsPage() {
  const { t } = useTranslation('secretariat');
  const call = useCall();
  const { cohorts, scoring } = useLoaderData<typeof cohortsLoader>();
  return (
    <>
      <SectionTitle title={t('cohorts.title')} call={call} />
      <Stack gap="xl">
        <Proposals callId={call.id} list={cohorts} />
        <NewProposal call={call} scoring={scoring} />
      </Stack>
    </>
  );
}

function Proposals({ callId, list }: { callId: string; list: ServerListPage<CohortSummary> }) {
  const { t, i18n } = useTranslation('secretariat');
  return (
    <section aria-labelledby="proposals">
      <Title order={2} id="proposals" mb="sm">
        {t('cohorts.list.title')}
      </Title>
      {list.total === 0 ? (
        <EmptyState>{t('cohorts.list.none')}</EmptyState>
      ) : (
        <Table withTableBorder striped verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              {SORT_KEYS.map((key) => (
                <SortableHeader
                  key={key}
                  label={t(`cohorts.list.${LABELS[key]}`)}
                  sortKey={key}
                  sort={list.sort}
                  defaultSort={DEFAULT_SORT}
                  pageParameter="offset"
                  ta={key === 'memberCount' ? 'end' : undefined}
                />
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((cohort) => (
              <Table.Tr key={cohort.id}>
                <Table.Th scope="row" fw={400}>
                  <Anchor component={Link} to={callPath(callId, `cohorts/${cohort.id}`)}>
                    {t('cohorts.list.open', { date: formatCompactDateTime(cohort.createdAt, i18n.language) })}
                  </Anchor>
                </Table.Th>
                <Table.Td>
                  <CohortStatusBadge status={cohort.status} />
                </Table.Td>
                <Table.Td ta="end">{formatNumber(cohort.memberCount, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <OffsetPager label={t('cohorts.list.pages')} offset={list.offset} total={list.total} pageSize={PAGE_SIZE} />
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
