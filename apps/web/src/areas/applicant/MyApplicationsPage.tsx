import { Anchor, Button, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { api, ok } from '../../api/client';
import { requireUser } from '../../app/guards';
import { DateTime } from '../../shared/DateTime';
import { formatDate } from '../../shared/format';
import { PageTitle } from '../../shared/PageTitle';
import { EmptyState } from '../../shared/States';
import { callsOf } from './calls-of';
import { EmailVerificationBanner } from './EmailVerificationBanner';
import { StatusBadge } from './StatusBadge';

export async function myApplicationsLoader({ request }: LoaderFunctionArgs) {
  const me = await requireUser(request, ['applicant']);
  const [mine, open] = await Promise.all([
    ok(api.GET('/api/v1/me/applications', { params: { query: { limit: 500 } } })),
    ok(api.GET('/api/v1/calls', { params: { query: { status: ['open'], limit: 100 } } })),
  ]);
  const calls = await callsOf(mine.items.map((application) => application.callId));
  const applied = new Set(mine.items.map((application) => application.callId));
  return {
    hasOrganisation: Boolean(me.organisationId),
    applications: mine.items.map((application) => ({ application, call: calls.get(application.callId) ?? null })),
    openCalls: open.items.filter((call) => !applied.has(call.id)),
  };
}

export function MyApplicationsPage() {
  const { t, i18n } = useTranslation('applicant');
  const { hasOrganisation, applications, openCalls } = useLoaderData<typeof myApplicationsLoader>();
  return (
    <>
      <PageTitle title={t('applications.title')} />
      <EmailVerificationBanner />
      <Stack gap="xl">
        {!hasOrganisation && (
          <Text>
            {t('applications.noOrganisation')}{' '}
            <Anchor component={Link} to="/applicant/organisation">
              {t('applications.registerOrganisation')}
            </Anchor>
          </Text>
        )}
        {applications.length === 0 ? (
          <EmptyState>{t('applications.none')}</EmptyState>
        ) : (
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('applications.call')}</Table.Th>
                <Table.Th scope="col">{t('applications.status')}</Table.Th>
                <Table.Th scope="col">{t('applications.updated')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {applications.map(({ application, call }) => (
                <Table.Tr key={application.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/applicant/applications/${application.id}`}>
                      {call?.title ?? t('applications.callOutOfSight')}
                    </Anchor>
                    {call && (
                      <Text size="sm" c="dimmed">
                        {call.reference}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={application.status} />
                  </Table.Td>
                  <Table.Td>{formatDate(application.updatedAt, i18n.language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {openCalls.length > 0 && (
          <section aria-labelledby="open-calls">
            <Title order={2} id="open-calls" mb="sm">
              {t('applications.openCalls')}
            </Title>
            <Stack component="ul" p={0} style={{ listStyle: 'none' }}>
              {openCalls.map((call) => (
                <li key={call.id}>
                  <Text fw={600}>{call.title}</Text>
                  <Text size="sm">
                    {t('applications.closes')} <DateTime value={call.closesAt} />
                  </Text>
                  <Button component={Link} to={`/applicant/calls/${call.id}/apply`} variant="default" size="xs" mt={4}>
                    {t(call.kind === 'registration' ? 'applications.reply' : 'applications.apply', {
                      call: call.reference,
                    })}
                  </Button>
                </li>
              ))}
            </Stack>
          </section>
        )}
      </Stack>
    </>
  );
}
