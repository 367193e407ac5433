import type { Call, Criterion } from '../../../api/types';

/** The call's scale: every score is an integer from `min` to `max`. */
export interface Scale {
  min: number;
  max: number;
}

export function scaleOf(call: Call): Scale {
  return { min: call.scoring.scaleMin, max: call.scoring.scaleMax };
}

/** Scores by criterion code; a criterion not scored yet is absent. */
export type ScoresByCriterion = Record<string, number | undefined>;

/** The criterion's weight as a share (0–1) of all the criteria's weights. */
export function weightShare(criterion: Criterion, criteria: Criterion[]): number {
  const weights = totalWeight(criteria);
  return weights > 0 ? criterion.weight / weights : 0;
}

/**
 * The points (of 100) that one criterion's score adds to the evaluator's total, DESIGN §5.1:
 * T = 100 · Σ w_c · (s_c − min)/(max − min) / Σ w_c is the sum of these over the criteria.
 * Multiplied out before the one division, so that whole weights and scores round only once.
 */
export function criterionPoints(criterion: Criterion, score: number, criteria: Criterion[], scale: Scale): number {
  const divisor = (scale.max - scale.min) * totalWeight(criteria);
  return divisor > 0 ? (100 * criterion.weight * (score - scale.min)) / divisor : 0;
}

/** The most points a criterion can add: its weight's share of 100. */
export function criterionMaximum(criterion: Criterion, criteria: Criterion[]): number {
  const weights = totalWeight(criteria);
  return weights > 0 ? (100 * criterion.weight) / weights : 0;
}

function totalWeight(criteria: Criterion[]): number {
  return criteria.reduce((sum, { weight }) => sum + weight, 0);
}

export interface Total {
  /** Points so far, 0–100; the evaluator's total T once every criterion is scored. */
  points: number;
  scored: number;
  complete: boolean;
}

/** The total as the evaluator fills the form: the points of the criteria scored so far. */
export function evaluationTotal(criteria: Criterion[], scores: ScoresByCriterion, scale: Scale): Total {
  let points = 0;
  let scored = 0;
  for (const criterion of criteria) {
    const score = scores[criterion.code];
    if (score === undefined) continue;
    points += criterionPoints(criterion, score, criteria, scale);
    scored += 1;
  }
  return { points, scored, complete: scored === criteria.length };
}

/** A score the API accepts: an integer within the scale. */
export function isValidScore(value: number, scale: Scale): boolean {
  return Number.isInteger(value) && value >= scale.min && value <= scale.max;
}
