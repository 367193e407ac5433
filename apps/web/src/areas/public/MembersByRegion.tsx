import { Stack, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PublicCohort } from '../../api/types';
import { countryName } from '../../shared/format';
import { REGIONS } from '../../shared/regions';

/** The selected centres, region by region, as the annex lists them. */
export function MembersByRegion({ members }: { members: PublicCohort['members'] }) {
  const { t } = useTranslation(['public', 'common']);
  const regions = REGIONS.map((region) => ({ region, centres: members.filter((m) => m.region === region) })).filter(
    (group) => group.centres.length > 0,
  );
  return (
    <section aria-labelledby="centres">
      <Title order={2} id="centres" mb="sm">
        {t('cohort.centresSelected')}
      </Title>
      <Stack gap="lg">
        {regions.map(({ region, centres }) => (
          <div key={region}>
            <Title order={3} size="h4" mb="xs" id={`region-${region}`}>
              {t(`common:regions.${region}`)} ({centres.length})
            </Title>
            <CentresTable centres={centres} labelledBy={`region-${region}`} />
          </div>
        ))}
      </Stack>
    </section>
  );
}

/** Centres of a public list (the published one, or the list as it stands), by name, city and country. */
export function CentresTable({ centres, labelledBy }: { centres: PublicCohort['members']; labelledBy: string }) {
  const { t, i18n } = useTranslation('public');
  return (
    <Table striped withTableBorder aria-labelledby={labelledBy}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('cohort.centre')}</Table.Th>
          <Table.Th scope="col">{t('cohort.city')}</Table.Th>
          <Table.Th scope="col">{t('cohort.country')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {centres.map((centre, i) => (
          // Two centres of one name and country stay two rows.
          <Table.Tr key={`${i}-${centre.name}-${centre.countryCode}`}>
            <Table.Td>{centre.name}</Table.Td>
            <Table.Td>{centre.city ?? '—'}</Table.Td>
            <Table.Td>{countryName(centre.countryCode, i18n.language, centre.countryName)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
