import { Alert, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Call } from '../../api/types';
import { DateTime } from '../../shared/DateTime';
import { draftOf, type Evaluation } from './scoring/evaluation-draft';
import { EVALUATION_SECTION, ScoringForm } from './scoring/ScoringForm';
import { evaluationTotal, formatPoints, scaleOf } from './scoring/total';
import { SuccessAlert } from './SuccessAlert';

/** Calls whose cohort is published keep their evaluations as they are. */
const FROZEN: readonly Call['status'][] = ['published', 'archived'];

interface EvaluationSectionProps {
  assignmentId: string;
  evaluation: Evaluation;
  call: Call;
}

/** The scoring form while the evaluation may change; afterwards, what was submitted and when. */
export function EvaluationSection({ assignmentId, evaluation, call }: EvaluationSectionProps) {
  const { t } = useTranslation('evaluator');
  if (evaluation.status !== 'submitted' && !FROZEN.includes(call.status)) {
    // Keyed by assignment: another assignment's page starts from its own draft.
    return <ScoringForm key={assignmentId} assignmentId={assignmentId} evaluation={evaluation} call={call} />;
  }
  return (
    <section aria-labelledby={EVALUATION_SECTION}>
      <Title order={2} id={EVALUATION_SECTION} mb="sm">
        {t('evaluation.title')}
      </Title>
      {evaluation.status === 'submitted' && evaluation.submittedAt ? (
        <SubmittedEvaluation evaluation={evaluation} call={call} submittedAt={evaluation.submittedAt} />
      ) : (
        <Alert color="gray" variant="light" title={t('evaluation.frozenTitle')}>
          {t('evaluation.frozen')}
        </Alert>
      )}
    </section>
  );
}

function SubmittedEvaluation({
  evaluation,
  call,
  submittedAt,
}: {
  evaluation: Evaluation;
  call: Call;
  submittedAt: string;
}) {
  const { t, i18n } = useTranslation('evaluator');
  const total = evaluationTotal(call.criteria, draftOf(evaluation).scores, scaleOf(call));
  return (
    <SuccessAlert title={t('evaluation.submittedTitle')}>
      <Stack gap="xs">
        <Text>
          {t('evaluation.submittedAt')} <DateTime value={submittedAt} />
        </Text>
        <Text fw={700}>{t('total.complete', { points: formatPoints(total.points, i18n.language) })}</Text>
        <Text size="sm">{t('evaluation.submittedExplanation')}</Text>
      </Stack>
    </SuccessAlert>
  );
}
