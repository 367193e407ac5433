import { Alert, Anchor, Button, List, Stack, Text } from '@mantine/core';
import { useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevalidator } from 'react-router';
import { api, ok } from '../../../api/client';
import type { ApiProblem } from '../../../api/problem';
import type { Criterion } from '../../../api/types';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { asProblem, fieldErrors } from '../../../shared/problems';
import { scoreFieldId } from './CriterionField';

interface SubmitEvaluationProps {
  assignmentId: string;
  criteria: Criterion[];
  saveNow: () => Promise<boolean>;
  onSubmitted: () => void;
  /** Criterion codes the API found unscored (422 INCOMPLETE_EVALUATION). */
  onMissing: (codes: string[]) => void;
}

/**
 * Saves what is typed, then submits. Unscored criteria are listed at the top, each linking to its
 * score field (the error summary pattern), and the list takes the focus so that it is read out.
 */
export function SubmitEvaluation({ assignmentId, criteria, saveNow, onSubmitted, onMissing }: SubmitEvaluationProps) {
  const { t } = useTranslation('evaluator');
  const revalidator = useRevalidator();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const summary = useRef<HTMLDivElement>(null);

  const submit = async () => {
    setProblem(null);
    setSubmitting(true);
    try {
      if (!(await saveNow())) return;
      await ok(api.POST('/api/v1/assignments/{id}/evaluation/submit', { params: { path: { id: assignmentId } } }));
      onSubmitted();
      await revalidator.revalidate();
    } catch (error) {
      const failure = asProblem(error);
      onMissing(failure.is('INCOMPLETE_EVALUATION') ? Object.keys(fieldErrors(failure, 'scores.')) : []);
      setProblem(failure);
      requestAnimationFrame(() => summary.current?.focus());
    } finally {
      setSubmitting(false);
    }
  };

  const missing = problem?.is('INCOMPLETE_EVALUATION') ? Object.keys(fieldErrors(problem, 'scores.')) : [];
  return (
    <Stack>
      <div ref={summary} tabIndex={-1}>
        {missing.length > 0 ? (
          <Alert color="red" variant="light" title={t('submit.incomplete')} role="alert">
            <List size="sm">
              {missing.map((code) => (
                <List.Item key={code}>
                  <Anchor href={`#${scoreFieldId(code)}`} onClick={focusField}>
                    {criteria.find((criterion) => criterion.code === code)?.title ?? code}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </Alert>
        ) : (
          problem && <ProblemAlert problem={problem} />
        )}
      </div>
      <Text>{t('submit.explanation')}</Text>
      <div>
        <Button onClick={() => void submit()} loading={submitting}>
          {t('submit.button')}
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
