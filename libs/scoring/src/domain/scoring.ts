/**
 * Scoring of a call, exactly as DESIGN.md §5 specifies it, so that any client can recompute it.
 *
 * Everything here is a pure function of its input. Results do not depend on the order of the input
 * (sums run over values in ascending order, see ./statistics) and must agree with an independent
 * recomputation of §5 to 1e-9. Discrete outcomes (ranks, moderation flags, the σ_e = 0 fallback)
 * compare figures at SCORE_RESOLUTION (1e-9 points), so that rounding noise never decides them.
 */
import { type CalibrationTotal, fitCalibration } from './calibration';
import { groupBy } from './group-by';
import { krippendorffAlphaInterval } from './krippendorff';
import { buildApplicationScores, rankApplications } from './ranking';
import { zScoreParts } from './z-score';
import { InvalidScoringInputError } from './scoring.errors';
import type {
  ApplicationToScore,
  CallScoring,
  CallScoringInput,
  CriterionScoreValue,
  EvaluatorStatistics,
  EvaluatorTotal,
  Normalization,
  ScoringScale,
  WeightedCriterion,
} from './scoring.types';
import { compareIds, mean, populationStdDev } from './statistics';

export * from './scoring.types';
export { krippendorffAlphaInterval } from './krippendorff';
export { SCORE_RESOLUTION } from './statistics';
export { normalizedFromParts, zScoreParts } from './z-score';
export { InvalidScoringInputError } from './scoring.errors';
export { DEFAULT_CALIBRATION_RIDGE, fitCalibration } from './calibration';
export type { CalibrationFit, CalibrationTotal } from './calibration';
export { DEFAULT_BOOTSTRAP_REPLICATES, bootstrapRanks, greyZone } from './calibration-bootstrap';
export type { RankUncertainty } from './calibration-bootstrap';

/**
 * An evaluator's total (§5.1): T = 100 · Σ w_c · (s_c − min)/(max − min) / Σ w_c, in [0, 100].
 * Sums run over criteria in code order. Every criterion must be scored exactly once, within the
 * scale: callers pass only submitted (hence complete) evaluations, so anything else is a bug.
 */
export function evaluatorTotal(
  criteria: readonly WeightedCriterion[],
  scale: ScoringScale,
  scores: readonly CriterionScoreValue[],
): number {
  assertScoringDefinition(criteria, scale);
  return totalOfValidatedDefinition(sortedByCode(criteria), scale, scores);
}

function totalOfValidatedDefinition(
  criteriaByCode: readonly WeightedCriterion[],
  scale: ScoringScale,
  scores: readonly CriterionScoreValue[],
): number {
  const scoreByCode = indexScores(criteriaByCode, scale, scores);
  const range = scale.scaleMax - scale.scaleMin;
  let weighted = 0;
  let totalWeight = 0;
  for (const criterion of criteriaByCode) {
    const score = scoreByCode.get(criterion.code);
    if (score === undefined) throw new InvalidScoringInputError(`Criterion "${criterion.code}" is not scored.`);
    // w · ((s − min)/range), then 100 · (Σ/Σw): each factor is ≤ 1 and rounding is monotone, so T
    // stays within [0, 100] exactly; w · (s − min) / range could round a top score past w.
    weighted += criterion.weight * ((score - scale.scaleMin) / range);
    totalWeight += criterion.weight;
  }
  return 100 * (weighted / totalWeight);
}

function sortedByCode(criteria: readonly WeightedCriterion[]): WeightedCriterion[] {
  return [...criteria].sort((a, b) => compareIds(a.code, b.code));
}

/** Scores, normalises and ranks every application of a call that has at least one submitted evaluation. */
export function scoreCall(input: CallScoringInput): CallScoring {
  assertScoringDefinition(input.criteria, input.scale);
  const applicationsById = indexApplications(input.applications);
  const rawTotals = computeTotals(input, applicationsById);
  const allTotals = rawTotals.map((t) => t.total);
  const callMean = allTotals.length > 0 ? mean(allTotals) : null;
  const callStdDev = allTotals.length > 0 ? populationStdDev(allTotals) : null;
  const perEvaluator = evaluatorStatistics(rawTotals);
  const totals: EvaluatorTotal[] = rawTotals.map((t) => {
    const evaluator = perEvaluator.get(t.evaluatorId) as EvaluatorStatistics; // every total's evaluator has statistics
    return { ...t, ...zScoreParts(t.total, evaluator) };
  });
  const moments = { mean: callMean ?? 0, stdDev: callStdDev ?? 0 };
  const scores = withCalibratedScores(
    buildApplicationScores(totals, moments, input.normalization, input.disagreementThreshold),
    rawTotals,
    input.normalization,
  );
  return {
    applications: rankApplications(scores, applicationsById),
    statistics: {
      evaluationCount: allTotals.length,
      mean: callMean,
      stdDev: callStdDev,
      // Object.fromEntries defines own properties, so an id such as "__proto__" cannot touch the prototype.
      perEvaluator: Object.fromEntries(perEvaluator),
      interRaterReliability: krippendorffAlphaInterval(groupTotalsByApplication(totals)),
    },
  };
}

/**
 * With `normalization: 'calibrated'` the normalised score and the score are the calibrated score of
 * ./calibration, fitted over every total of the call with the default ridge; the other figures stay.
 */
function withCalibratedScores<T extends { applicationId: string; normalizedScore: number; score: number }>(
  scores: T[],
  totals: readonly CalibrationTotal[],
  normalization: Normalization,
): T[] {
  if (normalization !== 'calibrated' || totals.length === 0) return scores;
  const calibrated = new Map(fitCalibration(totals).applications.map((a) => [a.applicationId, a.score]));
  return scores.map((s) => {
    const score = calibrated.get(s.applicationId) as number; // every scored application has totals
    return { ...s, normalizedScore: score, score };
  });
}

/** μ_e, σ_e and count per evaluator, in evaluator-id order. */
export function evaluatorStatistics(
  totals: ReadonlyArray<Pick<EvaluatorTotal, 'evaluatorId' | 'total'>>,
): Map<string, EvaluatorStatistics> {
  const byEvaluator = groupBy(totals, (t) => t.evaluatorId);
  const ids = [...byEvaluator.keys()].sort(compareIds);
  return new Map(
    ids.map((id) => {
      const values = (byEvaluator.get(id) ?? []).map((t) => t.total);
      return [id, { mean: mean(values), stdDev: populationStdDev(values), count: values.length }];
    }),
  );
}

function computeTotals(
  input: CallScoringInput,
  applicationsById: ReadonlyMap<string, ApplicationToScore>,
): Array<Omit<EvaluatorTotal, 'standardized' | 'centred'>> {
  const criteriaByCode = sortedByCode(input.criteria);
  const seen = new Set<string>();
  const totals = input.evaluations.map((evaluation) => {
    const { applicationId, evaluatorId } = evaluation;
    if (!applicationsById.has(applicationId)) {
      throw new InvalidScoringInputError(`Evaluation of unknown application ${applicationId}.`);
    }
    const pairKey = JSON.stringify([applicationId, evaluatorId]);
    if (seen.has(pairKey)) {
      throw new InvalidScoringInputError(`Evaluator ${evaluatorId} evaluated ${applicationId} twice.`);
    }
    seen.add(pairKey);
    const total = totalOfValidatedDefinition(criteriaByCode, input.scale, evaluation.scores);
    return { applicationId, evaluatorId, total };
  });
  return totals.sort(
    (a, b) => compareIds(a.applicationId, b.applicationId) || compareIds(a.evaluatorId, b.evaluatorId),
  );
}

function groupTotalsByApplication(totals: readonly EvaluatorTotal[]): number[][] {
  return [...groupBy(totals, (t) => t.applicationId).values()].map((group) => group.map((t) => t.total));
}

function indexApplications(applications: readonly ApplicationToScore[]): Map<string, ApplicationToScore> {
  const byId = new Map<string, ApplicationToScore>();
  for (const application of applications) {
    if (byId.has(application.id)) throw new InvalidScoringInputError(`Application ${application.id} is listed twice.`);
    if (Number.isNaN(application.submittedAt.getTime())) {
      throw new InvalidScoringInputError(`Application ${application.id} has an invalid submittedAt.`);
    }
    byId.set(application.id, application);
  }
  return byId;
}

function indexScores(
  criteria: readonly WeightedCriterion[],
  scale: ScoringScale,
  scores: readonly CriterionScoreValue[],
): Map<string, number> {
  const known = new Set(criteria.map((c) => c.code));
  const byCode = new Map<string, number>();
  for (const { criterionCode, score } of scores) {
    if (!known.has(criterionCode)) throw new InvalidScoringInputError(`Unknown criterion "${criterionCode}".`);
    if (byCode.has(criterionCode)) throw new InvalidScoringInputError(`Criterion "${criterionCode}" is scored twice.`);
    if (!Number.isFinite(score) || score < scale.scaleMin || score > scale.scaleMax) {
      throw new InvalidScoringInputError(`Score ${score} of "${criterionCode}" is outside the scale.`);
    }
    byCode.set(criterionCode, score);
  }
  return byCode;
}

function assertScoringDefinition(criteria: readonly WeightedCriterion[], scale: ScoringScale): void {
  if (!(Number.isFinite(scale.scaleMin) && Number.isFinite(scale.scaleMax) && scale.scaleMax > scale.scaleMin)) {
    throw new InvalidScoringInputError(`Invalid scale [${scale.scaleMin}, ${scale.scaleMax}].`);
  }
  if (criteria.length === 0) throw new InvalidScoringInputError('A call needs at least one criterion to score.');
  const codes = new Set<string>();
  for (const { code, weight } of criteria) {
    if (codes.has(code)) throw new InvalidScoringInputError(`Criterion "${code}" is defined twice.`);
    if (!(Number.isFinite(weight) && weight > 0)) {
      throw new InvalidScoringInputError(`Criterion "${code}" has a weight that is not > 0.`);
    }
    codes.add(code);
  }
}
