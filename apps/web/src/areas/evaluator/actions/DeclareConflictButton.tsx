import { Button, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, ok } from '../../../api/client';
import type { MyAssignment } from '../my-assignments';
import { ASSIGNMENTS_PATH } from '../paths';
import type { AssignmentNotice } from './notice';
import { EVALUATOR_REASON_MIN } from './reason';
import { ReasonDialog } from '../../../shared/ReasonDialog';

/**
 * Declares a conflict of interest with the assignment's application: the API records it (so the
 * evaluator is never assigned it again) and frees the slot, unless the evaluation was submitted.
 */
export function DeclareConflictButton({ assignment }: { assignment: MyAssignment }) {
  const { t } = useTranslation('evaluator');
  const navigate = useNavigate();
  const [opened, { open, close }] = useDisclosure(false);
  const organisation = assignment.application.organisationName;

  const declare = async (reason: string) => {
    const declared = await ok(
      api.POST('/api/v1/calls/{id}/conflicts', {
        params: { path: { id: assignment.callId } },
        body: { applicationId: assignment.applicationId, reason },
      }),
    );
    const notice: AssignmentNotice = {
      kind: declared.assignment === 'kept_submitted' ? 'conflictKept' : 'conflictReleased',
      organisation,
    };
    close();
    await navigate(ASSIGNMENTS_PATH, { state: { notice } });
  };

  return (
    <>
      <Button variant="default" size="compact-sm" onClick={open}>
        {t('conflict.button')}
        <VisuallyHidden>{t('conflict.buttonContext', { organisation })}</VisuallyHidden>
      </Button>
      <ReasonDialog
        opened={opened}
        onClose={close}
        title={t('conflict.title', { organisation })}
        explanation={t(assignment.status === 'submitted' ? 'conflict.explanationSubmitted' : 'conflict.explanation')}
        reasonLabel={t('conflict.reason')}
        confirmLabel={t('conflict.confirm')}
        minLength={EVALUATOR_REASON_MIN}
        destructive
        onConfirm={declare}
      />
    </>
  );
}
