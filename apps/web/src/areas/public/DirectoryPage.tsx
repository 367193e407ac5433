import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { api, ok } from '../../api/client';
import type { DirectoryEntry } from '../../api/types';
import { countryName, formatDate } from '../../shared/format';
import { OffsetPager } from '../../shared/OffsetPager';
import { PageTitle } from '../../shared/PageTitle';
import { EmptyState } from '../../shared/States';

const PAGE_SIZE = 50;

export async function directoryLoader({ request }: LoaderFunctionArgs) {
  const offset = Math.max(0, Number(new URL(request.url).searchParams.get('offset')) || 0);
  const page = await ok(api.GET('/api/v1/public/directory', { params: { query: { limit: PAGE_SIZE, offset } } }));
  return { entries: page.items, total: page.total, offset };
}

/** The network's centres: those whose cooperation agreement is countersigned, by name, paged. */
export function DirectoryPage() {
  const { t, i18n } = useTranslation('public');
  const { entries, total, offset } = useLoaderData<typeof directoryLoader>();
  return (
    <>
      <PageTitle title={t('directory.title')}>
        <Text maw={720}>{t('directory.intro')}</Text>
      </PageTitle>
      {total === 0 ? (
        <EmptyState>{t('directory.none')}</EmptyState>
      ) : (
        <section aria-labelledby="directory-count">
          <Text fw={600} mb="sm" id="directory-count">
            {t('directory.count', { count: total })}
          </Text>
          <DirectoryTable entries={entries} language={i18n.language} />
          <OffsetPager label={t('directory.pages')} offset={offset} total={total} pageSize={PAGE_SIZE} />
        </section>
      )}
    </>
  );
}

function DirectoryTable({ entries, language }: { entries: DirectoryEntry[]; language: string }) {
  const { t } = useTranslation(['public', 'common']);
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped withTableBorder aria-labelledby="directory-count">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('directory.centre')}</Table.Th>
            <Table.Th scope="col">{t('directory.country')}</Table.Th>
            <Table.Th scope="col">{t('directory.region')}</Table.Th>
            <Table.Th scope="col">{t('directory.call')}</Table.Th>
            <Table.Th scope="col">{t('directory.since')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry, i) => (
            // Two centres of one name and country stay two rows.
            <Table.Tr key={`${i}-${entry.name}-${entry.countryCode}`}>
              <Table.Td>
                <Stack gap={0}>
                  <Text inherit fw={600}>
                    {entry.name}
                  </Text>
                  {entry.city && <Text size="sm">{entry.city}</Text>}
                </Stack>
              </Table.Td>
              <Table.Td>{countryName(entry.countryCode, language, entry.countryName)}</Table.Td>
              <Table.Td>{t(`common:regions.${entry.region}`)}</Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  <Text inherit>{entry.call.title}</Text>
                  <Text size="sm">{entry.call.reference}</Text>
                </Stack>
              </Table.Td>
              <Table.Td>{formatDate(entry.since, language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
