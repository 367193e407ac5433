import { Button, Group, Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevalidator } from 'react-router';
import { api, ok } from '../../../api/client';
import type { ApiProblem } from '../../../api/problem';
import type { Me } from '../../../api/types';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { ReasonDialog } from '../../../shared/ReasonDialog';
import { asProblem } from '../../../shared/problems';
import { MIN_REASON, allowedActions, grantableRoles, type Person } from './people';

type StaffRole = ReturnType<typeof grantableRoles>[number];

function updateAccount(id: string, body: { role?: StaffRole; active?: boolean; reason: string }) {
  return ok(api.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body }));
}

/** Changing a person's role, and deactivating or reactivating the account, each with a reason. */
export function AccountActions({ me, person }: { me: Me; person: Person }) {
  const { t } = useTranslation('secretariat');
  const revalidator = useRevalidator();
  const [statusOpened, status] = useDisclosure(false);
  const [roleOpened, role] = useDisclosure(false);
  const allowed = allowedActions(me, person);
  const deactivating = person.active;
  return (
    <>
      {allowed.changeRole && (
        <Button
          variant="default"
          onClick={role.open}
          aria-label={t('people.changeRoleOf', { name: person.displayName })}
        >
          {t('people.changeRole')}
        </Button>
      )}
      {allowed.toggleActive && (
        <Button
          variant="outline"
          color={deactivating ? 'red.9' : undefined}
          onClick={status.open}
          aria-label={t(deactivating ? 'people.deactivateOf' : 'people.reactivateOf', { name: person.displayName })}
        >
          {t(deactivating ? 'people.deactivate' : 'people.reactivate')}
        </Button>
      )}
      {allowed.toggleActive && (
        <ReasonDialog
          opened={statusOpened}
          onClose={status.close}
          title={t(deactivating ? 'people.deactivateTitle' : 'people.reactivateTitle', { name: person.displayName })}
          explanation={t(deactivating ? 'people.deactivateExplanation' : 'people.reactivateExplanation')}
          reasonLabel={t('people.reason')}
          reasonHint={t('people.reasonHint')}
          minLength={MIN_REASON}
          confirmLabel={t(deactivating ? 'people.deactivateConfirm' : 'people.reactivateConfirm')}
          destructive={deactivating}
          onConfirm={async (reason) => {
            await updateAccount(person.id, { active: !deactivating, reason });
            status.close();
            await revalidator.revalidate();
          }}
        />
      )}
      {allowed.changeRole && roleOpened && <RoleDialog me={me} person={person} onClose={role.close} />}
    </>
  );
}

function RoleDialog({ me, person, onClose }: { me: Me; person: Person; onClose: () => void }) {
  const { t } = useTranslation(['secretariat', 'common']);
  const revalidator = useRevalidator();
  const roles = grantableRoles(me).filter((r) => r !== person.role);
  const [role, setRole] = useState<StaffRole>(roles[0]);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [working, setWorking] = useState(false);
  const confirm = async () => {
    if (reason.trim().length < MIN_REASON) {
      setError(t('common:dialog.reasonTooShort', { count: MIN_REASON }));
      return;
    }
    setProblem(null);
    setWorking(true);
    try {
      await updateAccount(person.id, { role, reason: reason.trim() });
      onClose();
      await revalidator.revalidate();
    } catch (failure) {
      setProblem(asProblem(failure));
    } finally {
      setWorking(false);
    }
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('people.changeRoleTitle', { name: person.displayName })}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common:dialog.close') }}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void confirm();
        }}
      >
        <Stack>
          <Text>{t('people.changeRoleExplanation', { role: t(`common:roles.${person.role}`) })}</Text>
          <NativeSelect
            label={t('people.newRole')}
            value={role}
            data={roles.map((value) => ({ value, label: t(`common:roles.${value}`) }))}
            onChange={(event) => setRole(event.currentTarget.value as StaffRole)}
            data-autofocus
          />
          <Textarea
            label={t('people.reason')}
            description={t('people.reasonHint')}
            required
            autosize
            minRows={3}
            maxLength={1000}
            value={reason}
            error={error}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setError(null);
            }}
          />
          {problem && <ProblemAlert problem={problem} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:dialog.cancel')}
            </Button>
            <Button type="submit" loading={working}>
              {t('people.changeRoleConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
