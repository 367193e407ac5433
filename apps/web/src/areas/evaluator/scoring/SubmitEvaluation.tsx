import { useTranslation } from 'react-i18next';
import { useRevalidator } from 'react-router';
import { api, ok } from '../../../api/client';
import type { ApiProblem } from '../../../api/problem';
import type { Criterion } from '../../../api/types';
import { fieldErrors } from '../../../shared/problems';
import { SubmitWithSummary, type SummaryItem } from '../../../shared/SubmitWithSummary';
import { scoreFieldId } from './CriterionField';

/**
 * Assignments submitted from this page: once the form gives way to the confirmation, the
 * confirmation takes the focus (it is then a Tab away from the next application).
 */
const submittedHere = new Set<string>();

/** Whether the assignment was just submitted here; true once only. */
export function takeSubmittedHere(assignmentId: string): boolean {
  return submittedHere.delete(assignmentId);
}

interface SubmitEvaluationProps {
  assignmentId: string;
  criteria: Criterion[];
  saveNow: () => Promise<boolean>;
  onSubmitted: () => void;
  /** Criterion codes the API found unscored (422 INCOMPLETE_EVALUATION). */
  onMissing: (codes: string[]) => void;
  /** The fields this page knows stop the submission (a criterion without a score of the scale). */
  check: () => SummaryItem[];
}

/** Submission of the evaluation; unscored criteria are listed, each linking to its score field. */
export function SubmitEvaluation({
  assignmentId,
  criteria,
  saveNow,
  onSubmitted,
  onMissing,
  check,
}: SubmitEvaluationProps) {
  const { t } = useTranslation('evaluator');
  const revalidator = useRevalidator();
  const unscored = (problem: ApiProblem) =>
    problem.is('INCOMPLETE_EVALUATION') ? Object.keys(fieldErrors(problem, 'scores.')) : [];
  return (
    <SubmitWithSummary
      explanation={t('submit.explanation')}
      buttonLabel={t('submit.button')}
      incompleteTitle={t('submit.incomplete')}
      saveNow={saveNow}
      check={check}
      confirmation={{
        title: t('submit.confirmTitle'),
        explanation: t('submit.confirmExplanation'),
        confirmLabel: t('submit.confirm'),
      }}
      send={async () => {
        await ok(api.POST('/api/v1/assignments/{id}/evaluation/submit', { params: { path: { id: assignmentId } } }));
        onSubmitted();
        submittedHere.add(assignmentId);
        await revalidator.revalidate();
      }}
      summaryOf={(problem) =>
        unscored(problem).map((code) => ({
          fieldId: scoreFieldId(code),
          label: criteria.find((criterion) => criterion.code === code)?.title ?? code,
        }))
      }
      onRefused={(problem) => onMissing(unscored(problem))}
    />
  );
}
