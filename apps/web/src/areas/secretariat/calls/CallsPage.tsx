import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { api, ok } from '../../../api/client';
import type { Call } from '../../../api/types';
import { OffsetPager } from '../../../shared/OffsetPager';
import { PageTitle } from '../../../shared/PageTitle';
import { EmptyState } from '../../../shared/States';
import { requireStaff } from '../access';
import { callPath } from '../call/call-route';
import { formatCompactDateTime } from '../format';
import { formatNumber } from '../../../shared/format';
import classes from '../secretariat.module.css';
import { CallStatusBadge } from './CallStatusBadge';

const PAGE_SIZE = 50;
const STATUSES: Call['status'][] = ['draft', 'open', 'closed', 'reviewing', 'published', 'archived'];

function isStatus(value: string | null): value is Call['status'] {
  return STATUSES.includes(value as Call['status']);
}

export async function callsLoader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const search = new URL(request.url).searchParams;
  const requested = search.get('status');
  const status = isStatus(requested) ? requested : undefined;
  const offset = Math.max(0, Number(search.get('offset')) || 0);
  const query = { limit: PAGE_SIZE, offset, ...(status ? { status: [status] } : {}) };
  const page = await ok(api.GET('/api/v1/calls', { params: { query } }));
  return { calls: page.items, total: page.total, status, offset };
}

/** Every call, newest plans and old rounds alike, with a filter by status. */
export function CallsPage() {
  const { t } = useTranslation('secretariat');
  const { calls, total, status, offset } = useLoaderData<typeof callsLoader>();
  return (
    <>
      <PageTitle title={t('calls.title')}>
        <Group justify="space-between" align="flex-end">
          <StatusFilter current={status} />
          <Button component={Link} to="/secretariat/calls/new">
            {t('calls.new')}
          </Button>
        </Group>
      </PageTitle>
      {calls.length === 0 ? (
        <EmptyState>{status ? t('calls.noneWithStatus') : t('calls.none')}</EmptyState>
      ) : (
        <>
          <CallsTable calls={calls} total={total} />
          <OffsetPager label={t('calls.pages')} offset={offset} total={total} pageSize={PAGE_SIZE} />
        </>
      )}
    </>
  );
}

function StatusFilter({ current }: { current: Call['status'] | undefined }) {
  const { t } = useTranslation(['secretariat', 'common']);
  const links: Array<[string, string]> = [
    ['/secretariat/calls', t('calls.all')],
    ...STATUSES.map((s): [string, string] => [`/secretariat/calls?status=${s}`, t(`common:callStatuses.${s}`)]),
  ];
  return (
    <Group component="nav" aria-label={t('calls.filter')} gap={4}>
      {links.map(([to, label], index) => (
        <Link
          key={to}
          to={to}
          className={classes.filterLink}
          aria-current={(index === 0 ? !current : to.endsWith(`=${current}`)) ? 'page' : undefined}
        >
          {label}
        </Link>
      ))}
    </Group>
  );
}

function CallsTable({ calls, total }: { calls: Call[]; total: number }) {
  const { t, i18n } = useTranslation('secretariat');
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped withTableBorder verticalSpacing="xs">
        <Table.Caption>{t('calls.caption', { count: total })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('calls.call')}</Table.Th>
            <Table.Th scope="col">{t('calls.status')}</Table.Th>
            <Table.Th scope="col">{t('calls.opensAt')}</Table.Th>
            <Table.Th scope="col">{t('calls.closesAt')}</Table.Th>
            <Table.Th scope="col" ta="end">
              {t('calls.cohortSize')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {calls.map((call) => (
            <Table.Tr key={call.id}>
              <Table.Td>
                <Anchor component={Link} to={callPath(call.id)} fw={600} size="sm">
                  {call.title}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {call.reference}
                  {call.kind === 'registration' && ` · ${t('builder.kind.registration')}`}
                </Text>
              </Table.Td>
              <Table.Td>
                <CallStatusBadge status={call.status} />
              </Table.Td>
              <Table.Td>{formatCompactDateTime(call.opensAt, i18n.language)}</Table.Td>
              <Table.Td>{formatCompactDateTime(call.closesAt, i18n.language)}</Table.Td>
              <Table.Td ta="end">
                {/* A registration call selects no cohort. */}
                {call.kind === 'registration' ? '—' : formatNumber(call.cohortSize, i18n.language)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
