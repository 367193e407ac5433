import { Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLoaderData, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { api, ok } from '../../../api/client';
import type { components } from '../../../api/schema';
import { ConfirmedAction } from '../../../shared/ConfirmedAction';
import { OffsetPager } from '../../../shared/OffsetPager';
import { PageTitle } from '../../../shared/PageTitle';
import { EmptyState } from '../../../shared/States';
import { requireStaff } from '../access';
import { readChoice, withListParameter } from '../list-search';
import { SortableHeader } from '../SortableHeader';
import { formatCompactDateTime } from '../format';
import classes from '../secretariat.module.css';
import { InviteForm } from './InviteForm';

export type Invitation = components['schemas']['InvitationDto'];
type Status = Invitation['status'];

const STATUSES: Status[] = ['pending', 'accepted', 'expired', 'revoked'];
/** Dark shades only: white text on them keeps WCAG AA contrast. */
const COLOURS: Record<Status, string> = { pending: 'blue.9', accepted: 'teal.9', expired: 'gray.8', revoked: 'red.9' };

function isStatus(value: string | null): value is Status {
  return STATUSES.includes(value as Status);
}

/** The columns the list sorts by (the API's `sort` keys); the most recently sent first unless the address says otherwise. */
const SORT_KEYS = ['person', 'role', 'status', 'sentAt', 'expiresAt'] as const;
const SORTS = SORT_KEYS.flatMap((key) => [key, `-${key}`] as const);
const DEFAULT_SORT = '-sentAt';
const PAGE_SIZE = 50;

export async function invitationsLoader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const params = new URL(request.url).searchParams;
  const requested = params.get('status');
  const status = isStatus(requested) ? requested : undefined;
  const sort = readChoice(params, 'sort', SORTS, DEFAULT_SORT);
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const query = { limit: PAGE_SIZE, offset, sort, ...(status ? { status } : {}) };
  const [page, calls] = await Promise.all([
    ok(api.GET('/api/v1/invitations', { params: { query } })),
    ok(api.GET('/api/v1/calls', { params: { query: { limit: 500 } } })),
  ]);
  // Only a panel that can still change may take an invited evaluator.
  const open = calls.items.filter((call) => call.status !== 'published' && call.status !== 'archived');
  return { invitations: page.items, total: page.total, status, sort, offset, calls: open };
}

/** Invitations of evaluators and secretariat members: the form, and every invitation with its state. */
export function InvitationsPage() {
  const { t } = useTranslation('secretariat');
  const { invitations, total, status, sort, offset, calls } = useLoaderData<typeof invitationsLoader>();
  return (
    <>
      <PageTitle title={t('invitations.title')}>
        <Text>{t('invitations.intro')}</Text>
      </PageTitle>
      <InviteForm calls={calls} />
      <Group justify="space-between" align="flex-end" mt="xl" mb="sm">
        <StatusFilter current={status} />
      </Group>
      {invitations.length === 0 ? (
        <EmptyState>{t('invitations.none')}</EmptyState>
      ) : (
        <InvitationsTable invitations={invitations} total={total} sort={sort} />
      )}
      <OffsetPager label={t('invitations.pages')} offset={offset} total={total} pageSize={PAGE_SIZE} />
    </>
  );
}

/** Links to the invitations of each status, in the order shown now, from their first page. */
function StatusFilter({ current }: { current: Status | undefined }) {
  const { t } = useTranslation('secretariat');
  const [params] = useSearchParams();
  const filters: Array<[Status | undefined, string]> = [
    [undefined, t('invitations.all')],
    ...STATUSES.map((s): [Status, string] => [s, t(`invitations.statuses.${s}`)]),
  ];
  return (
    <Group component="nav" aria-label={t('invitations.filter')} gap={4}>
      {filters.map(([status, label]) => (
        <Link
          key={label}
          to={`?${withListParameter(params, 'status', status ?? '', 'offset').toString()}`}
          className={classes.filterLink}
          aria-current={status === current ? 'page' : undefined}
        >
          {label}
        </Link>
      ))}
    </Group>
  );
}

function InvitationsTable({ invitations, total, sort }: { invitations: Invitation[]; total: number; sort: string }) {
  const { t, i18n } = useTranslation(['secretariat', 'common']);
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped withTableBorder verticalSpacing="xs">
        <Table.Caption>{t('invitations.caption', { count: total })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {SORT_KEYS.map((key) => (
              <SortableHeader
                key={key}
                label={t(`invitations.${key}`)}
                sortKey={key}
                sort={sort}
                defaultSort={DEFAULT_SORT}
                pageParameter="offset"
              />
            ))}
            <Table.Th scope="col">{t('invitations.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invitations.map((invitation) => (
            <Table.Tr key={invitation.id}>
              <Table.Td>
                <Text fw={600} size="sm">
                  {invitation.displayName}
                </Text>
                <Text size="sm" c="dimmed">
                  {invitation.email}
                </Text>
              </Table.Td>
              <Table.Td>{t(`common:roles.${invitation.role}`)}</Table.Td>
              <Table.Td>
                <Badge color={COLOURS[invitation.status]} variant="filled">
                  {t(`invitations.statuses.${invitation.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{formatCompactDateTime(invitation.sentAt, i18n.language)}</Table.Td>
              <Table.Td>{formatCompactDateTime(invitation.expiresAt, i18n.language)}</Table.Td>
              <Table.Td>
                {(invitation.status === 'pending' || invitation.status === 'expired') && (
                  <Group gap="xs" wrap="nowrap">
                    <ConfirmedAction
                      label={t('invitations.resend')}
                      title={t('invitations.resendTitle', { name: invitation.displayName })}
                      explanation={t('invitations.resendExplanation', { email: invitation.email })}
                      confirmLabel={t('invitations.resend')}
                      variant="light"
                      action={() =>
                        ok(api.POST('/api/v1/invitations/{id}/resend', { params: { path: { id: invitation.id } } }))
                      }
                    />
                    <ConfirmedAction
                      label={t('invitations.revoke')}
                      title={t('invitations.revokeTitle', { name: invitation.displayName })}
                      explanation={t('invitations.revokeExplanation')}
                      confirmLabel={t('invitations.revoke')}
                      destructive
                      variant="light"
                      action={() =>
                        ok(api.POST('/api/v1/invitations/{id}/revoke', { params: { path: { id: invitation.id } } }))
                      }
                    />
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
