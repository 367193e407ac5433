import { Fieldset, NumberInput, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Criterion } from '../../../api/types';
import { formatNumber, formatPercent } from '../../../shared/format';
import { criterionMaximum, criterionPoints, weightShare, type Scale } from './total';

/** The API keeps comments of up to 5,000 characters. */
const MAX_COMMENT = 5000;

/** The id of a criterion's score field, which the submission's error summary links to. */
export function scoreFieldId(code: string): string {
  return `score-${code}`;
}

interface CriterionFieldProps {
  criterion: Criterion;
  criteria: Criterion[];
  scale: Scale;
  score: number | undefined;
  comment: string;
  error?: string;
  onScore: (score: number | undefined) => void;
  onComment: (comment: string) => void;
}

/**
 * One criterion as the call defines it (title, description, weight, scale) with its score and
 * comment. The fieldset's legend names the criterion, so each "Score" field is announced with it.
 */
export function CriterionField({
  criterion,
  criteria,
  scale,
  score,
  comment,
  error,
  onScore,
  onComment,
}: CriterionFieldProps) {
  const { t, i18n } = useTranslation('evaluator');
  const points = (value: number) => formatNumber(value, i18n.language, { maximumFractionDigits: 1 });
  const descriptionId = `criterion-${criterion.code}-description`;
  return (
    <Fieldset
      legend={
        <Title order={3} size="h4">
          {criterion.title}
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
        <NumberInput
          id={scoreFieldId(criterion.code)}
          label={t('criterion.score', { min: scale.min, max: scale.max })}
          description={
            score === undefined
              ? t('criterion.notScored', { max: points(criterionMaximum(criterion, criteria)) })
              : t('criterion.points', {
                  points: points(criterionPoints(criterion, score, criteria, scale)),
                  max: points(criterionMaximum(criterion, criteria)),
                })
          }
          maw={320}
          min={scale.min}
          max={scale.max}
          step={1}
          allowDecimal={false}
          allowNegative={scale.min < 0}
          clampBehavior="strict"
          value={score ?? ''}
          error={error}
          onChange={(value) => onScore(typeof value === 'number' ? value : undefined)}
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
