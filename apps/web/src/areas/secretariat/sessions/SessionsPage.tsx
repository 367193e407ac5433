import { Alert, Anchor, Button, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLoaderData, useRevalidator, type LoaderFunctionArgs } from 'react-router';
import { api, ok } from '../../../api/client';
import { ApiProblem } from '../../../api/problem';
import type { Call } from '../../../api/types';
import { ConfirmedAction } from '../../../shared/ConfirmedAction';
import { DateTime } from '../../../shared/DateTime';
import { formatNumber } from '../../../shared/format';
import { OffsetPager } from '../../../shared/OffsetPager';
import { PageTitle } from '../../../shared/PageTitle';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { asProblem } from '../../../shared/problems';
import { SessionsTable } from '../../../shared/SessionsTable';
import { requireStaff } from '../access';
import { callPath, useCall } from '../call/call-route';
import { AmendButton } from './AmendButton';
import type { Allocation, AllocationItem } from './allocation';

const PAGE_SIZE = 50;

export async function sessionsLoader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const offset = Math.max(0, Number(new URL(request.url).searchParams.get('offset')) || 0);
  const { data, error, response } = await api.GET('/api/v1/calls/{id}/session-allocation', {
    params: { path: { id: params.callId ?? '' }, query: { limit: PAGE_SIZE, offset } },
  });
  // Not computed yet: the page offers to compute it.
  if (response.status === 404) return { allocation: null, offset };
  if (!data) throw ApiProblem.from(response.status, error);
  return { allocation: data as Allocation, offset };
}

/**
 * A registration call's sessions and the allocation of their seats: computed once the call is
 * closed, read as a board (each session's seats; the replies in the order the rule took them, with
 * what each was given and why), amended one reply at a time with a reason, then confirmed.
 */
export function SessionsPage() {
  const { t } = useTranslation('secretariat');
  const call = useCall();
  const { allocation, offset } = useLoaderData<typeof sessionsLoader>();
  const closed = !['draft', 'open'].includes(call.status);
  const confirmed = Boolean(allocation?.confirmedAt);
  return (
    <>
      <PageTitle title={t('allocation.title')} documentTitle={`${t('allocation.title')} · ${call.reference}`} />
      <Stack gap="xl">
        <Text>{t(`allocation.rules.${call.sessionAllocation?.rule ?? 'receipt'}`)}</Text>
        {!closed && (
          <Alert color="blue" variant="light" title={t('allocation.notClosedTitle')}>
            {t('allocation.notClosed')}
          </Alert>
        )}
        {closed && !confirmed && <ComputeButton callId={call.id} again={allocation !== null} />}
        {allocation?.confirmedAt && (
          <Alert
            color="teal"
            variant="light"
            title={t('allocation.confirmedTitle')}
            styles={{ title: { color: 'var(--mantine-color-text)' } }}
          >
            <Text size="sm">
              {t('allocation.confirmedAt')} <DateTime value={allocation.confirmedAt} />
            </Text>
            <Anchor component={Link} to={`/calls/${encodeURIComponent(call.id)}/programme`} size="sm">
              {t('allocation.programme')}
            </Anchor>
          </Alert>
        )}
        <SessionSeats call={call} allocation={allocation} />
        {allocation && <Board call={call} allocation={allocation} offset={offset} />}
        {allocation && !confirmed && (
          <Group>
            <ConfirmedAction
              label={t('allocation.confirm.button')}
              title={t('allocation.confirm.title')}
              explanation={t('allocation.confirm.explanation', { count: allocation.total })}
              confirmLabel={t('allocation.confirm.confirm')}
              action={() =>
                ok(api.POST('/api/v1/calls/{id}/session-allocation/confirm', { params: { path: { id: call.id } } }))
              }
            />
          </Group>
        )}
      </Stack>
    </>
  );
}

function ComputeButton({ callId, again }: { callId: string; again: boolean }) {
  const { t } = useTranslation('secretariat');
  const revalidator = useRevalidator();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [working, setWorking] = useState(false);
  const compute = () => ok(api.POST('/api/v1/calls/{id}/session-allocation', { params: { path: { id: callId } } }));
  if (again) {
    return (
      <Group>
        <ConfirmedAction
          variant="default"
          label={t('allocation.compute.again')}
          title={t('allocation.compute.againTitle')}
          explanation={t('allocation.compute.againExplanation')}
          confirmLabel={t('allocation.compute.again')}
          action={compute}
        />
      </Group>
    );
  }
  return (
    <div>
      <Button
        loading={working}
        onClick={() => {
          setWorking(true);
          setProblem(null);
          compute()
            .then(() => revalidator.revalidate())
            .catch((error: unknown) => setProblem(asProblem(error)))
            .finally(() => setWorking(false));
        }}
      >
        {t('allocation.compute.button')}
      </Button>
      <Text size="sm" c="dimmed" mt={4}>
        {t('allocation.compute.hint')}
      </Text>
      {problem && <ProblemAlert problem={problem} />}
    </div>
  );
}

/** Each session with its time in Geneva and its seats: capacity, and taken once computed. */
function SessionSeats({ call, allocation }: { call: Call; allocation: Allocation | null }) {
  const { t, i18n } = useTranslation('secretariat');
  const taken = new Map(allocation?.sessions.map((s) => [s.key, s.taken]) ?? []);
  return (
    <section aria-labelledby="sessions">
      <Title order={2} id="sessions" mb="sm">
        {t('allocation.sessions')}
      </Title>
      <SessionsTable
        sessions={call.sessions}
        headers={{
          session: t('allocation.session'),
          time: t('allocation.time'),
          capacity: t('allocation.capacity'),
          taken: t('allocation.taken'),
        }}
        taken={(session) => (allocation ? formatNumber(taken.get(session.key) ?? 0, i18n.language) : '—')}
      />
    </section>
  );
}

function Board({ call, allocation, offset }: { call: Call; allocation: Allocation; offset: number }) {
  const { t, i18n } = useTranslation('secretariat');
  const title = (key: string | null) => (key ? (call.sessions.find((s) => s.key === key)?.title ?? key) : '—');
  return (
    <section aria-labelledby="board">
      <Title order={2} id="board" mb="xs">
        {t('allocation.board')}
      </Title>
      <Text size="sm" mb="sm">
        {t('allocation.computedAt')} <DateTime value={allocation.computedAt} />
        {' · '}
        {t('allocation.replies', { count: allocation.total, formatted: formatNumber(allocation.total, i18n.language) })}
      </Text>
      {allocation.items.length === 0 ? (
        <Text c="dimmed">{t('allocation.noReplies')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('allocation.order')}</Table.Th>
                <Table.Th scope="col">{t('allocation.reply')}</Table.Th>
                <Table.Th scope="col">{t('allocation.session')}</Table.Th>
                <Table.Th scope="col">{t('allocation.why')}</Table.Th>
                <Table.Th scope="col">{t('allocation.passedOver')}</Table.Th>
                <Table.Th scope="col">{t('allocation.amendment')}</Table.Th>
                {!allocation.confirmedAt && <Table.Th scope="col">{t('allocation.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {allocation.items.map((item) => (
                <Table.Tr key={item.applicationId}>
                  <Table.Td>{formatNumber(item.processingOrder, i18n.language)}</Table.Td>
                  <Table.Th scope="row">
                    <Anchor
                      component={Link}
                      to={callPath(call.id, `applications/${encodeURIComponent(item.applicationId)}`)}
                    >
                      {item.organisationName}
                    </Anchor>{' '}
                    <Text span size="sm" c="dimmed">
                      ({item.countryCode})
                    </Text>
                  </Table.Th>
                  <Table.Td>{title(item.sessionKey)}</Table.Td>
                  <Table.Td>
                    <Why item={item} />
                  </Table.Td>
                  <Table.Td>
                    {item.passedOver.length === 0 ? (
                      '—'
                    ) : (
                      <List size="sm">
                        {item.passedOver.map((passed) => (
                          <List.Item key={passed.sessionKey}>
                            {t('allocation.passedOverItem', {
                              session: title(passed.sessionKey),
                              reason: t(`allocation.passedOverReasons.${passed.reason}`),
                            })}
                          </List.Item>
                        ))}
                      </List>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {item.amendment ? (
                      <Text size="sm">
                        {t('allocation.amended', {
                          computed: title(item.amendment.computedSessionKey),
                          reason: item.amendment.reason,
                        })}
                      </Text>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  {!allocation.confirmedAt && (
                    <Table.Td>
                      <AmendButton call={call} item={item} />
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <OffsetPager label={t('allocation.pages')} offset={offset} total={allocation.total} pageSize={PAGE_SIZE} />
    </section>
  );
}

/** Why a reply has its session, or none: its preference's rank, or the rule's reason. */
function Why({ item }: { item: AllocationItem }) {
  const { t } = useTranslation('secretariat');
  if (item.amendment) return t('allocation.byAmendment');
  if (item.reason) return t(`allocation.reasons.${item.reason}`);
  if (item.preferenceRank) return t('allocation.preference', { rank: item.preferenceRank });
  return '—';
}
