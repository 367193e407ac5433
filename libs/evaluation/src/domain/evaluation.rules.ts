import type { Criterion, ScoringSettings } from '@app/calls';
import type { FieldError } from '@app/platform/errors';
import { CriterionScore } from './evaluation';

/** A draft may be partial, but every score given must be a known criterion's, an integer in the scale. */
export function scoreErrors(
  criteria: Criterion[],
  scale: Pick<ScoringSettings, 'scaleMin' | 'scaleMax'>,
  scores: CriterionScore[],
): FieldError[] {
  const codes = new Set(criteria.map((c) => c.code));
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  scores.forEach((entry, index) => {
    const field = `scores.${index}`;
    if (!codes.has(entry.criterionCode)) {
      errors.push({
        field: `${field}.criterionCode`,
        message: `the call has no criterion "${entry.criterionCode}"`,
        code: 'UNKNOWN_CRITERION',
      });
    } else if (seen.has(entry.criterionCode)) {
      errors.push({
        field: `${field}.criterionCode`,
        message: `"${entry.criterionCode}" is scored twice`,
        code: 'SCORED_TWICE',
      });
    }
    seen.add(entry.criterionCode);
    if (!Number.isInteger(entry.score) || entry.score < scale.scaleMin || entry.score > scale.scaleMax) {
      errors.push({
        field: `${field}.score`,
        message: `must be an integer from ${scale.scaleMin} to ${scale.scaleMax}`,
        code: 'OUT_OF_SCALE',
        params: { min: scale.scaleMin, max: scale.scaleMax },
      });
    }
  });
  return errors;
}

/** Criteria still unscored, which block submission. */
export function missingScores(
  criteria: Criterion[],
  scores: Array<Pick<CriterionScore, 'criterionCode'>>,
): FieldError[] {
  const scored = new Set(scores.map((s) => s.criterionCode));
  return criteria
    .filter((c) => !scored.has(c.code))
    .map((c) => ({
      field: `scores.${c.code}`,
      message: `"${c.title}" is not scored`,
      code: 'SCORE_REQUIRED',
      params: { criterion: c.title },
    }));
}
