import { Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName, formatNumber, formatScore } from '../../../shared/format';
import { UncertaintyCells } from '../scoring/UncertaintyCells';
import type { CohortEntry } from '../types';

/** One application of a proposal as its tables list it: where it ranks, who it is, why it is there. */
export interface EntryRow {
  applicationId: string;
  rank: number | null;
  /** The ranking score; null for an application the ranking leaves out (not evaluated, withdrawn…). */
  score: number | null;
  organisation: CohortEntry['organisation'];
  reason: string;
  /** Whether its 90% rank interval straddles the last seat: the data cannot place it on either side. */
  inGreyZone: boolean;
  /** How sure its place in the final ranking is; absent or null until computed, or for one the ranking leaves out. */
  uncertainty?: CohortEntry['uncertainty'];
}

interface EntriesTableProps {
  /** The id of the heading that names the table. */
  labelledBy: string;
  rows: EntryRow[];
  empty: string;
  /** A button acting on the row (remove it, add it), when the proposal may still change. */
  action?: (row: EntryRow) => ReactNode;
  /** Whether to show each row's 90% rank interval and chance of a seat (the final ranking has intervals). */
  uncertain?: boolean;
}

/** Members, waitlist or the other applications of a proposal, in rank order. */
export function EntriesTable({ labelledBy, rows, empty, action, uncertain = false }: EntriesTableProps) {
  const { t, i18n } = useTranslation(['secretariat', 'common']);
  const columns = (action ? 7 : 6) + (uncertain ? 2 : 0);
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table withTableBorder striped verticalSpacing="xs" aria-labelledby={labelledBy}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" ta="end">
              {t('cohorts.table.rank')}
            </Table.Th>
            <Table.Th scope="col">{t('cohorts.table.organisation')}</Table.Th>
            <Table.Th scope="col">{t('cohorts.table.country')}</Table.Th>
            <Table.Th scope="col">{t('cohorts.table.region')}</Table.Th>
            <Table.Th scope="col" ta="end">
              {t('cohorts.table.score')}
            </Table.Th>
            {uncertain && (
              <>
                <Table.Th scope="col" ta="end">
                  {t('scoring.ranking.interval')}
                </Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('scoring.ranking.chance')}
                </Table.Th>
              </>
            )}
            <Table.Th scope="col">{t('cohorts.table.reason')}</Table.Th>
            {action && <Table.Th scope="col">{t('cohorts.table.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.applicationId}>
              <Table.Td ta="end">{row.rank === null ? '—' : formatNumber(row.rank, i18n.language)}</Table.Td>
              <Table.Th scope="row" fw={600}>
                {row.organisation.name}
                {row.organisation.city && (
                  <Text size="sm" c="dimmed" fw={400}>
                    {row.organisation.city}
                  </Text>
                )}
              </Table.Th>
              <Table.Td>{countryName(row.organisation.countryCode, i18n.language)}</Table.Td>
              <Table.Td>{t(`common:regions.${row.organisation.region}`)}</Table.Td>
              <Table.Td ta="end">{row.score === null ? '—' : formatScore(row.score, i18n.language)}</Table.Td>
              {uncertain && <UncertaintyCells uncertainty={row.uncertainty} />}
              <Table.Td>
                {row.inGreyZone ? (
                  <Group gap="xs">
                    {row.reason && <span>{row.reason}</span>}
                    <GreyZoneBadge />
                  </Group>
                ) : (
                  row.reason
                )}
              </Table.Td>
              {action && <Table.Td>{action(row)}</Table.Td>}
            </Table.Tr>
          ))}
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={columns}>{empty}</Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * The mark of a candidate in the grey zone, whose tooltip says what it means (and describes it to
 * assistive technologies while open); it takes the focus so that a keyboard opens the tooltip too.
 */
function GreyZoneBadge() {
  const { t } = useTranslation('secretariat');
  return (
    <Tooltip label={t('cohorts.greyZone.tooltip')} multiline w={280} events={{ hover: true, focus: true, touch: true }}>
      <Badge color="gray.8" variant="outline" tabIndex={0}>
        {t('cohorts.greyZone.badge')}
      </Badge>
    </Tooltip>
  );
}
