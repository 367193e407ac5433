import { Badge, Button, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLoaderData, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { api, ok } from '../../../api/client';
import type { Me, Role } from '../../../api/types';
import { OffsetPager } from '../../../shared/OffsetPager';
import { PageTitle } from '../../../shared/PageTitle';
import { EmptyState } from '../../../shared/States';
import { requireStaff } from '../access';
import { ListSearchInput } from '../ListSearchInput';
import { readChoice, withListParameter } from '../list-search';
import { AccountActions } from './AccountActions';
import { HistoryDialog } from './HistoryDialog';
import { SortableHeader } from '../SortableHeader';
import { DEFAULT_SORT, PAGE_SIZE, ROLE_FILTERS, SORTS, STATUS_FILTERS, type Person } from './people';

export async function peopleLoader({ request }: LoaderFunctionArgs) {
  const me = await requireStaff(request);
  const params = new URL(request.url).searchParams;
  const q = params.get('q')?.trim() ?? '';
  const role = readChoice(params, 'role', ROLE_FILTERS, 'all');
  const status = readChoice(params, 'status', STATUS_FILTERS, 'all');
  const sort = readChoice(params, 'sort', SORTS, DEFAULT_SORT);
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const historyOf = params.get('history');
  const query = {
    limit: PAGE_SIZE,
    offset,
    sort,
    ...(q ? { q } : {}),
    ...(role !== 'all' ? { role } : {}),
    ...(status !== 'all' ? { status } : {}),
  };
  const [page, history] = await Promise.all([
    ok(api.GET('/api/v1/users', { params: { query } })),
    historyOf
      ? ok(api.GET('/api/v1/users/{id}/history', { params: { path: { id: historyOf }, query: { limit: 500 } } }))
      : null,
  ]);
  return { me, people: page.items, total: page.total, q, role, status, sort, offset, historyOf, history };
}

/** The platform's users for the secretariat and administrators: found, filtered, and their accounts managed. */
export function PeoplePage() {
  const { t } = useTranslation('secretariat');
  const { me, people, total, q, role, status, sort, offset, historyOf, history } = useLoaderData<typeof peopleLoader>();
  const [params, setParams] = useSearchParams();
  const historyPerson = people.find((p) => p.id === historyOf);
  return (
    <>
      <PageTitle title={t('people.title')}>
        <Text>{t('people.intro')}</Text>
      </PageTitle>
      <Stack gap="md">
        <Group align="flex-end" role="search">
          <ListSearchInput
            label={t('people.search')}
            description={t('people.searchHint')}
            parameter="q"
            pageParameter="offset"
            value={q}
          />
          <NativeSelect
            label={t('people.roleFilter')}
            value={role}
            data={ROLE_FILTERS.map((value) => ({ value, label: t(`people.roles.${value}`) }))}
            onChange={(event) =>
              setParams(withListParameter(params, 'role', event.currentTarget.value.replace(/^all$/, ''), 'offset'))
            }
          />
          <NativeSelect
            label={t('people.statusFilter')}
            value={status}
            data={STATUS_FILTERS.map((value) => ({ value, label: t(`people.statuses.${value}`) }))}
            onChange={(event) =>
              setParams(withListParameter(params, 'status', event.currentTarget.value.replace(/^all$/, ''), 'offset'))
            }
          />
        </Group>
        {people.length === 0 ? (
          <EmptyState>{t('people.none')}</EmptyState>
        ) : (
          <PeopleTable me={me} people={people} total={total} offset={offset} sort={sort} />
        )}
        <OffsetPager label={t('people.pages')} offset={offset} total={total} pageSize={PAGE_SIZE} />
      </Stack>
      {history && historyOf && (
        <HistoryDialog
          name={historyPerson?.displayName}
          entries={history.items}
          total={history.total}
          onClose={() => {
            const next = new URLSearchParams(params);
            next.delete('history');
            setParams(next, { replace: true });
          }}
        />
      )}
    </>
  );
}

interface TableProps {
  me: Me;
  people: Person[];
  total: number;
  offset: number;
  sort: string;
}

function PeopleTable({ me, people, total, offset, sort }: TableProps) {
  const { t } = useTranslation(['secretariat', 'common']);
  const [params] = useSearchParams();
  const historyLink = (id: string) => {
    const next = new URLSearchParams(params);
    next.set('history', id);
    return `?${next.toString()}`;
  };
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped withTableBorder verticalSpacing="xs" captionSide="top">
        <Table.Caption>{t('people.caption', { first: offset + 1, last: offset + people.length, total })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {(['name', 'email', 'role', 'status'] as const).map((key) => (
              <SortableHeader
                key={key}
                label={t(`people.${key}`)}
                sortKey={key}
                sort={sort}
                defaultSort={DEFAULT_SORT}
                pageParameter="offset"
              />
            ))}
            <Table.Th scope="col">{t('people.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.map((person) => (
            <Table.Tr key={person.id} data-testid="person-row">
              <Table.Th scope="row" fw={600}>
                {person.displayName}
              </Table.Th>
              <Table.Td>{person.email}</Table.Td>
              <Table.Td>{t(`common:roles.${person.role as Role}`)}</Table.Td>
              <Table.Td>
                <Badge color={person.active ? 'teal.9' : 'gray.8'}>
                  {person.active ? t('people.active') : t('people.inactive')}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Group gap="xs">
                  <AccountActions me={me} person={person} />
                  <Button
                    component={Link}
                    to={historyLink(person.id)}
                    variant="subtle"
                    aria-label={t('people.historyOf', { name: person.displayName })}
                  >
                    {t('people.history')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
