import { Anchor, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLoaderData } from 'react-router';
import { api, ok } from '../../api/client';
import { formatDate, formatNumber } from '../../shared/format';
import { PageTitle } from '../../shared/PageTitle';
import { EmptyState } from '../../shared/States';

export async function cohortsLoader() {
  const page = await ok(api.GET('/api/v1/public/cohorts', { params: { query: { limit: 100 } } }));
  return { cohorts: page.items };
}

export function CohortsPage() {
  const { t, i18n } = useTranslation('public');
  const { cohorts } = useLoaderData<typeof cohortsLoader>();
  return (
    <>
      <PageTitle title={t('cohorts.title')}>
        <Text maw={720}>{t('cohorts.intro')}</Text>
      </PageTitle>
      {cohorts.length === 0 ? (
        <EmptyState>{t('cohorts.none')}</EmptyState>
      ) : (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('cohorts.call')}</Table.Th>
              <Table.Th scope="col">{t('cohorts.published')}</Table.Th>
              <Table.Th scope="col" ta="end">
                {t('cohorts.selected')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cohorts.map((cohort) => (
              <Table.Tr key={cohort.id}>
                <Table.Td>
                  <Stack gap={0}>
                    <Anchor component={Link} to={`/cohorts/${cohort.id}`}>
                      {cohort.call.title}
                    </Anchor>
                    <Text size="sm" c="dimmed">
                      {cohort.call.reference}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td>{formatDate(cohort.publishedAt, i18n.language)}</Table.Td>
                <Table.Td ta="end">{formatNumber(cohort.statistics.selected, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
