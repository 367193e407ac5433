import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { api, ok } from '../../api/client';
import { requireUser } from '../../app/guards';
import { countryName } from '../../shared/format';
import { PageTitle } from '../../shared/PageTitle';
import { EmptyState } from '../../shared/States';

export async function assignmentsLoader({ request }: LoaderFunctionArgs) {
  await requireUser(request, ['evaluator']);
  const page = await ok(api.GET('/api/v1/me/assignments', { params: { query: { limit: 500 } } }));
  return { assignments: page.items };
}

export function AssignmentsPage() {
  const { t, i18n } = useTranslation('evaluator');
  const { assignments } = useLoaderData<typeof assignmentsLoader>();
  return (
    <>
      <PageTitle title={t('assignments.title')} />
      {assignments.length === 0 ? (
        <EmptyState>{t('assignments.none')}</EmptyState>
      ) : (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('assignments.organisation')}</Table.Th>
              <Table.Th scope="col">{t('assignments.country')}</Table.Th>
              <Table.Th scope="col">{t('assignments.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {assignments.map((assignment) => (
              <Table.Tr key={assignment.id}>
                <Table.Td>{assignment.application.organisationName}</Table.Td>
                <Table.Td>{countryName(assignment.application.countryCode, i18n.language)}</Table.Td>
                <Table.Td>{t(`assignments.statuses.${assignment.status}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
