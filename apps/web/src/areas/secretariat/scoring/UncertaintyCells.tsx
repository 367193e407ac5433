import { Group, Progress, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../../../shared/format';

/** What the cells show of a rank's uncertainty: a stage ranking's entry, or a proposal's candidate. */
export interface ShownUncertainty {
  probabilityInCohort: number;
  rankInterval: { lower: number; upper: number };
}

/**
 * The 90% interval of a rank ("12–19") and the chance of a seat as a percentage, with a bar that
 * shows it at a glance (hidden from assistive technologies, which read the figure beside it); dashes
 * until the intervals are computed.
 */
export function UncertaintyCells({ uncertainty }: { uncertainty: ShownUncertainty | null | undefined }) {
  const { t, i18n } = useTranslation('secretariat');
  if (!uncertainty) {
    return (
      <>
        <Table.Td ta="end">—</Table.Td>
        <Table.Td ta="end">—</Table.Td>
      </>
    );
  }
  const { lower, upper } = uncertainty.rankInterval;
  const chance = uncertainty.probabilityInCohort;
  return (
    <>
      <Table.Td ta="end" style={{ whiteSpace: 'nowrap' }}>
        {lower === upper
          ? formatNumber(lower, i18n.language)
          : t('scoring.ranking.uncertainty.interval', {
              lower: formatNumber(lower, i18n.language),
              upper: formatNumber(upper, i18n.language),
            })}
      </Table.Td>
      <Table.Td ta="end">
        <Group gap="xs" justify="flex-end" wrap="nowrap">
          <span>{formatPercent(chance, i18n.language)}</span>
          <Progress value={100 * chance} w={48} size="sm" color="blue.9" aria-hidden />
        </Group>
      </Table.Td>
    </>
  );
}
