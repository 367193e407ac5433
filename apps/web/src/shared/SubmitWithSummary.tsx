import { Alert, Anchor, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiProblem } from '../api/problem';
import { ProblemAlert } from './ProblemAlert';
import { asProblem } from './problems';

/** A field that stops the submission, as the summary lists it: its label, linking to it. */
export interface SummaryItem {
  fieldId: string;
  label: string;
}

/** The question asked before a submission that cannot be undone. */
export interface SubmitConfirmation {
  title: string;
  /** Says what submitting does and that it cannot be undone. */
  explanation: string;
  confirmLabel: string;
}

interface SubmitWithSummaryProps {
  explanation: string;
  buttonLabel: string;
  /** Title of the summary of fields that stop the submission. */
  incompleteTitle: string;
  /** Saves what is typed; false when it could not (the save says why). */
  saveNow: () => Promise<boolean>;
  /** Submits, and refreshes what the page shows once submitted. */
  send: () => Promise<void>;
  /** The fields a refusal names, in the order the summary lists them; none: the problem itself is shown. */
  summaryOf: (problem: ApiProblem) => SummaryItem[];
  onRefused?: (problem: ApiProblem) => void;
  /** What this page already knows stops the submission, listed without asking the API. */
  check?: () => SummaryItem[];
  /** Asked first when set; the submission starts only once confirmed. */
  confirmation?: SubmitConfirmation;
}

/**
 * Saves what is typed, then submits, once confirmed when a confirmation is given. What stops the
 * submission (found by `check`, or named by the API's refusal) is listed above the button, each
 * item linking to its field (the error summary pattern), and the list takes the focus so that it is
 * read out; any other refusal is shown as a problem.
 */
export function SubmitWithSummary(props: SubmitWithSummaryProps) {
  const { explanation, buttonLabel, incompleteTitle, saveNow, send, summaryOf, onRefused, confirmation } = props;
  const { t } = useTranslation();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [blockers, setBlockers] = useState<SummaryItem[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const [confirming, { open: askToConfirm, close: stopConfirming }] = useDisclosure(false);
  const summary = useRef<HTMLDivElement>(null);
  const showSummary = () => requestAnimationFrame(() => summary.current?.focus());

  const submit = async () => {
    setSubmitting(true);
    try {
      if (!(await saveNow())) return;
      await send();
    } catch (error) {
      const refusal = asProblem(error);
      onRefused?.(refusal);
      setProblem(refusal);
      showSummary();
    } finally {
      setSubmitting(false);
      stopConfirming();
    }
  };

  const start = () => {
    setProblem(null);
    const found = props.check?.() ?? [];
    setBlockers(found);
    if (found.length > 0) showSummary();
    else if (confirmation) askToConfirm();
    else void submit();
  };

  const items = blockers.length > 0 ? blockers : problem ? summaryOf(problem) : [];
  return (
    <Stack>
      <div ref={summary} tabIndex={-1}>
        {items.length > 0 ? (
          <Alert color="red" variant="light" title={incompleteTitle} role="alert">
            <List size="sm">
              {items.map((item) => (
                <List.Item key={`${item.fieldId} ${item.label}`}>
                  <Anchor href={`#${item.fieldId}`} onClick={focusField}>
                    {item.label}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </Alert>
        ) : (
          problem && <ProblemAlert problem={problem} />
        )}
      </div>
      <Text>{explanation}</Text>
      <div>
        <Button onClick={start} loading={submitting && !confirming}>
          {buttonLabel}
        </Button>
      </div>
      {confirmation && (
        <Modal
          opened={confirming}
          onClose={stopConfirming}
          title={confirmation.title}
          closeButtonProps={{ 'aria-label': t('dialog.close') }}
        >
          <Stack>
            <Text>{confirmation.explanation}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={stopConfirming} data-autofocus>
                {t('dialog.cancel')}
              </Button>
              <Button loading={submitting} onClick={() => void submit()}>
                {confirmation.confirmLabel}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Stack>
  );
}

/** Moves to the field itself (a fragment link would only scroll there). */
function focusField(event: MouseEvent<HTMLAnchorElement>): void {
  const field = document.getElementById(event.currentTarget.hash.slice(1));
  if (!field) return;
  event.preventDefault();
  field.focus();
  field.scrollIntoView({ block: 'center' });
}
