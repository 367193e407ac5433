import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiProblem } from '../../../api/problem';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { asProblem } from '../../../shared/problems';

/** The API keeps reasons of 3 to 2,000 characters. */
const MIN_REASON = 3;
const MAX_REASON = 2000;

interface ReasonDialogProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  explanation: string;
  reasonLabel: string;
  confirmLabel: string;
  /** Does the work; a thrown problem is shown in the dialog, which stays open. */
  onConfirm: (reason: string) => Promise<void>;
}

/**
 * A step that needs a written reason and cannot be undone by the evaluator (declining, declaring a
 * conflict): a focus-trapped dialog whose reason field takes the focus; Escape or Cancel closes it.
 */
export function ReasonDialog({
  opened,
  onClose,
  title,
  explanation,
  reasonLabel,
  confirmLabel,
  onConfirm,
}: ReasonDialogProps) {
  const { t } = useTranslation('evaluator');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [working, setWorking] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);

  const confirm = async () => {
    if (reason.trim().length < MIN_REASON) {
      setError(t('reason.tooShort', { count: MIN_REASON }));
      // Back in the field, a screen reader reads it again with its error.
      field.current?.focus();
      return;
    }
    setProblem(null);
    setWorking(true);
    try {
      await onConfirm(reason.trim());
    } catch (failure) {
      setProblem(asProblem(failure));
    } finally {
      setWorking(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg" withCloseButton={false}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void confirm();
        }}
      >
        <Stack>
          <Text>{explanation}</Text>
          <Textarea
            ref={field}
            label={reasonLabel}
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
          {problem && <ProblemAlert problem={problem} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('reason.cancel')}
            </Button>
            <Button type="submit" color="red.9" loading={working}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
