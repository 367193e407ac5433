import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useRevalidator } from 'react-router';
import { api, ok } from '../../../api/client';
import { ReasonDialog } from '../../../shared/ReasonDialog';
import { CohortProblemAlert } from './CohortProblemAlert';
import type { EntryRow } from './EntriesTable';

/** The API keeps reasons of 5 characters or more, for the audit trail and the applicants' feedback. */
const MIN_REASON = 5;

interface AmendButtonProps {
  callId: string;
  cohortId: string;
  change: 'add' | 'remove';
  row: EntryRow;
}

/**
 * Adds an application to the proposal or takes a member out. Either departs from the rules of the
 * selection, so it asks for the reason.
 */
export function AmendButton({ callId, cohortId, change, row }: AmendButtonProps) {
  const { t } = useTranslation('secretariat');
  const revalidator = useRevalidator();
  const [opened, { open, close }] = useDisclosure(false);
  const organisation = row.organisation.name;

  const amend = async (reason: string) => {
    await ok(
      api.PATCH('/api/v1/cohorts/{id}', {
        params: { path: { id: cohortId } },
        body: { ...(change === 'add' ? { add: [row.applicationId] } : { remove: [row.applicationId] }), reason },
      }),
    );
    close();
    await revalidator.revalidate();
  };

  return (
    <>
      <Button
        size="compact-sm"
        variant={change === 'remove' ? 'outline' : 'default'}
        color={change === 'remove' ? 'red.9' : undefined}
        aria-label={t(`cohorts.amend.${change}.buttonFor`, { organisation })}
        onClick={open}
      >
        {t(`cohorts.amend.${change}.button`)}
      </Button>
      <ReasonDialog
        opened={opened}
        onClose={close}
        title={t(`cohorts.amend.${change}.title`, { organisation })}
        explanation={t(`cohorts.amend.${change}.explanation`)}
        reasonLabel={t('cohorts.amend.reason')}
        reasonHint={t('cohorts.amend.reasonHint')}
        minLength={MIN_REASON}
        confirmLabel={t(`cohorts.amend.${change}.confirm`)}
        destructive={change === 'remove'}
        onConfirm={amend}
        renderProblem={(problem) => <CohortProblemAlert problem={problem} callId={callId} />}
      />
    </>
  );
}
