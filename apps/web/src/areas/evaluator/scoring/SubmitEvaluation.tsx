import { useTranslation } from 'react-i18next';
import { useRevalidator } from 'react-router';
import { api, ok } from '../../../api/client';
import type { ApiProblem } from '../../../api/problem';
import type { Criterion } from '../../../api/types';
import { fieldErrors } from '../../../shared/problems';
import { SubmitWithSummary } from '../../../shared/SubmitWithSummary';
import { scoreFieldId } from './CriterionField';

interface SubmitEvaluationProps {
  assignmentId: string;
  criteria: Criterion[];
  saveNow: () => Promise<boolean>;
  onSubmitted: () => void;
  /** Criterion codes the API found unscored (422 INCOMPLETE_EVALUATION). */
  onMissing: (codes: string[]) => void;
}

/** Submission of the evaluation; unscored criteria are listed, each linking to its score field. */
export function SubmitEvaluation({ assignmentId, criteria, saveNow, onSubmitted, onMissing }: SubmitEvaluationProps) {
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
      send={async () => {
        await ok(api.POST('/api/v1/assignments/{id}/evaluation/submit', { params: { path: { id: assignmentId } } }));
        onSubmitted();
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
