import { Box, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PublicCohort } from '../../api/types';
import { formatNumber } from '../../shared/format';
import { REGIONS } from '../../shared/regions';

/**
 * The selected centres per ITU region: a table, which every reader can use, with a bar drawn in
 * each row for the eye (hidden from screen readers, which have the number).
 */
export function RegionBreakdown({ members }: { members: PublicCohort['members'] }) {
  const { t, i18n } = useTranslation(['public', 'common']);
  const counts = REGIONS.map((region) => ({ region, count: members.filter((m) => m.region === region).length }));
  const largest = Math.max(1, ...counts.map((c) => c.count));
  return (
    <section aria-labelledby="regions">
      <Title order={2} id="regions" mb="sm">
        {t('cohort.byRegion')}
      </Title>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('cohort.region')}</Table.Th>
            <Table.Th scope="col" ta="end" w="6rem">
              {t('cohort.centres')}
            </Table.Th>
            <Table.Th w="50%" aria-hidden />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {counts.map(({ region, count }) => (
            <Table.Tr key={region}>
              <Table.Th scope="row" fw={400}>
                {t(`common:regions.${region}`)}
              </Table.Th>
              <Table.Td ta="end">{formatNumber(count, i18n.language)}</Table.Td>
              <Table.Td aria-hidden>
                <Box h={12} w={`${(100 * count) / largest}%`} bg="blue.8" style={{ borderRadius: 2 }} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}
