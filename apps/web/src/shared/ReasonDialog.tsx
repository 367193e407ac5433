import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiProblem } from '../api/problem';
import { ProblemAlert } from './ProblemAlert';
import { asProblem } from './problems';

/** The API keeps reasons of up to 2,000 characters. */
const MAX_REASON = 2000;

interface ReasonDialogProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  explanation: string;
  reasonLabel: string;
  reasonHint?: string;
  /** The fewest characters the API takes for this reason. */
  minLength: number;
  confirmLabel: string;
  /** Red confirmation: the step takes something away (declining, removing). */
  destructive?: boolean;
  /** Does the work; a thrown problem is shown in the dialog, which stays open. */
  onConfirm: (reason: string) => Promise<void>;
  /** How a refusal is shown; by default as a problem. */
  renderProblem?: (problem: ApiProblem) => ReactNode;
  /** Fields the step needs besides its reason (what to move, and where), shown above the reason. */
  children?: ReactNode;
  /** Checks those fields, showing their own errors; the step goes ahead only when it answers true. */
  validate?: () => boolean;
  /** False while the fields are still loading: nothing to confirm yet. */
  ready?: boolean;
  /** A problem met before confirming (the fields failed to load), shown as a refusal is. */
  problem?: ApiProblem | null;
}

/**
 * A step that needs a written reason (declining, declaring a conflict, amending a cohort,
 * reassigning): a focus-trapped dialog whose first field takes the focus (the reason, unless the step
 * has fields of its own above it); Escape or Cancel closes it.
 */
export function ReasonDialog(props: ReasonDialogProps) {
  const { opened, onClose, title, explanation, reasonLabel, reasonHint, minLength, confirmLabel } = props;
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [working, setWorking] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);

  const confirm = async () => {
    const othersValid = props.validate?.() ?? true;
    if (reason.trim().length < minLength) {
      setError(t('dialog.reasonTooShort', { count: minLength }));
      // Back in the field, a screen reader reads it again with its error.
      if (othersValid) field.current?.focus();
      return;
    }
    if (!othersValid) return;
    setProblem(null);
    setWorking(true);
    try {
      await props.onConfirm(reason.trim());
      setReason('');
    } catch (failure) {
      setProblem(asProblem(failure));
    } finally {
      setWorking(false);
    }
  };

  // Closed, the dialog forgets the refusal of the attempt given up (the reason typed stays): opened
  // again, perhaps for another choice, it would otherwise show a problem that no longer applies.
  const close = () => {
    setProblem(null);
    setError(null);
    onClose();
  };

  const shown = problem ?? props.problem ?? null;

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={title}
      size="lg"
      closeButtonProps={{ 'aria-label': t('dialog.close') }}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void confirm();
        }}
      >
        <Stack>
          <Text>{explanation}</Text>
          {props.children}
          <Textarea
            ref={field}
            label={reasonLabel}
            description={reasonHint}
            required
            autosize
            minRows={3}
            maxLength={MAX_REASON}
            value={reason}
            error={error}
            data-autofocus={props.children ? undefined : true}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setError(null);
            }}
          />
          {shown && (props.renderProblem ? props.renderProblem(shown) : <ProblemAlert problem={shown} />)}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('dialog.cancel')}
            </Button>
            <Button
              type="submit"
              color={props.destructive ? 'red.9' : undefined}
              loading={working}
              disabled={props.ready === false}
            >
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
