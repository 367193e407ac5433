import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevalidator } from 'react-router';
import { api, ok } from '../../../api/client';
import type { ApiProblem } from '../../../api/problem';
import { asProblem } from '../../../shared/problems';
import { CohortProblemAlert } from './CohortProblemAlert';
import type { EntryRow } from './EntriesTable';

/** The API keeps reasons of 5 to 2,000 characters, for the audit trail and the applicants' feedback. */
const MIN_REASON = 5;
const MAX_REASON = 2000;

interface AmendButtonProps {
  callId: string;
  cohortId: string;
  change: 'add' | 'remove';
  row: EntryRow;
}

/**
 * Adds an application to the proposal or takes a member out. Either departs from the rules of the
 * selection, so it asks for the reason in a focus-trapped dialog (Escape cancels).
 */
export function AmendButton({ callId, cohortId, change, row }: AmendButtonProps) {
  const { t } = useTranslation('secretariat');
  const revalidator = useRevalidator();
  const [opened, { open, close }] = useDisclosure(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [working, setWorking] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const organisation = row.organisation.name;

  const confirm = async () => {
    if (reason.trim().length < MIN_REASON) {
      setError(t('cohorts.amend.tooShort', { count: MIN_REASON }));
      field.current?.focus(); // a screen reader reads the field again, with its error
      return;
    }
    setProblem(null);
    setWorking(true);
    try {
      await ok(
        api.PATCH('/api/v1/cohorts/{id}', {
          params: { path: { id: cohortId } },
          body: {
            ...(change === 'add' ? { add: [row.applicationId] } : { remove: [row.applicationId] }),
            reason: reason.trim(),
          },
        }),
      );
      close();
      setReason('');
      await revalidator.revalidate();
    } catch (failure) {
      setProblem(asProblem(failure));
    } finally {
      setWorking(false);
    }
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
      <Modal
        opened={opened}
        onClose={close}
        closeButtonProps={{ 'aria-label': t('cohorts.close') }}
        title={t(`cohorts.amend.${change}.title`, { organisation })}
        size="lg"
      >
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void confirm();
          }}
        >
          <Stack>
            <Text>{t(`cohorts.amend.${change}.explanation`)}</Text>
            <Textarea
              ref={field}
              label={t('cohorts.amend.reason')}
              description={t('cohorts.amend.reasonHint')}
              required
              autosize
              minRows={3}
              maxLength={MAX_REASON}
              value={reason}
              error={error}
              data-autofocus
              onChange={(event) => {
                setReason(event.currentTarget.value);
                setError(null);
              }}
            />
            {problem && <CohortProblemAlert problem={problem} callId={callId} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('cohorts.cancel')}
              </Button>
              <Button type="submit" loading={working} color={change === 'remove' ? 'red.9' : undefined}>
                {t(`cohorts.amend.${change}.confirm`)}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
