import { Button, NativeSelect } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevalidator } from 'react-router';
import { api, ok } from '../../../api/client';
import type { Call } from '../../../api/types';
import { ReasonDialog } from '../../../shared/ReasonDialog';
import type { AllocationItem } from './allocation';

/** The API takes reasons of at least this many characters. */
const MIN_REASON = 3;
/** The select's value for "no session". */
const NONE = '';

/**
 * Moves one reply to another session, or out of every session, with a reason kept beside what the
 * rule had given. A move beyond a session's seats or a country's limit is refused: the API's words
 * (ALLOCATION_VIOLATION, in the reader's language) say which.
 */
export function AmendButton({ call, item }: { call: Call; item: AllocationItem }) {
  const { t } = useTranslation('secretariat');
  const revalidator = useRevalidator();
  const [opened, { open, close }] = useDisclosure(false);
  const [sessionKey, setSessionKey] = useState(item.sessionKey ?? NONE);
  return (
    <>
      <Button
        variant="default"
        size="compact-sm"
        aria-label={t('allocation.amend.buttonNamed', { name: item.organisationName })}
        onClick={() => {
          setSessionKey(item.sessionKey ?? NONE);
          open();
        }}
      >
        {t('allocation.amend.button')}
      </Button>
      <ReasonDialog
        opened={opened}
        onClose={close}
        title={t('allocation.amend.title', { name: item.organisationName })}
        explanation={t('allocation.amend.explanation')}
        reasonLabel={t('allocation.amend.reason')}
        minLength={MIN_REASON}
        confirmLabel={t('allocation.amend.confirm')}
        onConfirm={async (reason) => {
          await ok(
            api.PATCH('/api/v1/calls/{id}/session-allocation/{applicationId}', {
              params: { path: { id: call.id, applicationId: item.applicationId } },
              body: { sessionKey: sessionKey === NONE ? null : sessionKey, reason },
            }),
          );
          close();
          await revalidator.revalidate();
        }}
      >
        <NativeSelect
          label={t('allocation.amend.session')}
          data-autofocus
          value={sessionKey}
          onChange={(event) => setSessionKey(event.currentTarget.value)}
          data={[
            { value: NONE, label: t('allocation.amend.none') },
            ...call.sessions.map((session) => ({ value: session.key, label: session.title })),
          ]}
        />
      </ReasonDialog>
    </>
  );
}
