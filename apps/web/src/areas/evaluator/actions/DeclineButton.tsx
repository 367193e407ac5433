import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, ok } from '../../../api/client';
import type { MyAssignment } from '../my-assignments';
import { ASSIGNMENTS_PATH } from '../paths';
import type { AssignmentNotice } from './notice';
import { EVALUATOR_REASON_MIN } from './reason';
import { ReasonDialog } from '../../../shared/ReasonDialog';

/** Gives the assignment back with a reason (no time, a late doubt): the secretariat reassigns the slot. */
export function DeclineButton({ assignment }: { assignment: MyAssignment }) {
  const { t } = useTranslation('evaluator');
  const navigate = useNavigate();
  const [opened, { open, close }] = useDisclosure(false);
  const organisation = assignment.application.organisationName;

  const decline = async (reason: string) => {
    await ok(
      api.POST('/api/v1/assignments/{id}/decline', { params: { path: { id: assignment.id } }, body: { reason } }),
    );
    const notice: AssignmentNotice = { kind: 'declined', organisation };
    close();
    await navigate(ASSIGNMENTS_PATH, { state: { notice } });
  };

  return (
    <>
      <Button variant="default" size="compact-sm" onClick={open}>
        {t('decline.button')}
      </Button>
      <ReasonDialog
        opened={opened}
        onClose={close}
        title={t('decline.title', { organisation })}
        explanation={t('decline.explanation')}
        reasonLabel={t('decline.reason')}
        confirmLabel={t('decline.confirm')}
        minLength={EVALUATOR_REASON_MIN}
        destructive
        onConfirm={decline}
      />
    </>
  );
}
