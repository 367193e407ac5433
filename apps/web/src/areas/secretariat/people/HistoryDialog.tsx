import { Modal, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../api/types';
import { formatDateTime } from '../../../shared/format';
import { EmptyState } from '../../../shared/States';
import type { HistoryEntry } from './people';

/** The changes made to an account, with who made them and why (the API pages them; the first 500 are shown). */
export function HistoryDialog(props: {
  name: string | undefined;
  entries: HistoryEntry[];
  total: number;
  onClose: () => void;
}) {
  const { t } = useTranslation(['secretariat', 'common']);
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={props.name ? t('people.historyTitle', { name: props.name }) : t('people.historyTitleUnnamed')}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common:dialog.close') }}
    >
      {props.entries.length === 0 ? (
        <EmptyState>{t('people.historyNone')}</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table captionSide="top">
            <Table.Caption>{t('people.historyCaption', { count: props.total })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('people.when')}</Table.Th>
                <Table.Th scope="col">{t('people.change')}</Table.Th>
                <Table.Th scope="col">{t('people.by')}</Table.Th>
                <Table.Th scope="col">{t('people.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {props.entries.map((entry) => (
                <HistoryRow key={entry.id} entry={entry} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Modal>
  );
}

function HistoryRow({ entry }: { entry: HistoryEntry }) {
  const { t, i18n } = useTranslation(['secretariat', 'common']);
  const after = entry.after ?? {};
  const reason = typeof after.reason === 'string' ? after.reason : null;
  return (
    <Table.Tr data-testid="history-row">
      <Table.Td>{formatDateTime(entry.occurredAt, i18n.language)}</Table.Td>
      <Table.Td>{describeChange(entry, t)}</Table.Td>
      <Table.Td>{entry.actor?.displayName ?? t('people.platform')}</Table.Td>
      <Table.Td>{reason ?? <Text c="dimmed">{t('people.noReason')}</Text>}</Table.Td>
    </Table.Tr>
  );
}

type Translate = ReturnType<typeof useTranslation<['secretariat', 'common']>>['t'];

function describeChange(entry: HistoryEntry, t: Translate): string {
  const after = entry.after ?? {};
  const parts: string[] = [];
  if (typeof after.role === 'string') {
    parts.push(t('people.changes.role', { role: t(`common:roles.${after.role as Role}`) }));
  }
  if (after.active === false) parts.push(t('people.changes.deactivated'));
  if (after.active === true) parts.push(t('people.changes.reactivated'));
  return parts.length > 0 ? parts.join(' · ') : entry.action;
}
