import { Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Call } from '../../../api/types';
import { ConfidenceField } from './ConfidenceField';
import { CriterionField, scoreFieldId } from './CriterionField';
import type { Evaluation } from './evaluation-draft';
import { EvaluationTotal } from './EvaluationTotal';
import { SaveStatus } from './SaveStatus';
import { SubmitEvaluation } from './SubmitEvaluation';
import { readScore, scoreText } from './score-entry';
import { evaluationTotal, scaleOf } from './total';
import { useEvaluationDraft } from './useEvaluationDraft';

/** The API keeps an overall comment of up to 20,000 characters. */
const MAX_OVERALL_COMMENT = 20_000;

export const EVALUATION_SECTION = 'evaluation';

interface ScoringFormProps {
  assignmentId: string;
  evaluation: Evaluation;
  call: Call;
}

/** The call's criteria to score, saved as typed, with the live total and submission. */
export function ScoringForm({ assignmentId, evaluation, call }: ScoringFormProps) {
  const { t } = useTranslation('evaluator');
  const { criteria } = call;
  // Read once: the draft's callbacks depend on the scale, and a call's scale does not change.
  const [scale] = useState(() => scaleOf(call));
  const draft = useEvaluationDraft({ assignmentId, evaluation, criteria, scale });
  // The score fields' texts: what is typed stays as typed, and only a score of the scale reaches the draft.
  const [entries, setEntries] = useState<Record<string, string>>(() =>
    Object.fromEntries(criteria.map(({ code }) => [code, scoreText(draft.draft.scores[code])])),
  );
  const [missing, setMissing] = useState<string[]>([]);
  const total = evaluationTotal(criteria, draft.draft.scores, scale);
  const refused = draft.state.status === 'failed' ? draft.state.criterionErrors : {};

  const entryError = (code: string): string | undefined => {
    const entry = readScore(entries[code] ?? '', scale);
    return entry.kind === 'invalid'
      ? t(`criterion.invalid.${entry.reason}`, { min: scale.min, max: scale.max })
      : undefined;
  };
  const score = (code: string, text: string) => {
    setMissing((codes) => codes.filter((missingCode) => missingCode !== code));
    setEntries((current) => ({ ...current, [code]: text }));
    const entry = readScore(text, scale);
    const value = entry.kind === 'score' ? entry.score : undefined;
    draft.change((current) => ({ ...current, scores: { ...current.scores, [code]: value } }));
  };
  /** The criteria whose field holds no score of the scale: they stop the submission before the API is asked. */
  const unsubmittable = () => {
    const blocking = criteria.filter(({ code }) => readScore(entries[code] ?? '', scale).kind !== 'score');
    setMissing(blocking.filter(({ code }) => !entryError(code)).map(({ code }) => code));
    return blocking.map(({ code, title }) => ({ fieldId: scoreFieldId(code), label: title }));
  };
  const comment = (code: string, value: string) =>
    draft.change((current) => ({ ...current, comments: { ...current.comments, [code]: value } }));

  return (
    <section aria-labelledby={EVALUATION_SECTION}>
      <Group justify="space-between" mb="xs">
        <Title order={2} id={EVALUATION_SECTION}>
          {t('evaluation.title')}
        </Title>
        <SaveStatus state={draft.state} savedAt={draft.savedAt} onRetry={() => void draft.saveNow()} />
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t('evaluation.autosaveHint', { min: scale.min, max: scale.max })}
      </Text>
      <Stack gap="lg">
        {criteria.map((criterion) => (
          <CriterionField
            key={criterion.code}
            call={call}
            criterion={criterion}
            criteria={criteria}
            scale={scale}
            entry={entries[criterion.code] ?? ''}
            score={draft.draft.scores[criterion.code]}
            comment={draft.draft.comments[criterion.code] ?? ''}
            error={
              entryError(criterion.code) ??
              (missing.includes(criterion.code) ? t('criterion.missing') : refused[criterion.code])
            }
            onEntry={(text) => score(criterion.code, text)}
            onComment={(value) => comment(criterion.code, value)}
          />
        ))}
        <Textarea
          label={t('evaluation.overallComment')}
          description={t('evaluation.overallCommentHint')}
          autosize
          minRows={4}
          maxLength={MAX_OVERALL_COMMENT}
          value={draft.draft.overallComment}
          onChange={(event) => {
            const overallComment = event.currentTarget.value;
            draft.change((current) => ({ ...current, overallComment }));
          }}
        />
        <ConfidenceField
          value={draft.draft.confidence}
          onChange={(confidence) => draft.change((current) => ({ ...current, confidence }))}
        />
        <EvaluationTotal total={total} criteria={criteria.length} />
        <SubmitEvaluation
          assignmentId={assignmentId}
          criteria={criteria}
          saveNow={draft.saveNow}
          onSubmitted={draft.forgetLocalCopy}
          onMissing={setMissing}
          check={unsubmittable}
        />
      </Stack>
    </section>
  );
}
