import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Call } from '../../api/types';
import { DateTime } from '../../shared/DateTime';
import { formatScore } from '../../shared/format';
import type { MyAssignment } from './my-assignments';
import { NextAssignmentButton } from './NextAssignmentButton';
import { ASSIGNMENTS_PATH } from './paths';
import { draftOf, type Evaluation } from './scoring/evaluation-draft';
import { EVALUATION_SECTION, ScoringForm } from './scoring/ScoringForm';
import { takeSubmittedHere } from './scoring/SubmitEvaluation';
import { evaluationTotal, scaleOf } from './scoring/total';
import { SuccessAlert } from './SuccessAlert';

/** Calls whose cohort is published keep their evaluations as they are. */
const FROZEN: readonly Call['status'][] = ['published', 'archived'];

interface EvaluationSectionProps {
  assignmentId: string;
  evaluation: Evaluation;
  call: Call;
  /** The next assignment with work left in the same call, offered once this one is submitted. */
  next?: MyAssignment;
}

/** The scoring form while the evaluation may change; afterwards, what was submitted and when. */
export function EvaluationSection({ assignmentId, evaluation, call, next }: EvaluationSectionProps) {
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
        <SubmittedEvaluation
          assignmentId={assignmentId}
          evaluation={evaluation}
          call={call}
          submittedAt={evaluation.submittedAt}
          next={next}
        />
      ) : (
        <Alert color="gray" variant="light" title={t('evaluation.frozenTitle')}>
          {t('evaluation.frozen')}
        </Alert>
      )}
    </section>
  );
}

function SubmittedEvaluation({
  assignmentId,
  evaluation,
  call,
  submittedAt,
  next,
}: {
  assignmentId: string;
  evaluation: Evaluation;
  call: Call;
  submittedAt: string;
  next?: MyAssignment;
}) {
  const { t, i18n } = useTranslation('evaluator');
  const total = evaluationTotal(call.criteria, draftOf(evaluation).scores, scaleOf(call));
  const confirmation = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (takeSubmittedHere(assignmentId)) confirmation.current?.focus();
  }, [assignmentId]);
  return (
    <SuccessAlert ref={confirmation} tabIndex={-1} title={t('evaluation.submittedTitle')}>
      <Stack gap="xs">
        <Text>
          {t('evaluation.submittedAt')} <DateTime value={submittedAt} />
        </Text>
        <Text fw={700}>{t('total.complete', { points: formatScore(total.points, i18n.language) })}</Text>
        {evaluation.confidence && (
          <Text>{t('confidence.yours', { level: t(`confidence.levels.${evaluation.confidence}`) })}</Text>
        )}
        <Text size="sm">{t('evaluation.submittedExplanation')}</Text>
        {!next && <Text>{t('assignments.allSubmitted')}</Text>}
        <Group gap="sm" mt="xs">
          {next && <NextAssignmentButton next={next} />}
          <Button component={Link} to={ASSIGNMENTS_PATH} variant="default">
            {t('evaluation.backToList')}
          </Button>
        </Group>
      </Stack>
    </SuccessAlert>
  );
}
