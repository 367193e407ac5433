import { Fieldset, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Call, Criterion } from '../../../api/types';
import { CallText } from '../../../shared/call-texts';
import { formatNumber, formatPercent } from '../../../shared/format';
import { criterionMaximum, criterionPoints, weightShare, type Scale } from './total';

/** The API keeps comments of up to 5,000 characters. */
const MAX_COMMENT = 5000;

/** The id of a criterion's score field, which the submission's error summary links to. */
export function scoreFieldId(code: string): string {
  return `score-${code}`;
}

interface CriterionFieldProps {
  /** The call read in the evaluator's language: a title shown in English is marked. */
  call?: Call;
  criterion: Criterion;
  criteria: Criterion[];
  scale: Scale;
  /** The score field's text as typed; `score` is what it reads as, when it is a score of the scale. */
  entry: string;
  score: number | undefined;
  comment: string;
  error?: string;
  onEntry: (entry: string) => void;
  onComment: (comment: string) => void;
}

/**
 * One criterion as the call defines it (title, description, weight, scale) with its score and
 * comment. The fieldset's legend names the criterion, so each "Score" field is announced with it.
 */
export function CriterionField({
  call,
  criterion,
  criteria,
  scale,
  entry,
  score,
  comment,
  error,
  onEntry,
  onComment,
}: CriterionFieldProps) {
  const { t, i18n } = useTranslation('evaluator');
  const points = (value: number) => formatNumber(value, i18n.language, { maximumFractionDigits: 1 });
  // The plural agrees with the number as shown, rounded to one decimal.
  const shown = (value: number) => Math.round(value * 10) / 10;
  const maximum = criterionMaximum(criterion, criteria);
  const descriptionId = `criterion-${criterion.code}-description`;
  return (
    <Fieldset
      legend={
        <Title order={3} size="h4">
          {call ? (
            <CallText call={call} field={`criteria.${criterion.code}.title`}>
              {criterion.title}
            </CallText>
          ) : (
            criterion.title
          )}
        </Title>
      }
      aria-describedby={descriptionId}
      radius="md"
    >
      <Stack gap="sm">
        <div id={descriptionId}>
          <Text size="sm" fw={600}>
            {t('criterion.weight', {
              share: formatPercent(weightShare(criterion, criteria), i18n.language),
            })}
          </Text>
          {criterion.description && <Text size="sm">{criterion.description}</Text>}
        </div>
        {/* A text field, not a number field: a number field would drop a typed "." or cut "11" to "1" unseen. */}
        <TextInput
          id={scoreFieldId(criterion.code)}
          label={t('criterion.score', { min: scale.min, max: scale.max })}
          description={
            score === undefined
              ? t('criterion.notScored', { count: shown(maximum), max: points(maximum) })
              : t('criterion.points', {
                  count: shown(criterionPoints(criterion, score, criteria, scale)),
                  points: points(criterionPoints(criterion, score, criteria, scale)),
                  max: points(maximum),
                })
          }
          maw={320}
          inputMode={scale.min < 0 ? 'text' : 'numeric'}
          autoComplete="off"
          value={entry}
          error={error}
          onChange={(event) => onEntry(event.currentTarget.value)}
        />
        <Textarea
          label={t('criterion.comment')}
          description={score === undefined && comment.trim() ? t('criterion.commentWaits') : undefined}
          autosize
          minRows={2}
          maxLength={MAX_COMMENT}
          value={comment}
          onChange={(event) => onComment(event.currentTarget.value)}
        />
      </Stack>
    </Fieldset>
  );
}
