import { Alert, Anchor, Button, List, Stack, Text } from '@mantine/core';
import { useRef, useState, type MouseEvent } from 'react';
import type { ApiProblem } from '../api/problem';
import { ProblemAlert } from './ProblemAlert';
import { asProblem } from './problems';

/** A field that stops the submission, as the summary lists it: its label, linking to it. */
export interface SummaryItem {
  fieldId: string;
  label: string;
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
}

/**
 * Saves what is typed, then submits. What stops the submission is listed above the button, each
 * item linking to its field (the error summary pattern), and the list takes the focus so that it is
 * read out; any other refusal is shown as a problem.
 */
export function SubmitWithSummary(props: SubmitWithSummaryProps) {
  const { explanation, buttonLabel, incompleteTitle, saveNow, send, summaryOf, onRefused } = props;
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const summary = useRef<HTMLDivElement>(null);

  const submit = async () => {
    setProblem(null);
    setSubmitting(true);
    try {
      if (!(await saveNow())) return;
      await send();
    } catch (error) {
      const refusal = asProblem(error);
      onRefused?.(refusal);
      setProblem(refusal);
      requestAnimationFrame(() => summary.current?.focus());
    } finally {
      setSubmitting(false);
    }
  };

  const items = problem ? summaryOf(problem) : [];
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
        <Button onClick={() => void submit()} loading={submitting}>
          {buttonLabel}
        </Button>
      </div>
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
