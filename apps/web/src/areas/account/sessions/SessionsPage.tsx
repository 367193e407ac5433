import { Badge, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { api, ok } from '../../../api/client';
import type { components } from '../../../api/schema';
import { requireUser } from '../../../app/guards';
import { ConfirmedAction } from '../../../shared/ConfirmedAction';
import { formatDateTime } from '../../../shared/format';
import { OffsetPager } from '../../../shared/OffsetPager';
import { PageTitle } from '../../../shared/PageTitle';
import { EmptyState } from '../../../shared/States';

type Session = components['schemas']['SessionDto'];

const PAGE_SIZE = 20;

export async function sessionsLoader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const offset = Math.max(0, Number(new URL(request.url).searchParams.get('offset')) || 0);
  const page = await ok(api.GET('/api/v1/me/sessions', { params: { query: { limit: PAGE_SIZE, offset } } }));
  return { sessions: page.items, total: page.total, offset };
}

/** The signed-in user's sessions, one per sign-in: where each comes from, ended one by one or all but this one. */
export function SessionsPage() {
  const { t } = useTranslation();
  const { sessions, total, offset } = useLoaderData<typeof sessionsLoader>();
  const others = total - (sessions.some((s) => s.current) ? 1 : 0);
  return (
    <>
      <PageTitle title={t('sessions.title')}>
        <Text>{t('sessions.intro')}</Text>
      </PageTitle>
      <Stack gap="lg">
        <section aria-labelledby="sessions-list">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h3" id="sessions-list">
              {t('sessions.listTitle', { count: total })}
            </Title>
            {others > 0 && (
              <ConfirmedAction
                label={t('sessions.revokeOthers')}
                title={t('sessions.revokeOthersTitle')}
                explanation={t('sessions.revokeOthersExplanation', { count: others })}
                confirmLabel={t('sessions.revokeOthersConfirm')}
                destructive
                variant="outline"
                action={() => ok(api.POST('/api/v1/me/sessions/revoke-others'))}
              />
            )}
          </Group>
          {sessions.length === 0 ? (
            <EmptyState>{t('sessions.none')}</EmptyState>
          ) : (
            <SessionsTable sessions={sessions} />
          )}
        </section>
        <OffsetPager label={t('sessions.pages')} offset={offset} total={total} pageSize={PAGE_SIZE} />
      </Stack>
    </>
  );
}

function SessionsTable({ sessions }: { sessions: Session[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('sessions.device')}</Table.Th>
            <Table.Th scope="col">{t('sessions.address')}</Table.Th>
            <Table.Th scope="col">{t('sessions.signedIn')}</Table.Th>
            <Table.Th scope="col">{t('sessions.lastUsed')}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t('sessions.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sessions.map((session) => (
            <Table.Tr key={session.id} data-testid="session-row">
              <Table.Td>
                <Text size="sm">{session.userAgent ?? t('sessions.unknownDevice')}</Text>
                {session.current && <Badge color="teal.9">{t('sessions.current')}</Badge>}
              </Table.Td>
              <Table.Td>{session.ip ?? '—'}</Table.Td>
              <Table.Td>{formatDateTime(session.createdAt, i18n.language)}</Table.Td>
              <Table.Td>{formatDateTime(session.lastUsedAt, i18n.language)}</Table.Td>
              <Table.Td>
                {!session.current && (
                  <Group justify="flex-end">
                    <ConfirmedAction
                      label={t('sessions.revoke')}
                      ariaLabel={t('sessions.revokeOf', { device: session.userAgent ?? t('sessions.unknownDevice') })}
                      title={t('sessions.revokeTitle')}
                      explanation={t('sessions.revokeExplanation', {
                        device: session.userAgent ?? t('sessions.unknownDevice'),
                      })}
                      confirmLabel={t('sessions.revokeConfirm')}
                      destructive
                      variant="outline"
                      action={() =>
                        ok(api.DELETE('/api/v1/me/sessions/{id}', { params: { path: { id: session.id } } }))
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
