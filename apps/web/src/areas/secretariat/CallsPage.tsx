import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { api, ok } from '../../api/client';
import { requireUser } from '../../app/guards';
import { formatDateTime } from '../../shared/format';
import { PageTitle } from '../../shared/PageTitle';
import { EmptyState } from '../../shared/States';

export async function callsLoader({ request }: LoaderFunctionArgs) {
  await requireUser(request, ['secretariat', 'admin']);
  const page = await ok(api.GET('/api/v1/calls', { params: { query: { limit: 500 } } }));
  return { calls: page.items };
}

export function CallsPage() {
  const { t, i18n } = useTranslation(['secretariat', 'common']);
  const { calls } = useLoaderData<typeof callsLoader>();
  return (
    <>
      <PageTitle title={t('calls.title')} />
      {calls.length === 0 ? (
        <EmptyState>{t('calls.none')}</EmptyState>
      ) : (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('calls.call')}</Table.Th>
              <Table.Th scope="col">{t('calls.status')}</Table.Th>
              <Table.Th scope="col">{t('calls.closesAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {calls.map((call) => (
              <Table.Tr key={call.id}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {call.title}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {call.reference}
                  </Text>
                </Table.Td>
                <Table.Td>{t(`common:callStatuses.${call.status}`)}</Table.Td>
                <Table.Td>{formatDateTime(call.closesAt, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
