import { Button, Checkbox, Group, Paper, Progress, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevalidator } from 'react-router';
import { api, ok } from '../../../api/client';
import { formatNumber } from '../../../shared/format';
import { SuccessAlert } from '../../evaluator/SuccessAlert';
import { useCall } from '../call/call-route';
import { formatCompactDateTime } from '../format';
import { EmailPreviewDialog } from '../messages/EmailPreview';
import type { PanelMember } from '../types';
import { ReassignDialog } from './ReassignDialog';
import { ReminderMessageDialog } from './ReminderMessageDialog';
import { STATUS_COLUMNS, type EvaluatorProgress, type ReminderReport } from './progress';

/**
 * The panel's work on the call: an evaluator per row, its assignments counted by status and how many
 * it has done. Selected evaluators can be reminded (after reading the reminder in each of their
 * languages); an evaluator's open assignments can be moved to another member.
 */
export function ProgressBoard(props: {
  entries: EvaluatorProgress[];
  total: number;
  offset: number;
  members: PanelMember[];
}) {
  const { entries, total, members } = props;
  const { t, i18n } = useTranslation('secretariat');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [report, setReport] = useState<ReminderReport | null>(null);
  const [reassigning, setReassigning] = useState<EvaluatorProgress | null>(null);
  const [reassigned, setReassigned] = useState<{ count: number; to: string } | null>(null);
  const ids = entries.map((e) => e.evaluator.id).filter((id) => selected.has(id));
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const allSelected = ids.length === entries.length;
  const number = (value: number) => formatNumber(value, i18n.language);
  return (
    <>
      <RemindBar
        evaluatorIds={ids}
        onReminded={(sent) => {
          setReport(sent);
          setSelected(new Set());
        }}
      />
      {report && <ReminderOutcome report={report} entries={entries} onClose={() => setReport(null)} />}
      {reassigned && (
        <SuccessAlert
          role="status"
          title={t('progress.reassigned', { count: reassigned.count, name: reassigned.to })}
          withCloseButton
          closeButtonLabel={t('progress.dismiss')}
          onClose={() => setReassigned(null)}
          mb="md"
        />
      )}
      <Table.ScrollContainer minWidth={980}>
        <Table withTableBorder verticalSpacing="xs" captionSide="top">
          <Table.Caption ta="start">{t('progress.caption', { count: total, formatted: number(total) })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">
                <Checkbox
                  aria-label={t('progress.selectAll')}
                  checked={allSelected}
                  indeterminate={ids.length > 0 && !allSelected}
                  onChange={() => setSelected(allSelected ? new Set() : new Set(entries.map((e) => e.evaluator.id)))}
                />
              </Table.Th>
              <Table.Th scope="col">{t('progress.evaluator')}</Table.Th>
              {STATUS_COLUMNS.map((status) => (
                <Table.Th key={status} scope="col" ta="end">
                  {t(`application.evaluations.statuses.${status}`)}
                </Table.Th>
              ))}
              <Table.Th scope="col">{t('progress.done')}</Table.Th>
              <Table.Th scope="col">{t('progress.lastReminded')}</Table.Th>
              <Table.Th scope="col">{t('progress.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((entry) => {
              const { evaluator } = entry;
              const open = entry.assigned + entry.draft;
              return (
                <Table.Tr key={evaluator.id} data-testid="progress-row">
                  <Table.Td>
                    <Checkbox
                      aria-label={t('progress.select', { name: evaluator.displayName })}
                      checked={selected.has(evaluator.id)}
                      onChange={() => toggle(evaluator.id)}
                    />
                  </Table.Td>
                  <Table.Th scope="row" fw={400}>
                    <Text size="sm" fw={600}>
                      {evaluator.displayName}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {evaluator.email}
                      {!evaluator.active && ` · ${t('progress.inactive')}`}
                    </Text>
                  </Table.Th>
                  {STATUS_COLUMNS.map((status) => (
                    <Table.Td key={status} ta="end">
                      {number(entry[status])}
                    </Table.Td>
                  ))}
                  <Table.Td miw={140}>
                    <Text size="sm">
                      {t('progress.doneOf', { done: number(entry.done), total: number(entry.total) })}
                    </Text>
                    {entry.total > 0 && (
                      <Progress
                        value={(100 * entry.done) / entry.total}
                        color="teal.9"
                        size="sm"
                        aria-label={t('progress.doneBar', { name: evaluator.displayName })}
                      />
                    )}
                  </Table.Td>
                  <Table.Td>
                    {entry.lastRemindedAt ? formatCompactDateTime(entry.lastRemindedAt, i18n.language) : '—'}
                  </Table.Td>
                  <Table.Td>
                    {open > 0 ? (
                      <Button variant="default" size="compact-sm" onClick={() => setReassigning(entry)}>
                        {t('progress.reassign')}
                        <VisuallyHidden>
                          {t('progress.reassignContext', { name: evaluator.displayName })}
                        </VisuallyHidden>
                      </Button>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('progress.nothingOpen')}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {reassigning && (
        <ReassignDialog
          from={reassigning}
          members={members}
          onClose={() => setReassigning(null)}
          onReassigned={(count, to) => setReassigned({ count, to })}
        />
      )}
    </>
  );
}

/**
 * Reminds the selected evaluators, with a message of the secretariat's own if it writes one, after
 * showing the reminder in each language they read.
 */
function RemindBar({ evaluatorIds, onReminded }: { evaluatorIds: string[]; onReminded: (r: ReminderReport) => void }) {
  const { t } = useTranslation('secretariat');
  const call = useCall();
  const revalidator = useRevalidator();
  const [step, setStep] = useState<'closed' | 'message' | 'preview'>('closed');
  const [message, setMessage] = useState('');
  const body = { evaluatorIds, ...(message.trim() ? { message: message.trim() } : {}) };
  const path = { params: { path: { id: call.id } }, body };
  const close = () => setStep('closed');
  return (
    <Paper withBorder p="sm" mb="md">
      <Group justify="space-between" gap="sm">
        <Text size="sm" aria-live="polite">
          {t('progress.selected', { count: evaluatorIds.length })}
        </Text>
        <Button disabled={evaluatorIds.length === 0} onClick={() => setStep('message')}>
          {t('progress.remind', { count: evaluatorIds.length })}
        </Button>
      </Group>
      <ReminderMessageDialog
        opened={step === 'message'}
        message={message}
        onChange={setMessage}
        onClose={close}
        onNext={() => setStep('preview')}
      />
      <EmailPreviewDialog
        opened={step === 'preview'}
        onClose={close}
        title={t('progress.remindTitle')}
        explanation={t('progress.remindExplanation')}
        load={() => ok(api.POST('/api/v1/calls/{id}/panel/reminders/previews', path))}
        confirmLabel={t('progress.remindConfirm')}
        onConfirm={async () => {
          onReminded(await ok(api.POST('/api/v1/calls/{id}/panel/reminders', path)));
          setMessage('');
          close();
          await revalidator.revalidate();
        }}
      />
    </Paper>
  );
}

/** Who was reminded, and who was not and why, named as the board names them. */
function ReminderOutcome(props: { report: ReminderReport; entries: EvaluatorProgress[]; onClose: () => void }) {
  const { t } = useTranslation('secretariat');
  const names = new Map(props.entries.map((e) => [e.evaluator.id, e.evaluator.displayName]));
  const list = (ids: string[]) => ids.map((id) => names.get(id) ?? id).join(', ');
  const { reminded, skipped } = props.report;
  const already = skipped.filter((s) => s.reason === 'ALREADY_REMINDED_TODAY').map((s) => s.evaluatorId);
  const nothing = skipped.filter((s) => s.reason === 'NOTHING_TO_EVALUATE').map((s) => s.evaluatorId);
  return (
    <SuccessAlert
      role="status"
      title={t('progress.reminded', { count: reminded.length })}
      withCloseButton
      closeButtonLabel={t('progress.dismiss')}
      onClose={props.onClose}
      mb="md"
    >
      {reminded.length > 0 && <Text size="sm">{list(reminded.map((r) => r.evaluatorId))}</Text>}
      {already.length > 0 && (
        <Text size="sm">{t('progress.alreadyReminded', { count: already.length, names: list(already) })}</Text>
      )}
      {nothing.length > 0 && (
        <Text size="sm">{t('progress.nothingToRemind', { count: nothing.length, names: list(nothing) })}</Text>
      )}
    </SuccessAlert>
  );
}
