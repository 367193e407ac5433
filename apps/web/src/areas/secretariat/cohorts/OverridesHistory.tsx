import { Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatCompactDateTime } from '../format';
import type { Cohort } from '../types';

/** The secretariat's changes to the proposal, oldest first, each with its reason. */
export function OverridesHistory({ cohort }: { cohort: Cohort }) {
  const { t, i18n } = useTranslation('secretariat');
  if (cohort.overrides.length === 0) return null;
  const names = new Map(
    [...cohort.members, ...cohort.waitlist, ...cohort.excluded].map((entry) => [
      entry.applicationId,
      entry.organisation.name,
    ]),
  );
  const list = (ids: string[]) =>
    new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(ids.map((id) => names.get(id) ?? id));
  return (
    <section aria-labelledby="changes">
      <Title order={2} id="changes" mb="sm">
        {t('cohorts.changes.title')}
      </Title>
      <Table withTableBorder striped verticalSpacing="xs" aria-labelledby="changes">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('cohorts.changes.at')}</Table.Th>
            <Table.Th scope="col">{t('cohorts.changes.change')}</Table.Th>
            <Table.Th scope="col">{t('cohorts.changes.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cohort.overrides.map((override, index) => (
            <Table.Tr key={`${override.at}-${index}`}>
              <Table.Td>{formatCompactDateTime(override.at, i18n.language)}</Table.Td>
              <Table.Td>
                {override.add.length > 0 && <div>{t('cohorts.changes.added', { names: list(override.add) })}</div>}
                {override.remove.length > 0 && (
                  <div>{t('cohorts.changes.removed', { names: list(override.remove) })}</div>
                )}
              </Table.Td>
              <Table.Td>{override.reason}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}
