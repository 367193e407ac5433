import { Button, Checkbox, Group, Paper, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevalidator } from 'react-router';
import { api, ok } from '../../../api/client';
import { ReasonDialog } from '../../../shared/ReasonDialog';
import { EmailPreviewDialog } from '../messages/EmailPreview';
import type { CallApplication } from '../types';

/** The API takes eligibility reasons of at least this many characters. */
const MIN_REASON = 3;

export interface Selection {
  /** The selected ids among the rows shown, in their order. */
  ids: string[];
  has: (id: string) => boolean;
  toggle: (id: string) => void;
  /** Selects every row shown, or none when all are. */
  toggleAll: () => void;
  clear: () => void;
}

/**
 * The rows chosen for a bulk action, among those shown: a row that leaves the page (another page,
 * another filter) leaves the selection, so an action never reaches a row its reader cannot see.
 */
export function useSelection(shown: string[]): Selection {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const ids = shown.filter((id) => chosen.has(id));
  return {
    ids,
    has: (id) => chosen.has(id),
    toggle: (id) =>
      setChosen((current) => {
        const next = new Set(current);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    toggleAll: () => setChosen(ids.length === shown.length ? new Set() : new Set(shown)),
    clear: () => setChosen(new Set()),
  };
}

/** The header cell's checkbox: every row of the page, or none. */
export function SelectAllCheckbox({ selection, rows }: { selection: Selection; rows: number }) {
  const { t } = useTranslation('secretariat');
  const count = selection.ids.length;
  return (
    <Checkbox
      aria-label={t('applications.bulk.selectAll')}
      checked={rows > 0 && count === rows}
      indeterminate={count > 0 && count < rows}
      onChange={selection.toggleAll}
    />
  );
}

export function RowCheckbox({ selection, application }: { selection: Selection; application: CallApplication }) {
  const { t } = useTranslation('secretariat');
  return (
    <Checkbox
      aria-label={t('applications.bulk.select', { name: application.organisation.name })}
      checked={selection.has(application.id)}
      onChange={() => selection.toggle(application.id)}
    />
  );
}

/**
 * What the secretariat can do to the selected applications at once: decide their eligibility with one
 * reason (submitted ones only, as the API requires, all or nothing), or remind the applicants of the
 * drafts after reading the reminder in each of their languages. The outcome is announced in place.
 */
export function BulkActions({
  callId,
  applications,
  selection,
}: {
  callId: string;
  applications: CallApplication[];
  selection: Selection;
}) {
  const { t } = useTranslation('secretariat');
  const [outcome, setOutcome] = useState('');
  const selected = applications.filter((a) => selection.has(a.id));
  const notSubmitted = selected.filter((a) => a.status !== 'submitted').length;
  const drafts = selected.filter((a) => a.status === 'draft').map((a) => a.id);
  const done = (message: string) => {
    setOutcome(message);
    selection.clear();
  };
  return (
    <Paper withBorder p="sm" my="md" component="section" aria-label={t('applications.bulk.actions')}>
      <Group gap="sm" wrap="wrap">
        <Text fw={600}>{t('applications.bulk.selected', { count: selected.length })}</Text>
        <EligibilityButton
          callId={callId}
          ids={selection.ids}
          eligible
          disabled={selected.length === 0 || notSubmitted > 0}
          onDone={done}
        />
        <EligibilityButton
          callId={callId}
          ids={selection.ids}
          eligible={false}
          disabled={selected.length === 0 || notSubmitted > 0}
          onDone={done}
        />
        <RemindButton callId={callId} drafts={drafts} onDone={done} />
      </Group>
      {notSubmitted > 0 && (
        <Text size="sm" mt="xs">
          {t('applications.bulk.onlySubmitted', { count: notSubmitted })}
        </Text>
      )}
      <Text size="sm" mt={outcome ? 'xs' : 0} role="status">
        {outcome}
      </Text>
    </Paper>
  );
}

interface EligibilityButtonProps {
  callId: string;
  ids: string[];
  eligible: boolean;
  disabled: boolean;
  onDone: (message: string) => void;
}

function EligibilityButton({ callId, ids, eligible, disabled, onDone }: EligibilityButtonProps) {
  const { t } = useTranslation('secretariat');
  const revalidator = useRevalidator();
  const [opened, { open, close }] = useDisclosure(false);
  const which = eligible ? 'eligible' : 'ineligible';
  const decide = async (reason: string) => {
    const result = await ok(
      api.POST('/api/v1/calls/{id}/applications/eligibility', {
        params: { path: { id: callId } },
        body: { applicationIds: ids, eligible, reason },
      }),
    );
    close();
    onDone(t(`applications.bulk.decided.${which}`, { count: result.decided }));
    await revalidator.revalidate();
  };
  return (
    <>
      <Button variant="default" size="compact-sm" disabled={disabled} onClick={open}>
        {t(`applications.bulk.mark.${which}`)}
      </Button>
      <ReasonDialog
        opened={opened}
        onClose={close}
        title={t(`applications.bulk.markTitle.${which}`, { count: ids.length })}
        explanation={t('applications.bulk.markExplanation')}
        reasonLabel={t('eligibility.reason')}
        reasonHint={t('eligibility.reasonHint')}
        minLength={MIN_REASON}
        confirmLabel={t('eligibility.record')}
        onConfirm={decide}
      />
    </>
  );
}

function RemindButton({
  callId,
  drafts,
  onDone,
}: {
  callId: string;
  drafts: string[];
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation('secretariat');
  const revalidator = useRevalidator();
  const [opened, { open, close }] = useDisclosure(false);
  const path = { params: { path: { id: callId } } };
  const remind = async () => {
    const result = await ok(
      api.POST('/api/v1/calls/{id}/applications/reminders', { ...path, body: { applicationIds: drafts } }),
    );
    const count = (outcome: string) => result.items.filter((i) => i.outcome === outcome).length;
    close();
    onDone(
      [
        t('applications.bulk.reminded', { count: result.reminded }),
        count('already_reminded_today') > 0 &&
          t('applications.bulk.alreadyReminded', { count: count('already_reminded_today') }),
        count('not_draft') > 0 && t('applications.bulk.notDraft', { count: count('not_draft') }),
      ]
        .filter(Boolean)
        .join(' '),
    );
    await revalidator.revalidate();
  };
  return (
    <>
      <Button variant="default" size="compact-sm" disabled={drafts.length === 0} onClick={open}>
        {t('applications.bulk.remind', { count: drafts.length })}
      </Button>
      <EmailPreviewDialog
        opened={opened}
        onClose={close}
        title={t('applications.bulk.remindTitle', { count: drafts.length })}
        explanation={t('applications.bulk.remindExplanation')}
        load={() =>
          ok(
            api.POST('/api/v1/calls/{id}/applications/reminders/previews', {
              ...path,
              body: { applicationIds: drafts },
            }),
          )
        }
        confirmLabel={t('applications.bulk.remindConfirm')}
        onConfirm={remind}
      />
    </>
  );
}
