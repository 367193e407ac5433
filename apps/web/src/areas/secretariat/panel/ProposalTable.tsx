import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../shared/format';
import type { AutoAssignment, PanelMember } from '../types';

export const AFFINITY_FORMAT = { minimumFractionDigits: 2, maximumFractionDigits: 2 };

/** A dry run's assignments, by application, each with its evaluator's affinity for it. */
export function ProposalTable(props: {
  proposal: NonNullable<AutoAssignment['proposal']>;
  members: PanelMember[];
  names: Map<string, string>;
}) {
  const { t, i18n } = useTranslation('secretariat');
  const evaluators = new Map(props.members.map((m) => [m.evaluatorId, m.displayName]));
  const name = (id: string) => props.names.get(id) ?? id;
  const rows = [...props.proposal].sort(
    (a, b) => name(a.applicationId).localeCompare(name(b.applicationId), i18n.language) || b.affinity - a.affinity,
  );
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table withTableBorder striped verticalSpacing={4} captionSide="top">
        <Table.Caption>{t('panel.auto.proposal')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('panel.auto.organisation')}</Table.Th>
            <Table.Th scope="col">{t('panel.auto.evaluator')}</Table.Th>
            <Table.Th scope="col" ta="end">
              {t('panel.auto.affinity')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((pair) => (
            <Table.Tr key={`${pair.applicationId}:${pair.evaluatorId}`}>
              <Table.Th scope="row" fw={400}>
                {name(pair.applicationId)}
              </Table.Th>
              <Table.Td>{evaluators.get(pair.evaluatorId) ?? pair.evaluatorId}</Table.Td>
              <Table.Td ta="end">{formatNumber(pair.affinity, i18n.language, AFFINITY_FORMAT)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
