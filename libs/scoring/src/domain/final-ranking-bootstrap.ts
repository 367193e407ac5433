/**
 * How sure a weighted final ranking is (issue 16 item 2 for calls of several stages). Each replicate
 * draws, for every calibrated stage with a weight, that stage's replicate scores exactly as the
 * stage's own bootstrap draws them (stageReplicates, the stage's own seed), keeps every other score
 * fixed (the scores of stages that are not calibrated, and every consensus score, which is the
 * committee's decision), combines them into F* by the weights and ranks the last stage's ranked
 * applications by the final ranking's one order (./final-ranking). Ties of F* are broken by the last
 * stage's rank: in the replicate when the last stage is one of those resampled, else its point rank.
 * With the weight on a single calibrated stage that is the last, the intervals are that stage's.
 */
import type { CalibrationFit } from './calibration';
import {
  type RankUncertainty,
  type StageReplicates,
  DEFAULT_BOOTSTRAP_REPLICATES,
  assertBootstrapOptions,
  stageReplicates,
  summariseRanks,
} from './calibration-bootstrap';
import {
  type FinalRankingWeights,
  type StageScore,
  compareFinalRanks,
  finalScore,
  weightedStages,
  weightedFinalRanking,
} from './final-ranking';
import type { ApplicationToScore } from './scoring.types';

/** A calibrated stage's fit, its ranking facts and its seed: what its own bootstrap is computed from. */
export interface CalibratedStageFit {
  fit: CalibrationFit;
  applications: readonly ApplicationToScore[];
  seed: number;
}

export interface FinalRankingBootstrapInput {
  weights: FinalRankingWeights;
  /** The last stage's position. */
  lastStage: number;
  /** Every application of the last stage with its rank there (null when unranked). */
  lastStageRanks: ReadonlyArray<{ applicationId: string; rank: number | null }>;
  /** The point scores and consensus scores of the weighted stages, as the final ranking reads them. */
  stageScores: readonly StageScore[];
  /** The weighted stages that are calibrated, by position: only these are resampled. */
  calibrated: ReadonlyMap<number, CalibratedStageFit>;
}

export interface FinalRankingBootstrapOptions {
  /** K, the call's cohort size. */
  cohortSize: number;
  replicates?: number;
}

/** One weighted stage in a replicate: where each ranked application's score comes from. */
interface StageColumn {
  /** The fixed score per ranked application (consensus, or the point score of a stage not resampled); NaN where resampled. */
  fixed: Float64Array;
  /** The application's graph index in the stage's fit; −1 when the stage is not resampled or its fit lacks it. */
  graphIndex: Int32Array;
  replicates: StageReplicates | null;
}

/** bootstrapFinalRankingInSteps run to the end. */
export function bootstrapFinalRanking(
  input: FinalRankingBootstrapInput,
  options: FinalRankingBootstrapOptions,
): RankUncertainty[] {
  const steps = bootstrapFinalRankingInSteps(input, options);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/**
 * The rank uncertainty of every application with a final rank, in final rank order (rank and score
 * are the point final rank and F); yields the number of replicates done after each one.
 */
export function* bootstrapFinalRankingInSteps(
  input: FinalRankingBootstrapInput,
  options: FinalRankingBootstrapOptions,
): Generator<number, RankUncertainty[], void> {
  const replicates = options.replicates ?? DEFAULT_BOOTSTRAP_REPLICATES;
  assertBootstrapOptions(options.cohortSize, replicates);
  const point = weightedFinalRanking(
    input.lastStageRanks.map((a) => ({ ...a, score: null as number | null })),
    input.stageScores,
    input.weights,
  )
    .filter((a): a is { applicationId: string; rank: number; score: number } => a.rank !== null)
    .sort((x, y) => x.rank - y.rank);
  const ids = point.map((a) => a.applicationId);
  const stages = weightedStages(input.weights);
  const columns = stages.map(({ stage }) => stageColumn(input, stage, ids));
  const summed = stages.map(({ weight }, s) => ({ stage: s, weight }));
  const lastColumn = columns[stages.findIndex((s) => s.stage === input.lastStage)];
  const lastStageRank = new Map(input.lastStageRanks.map((a) => [a.applicationId, a.rank ?? 0]));
  const finals = new Float64Array(ids.length);
  const tieRanks = Float64Array.from(ids, (id) => lastStageRank.get(id) ?? 0);
  const ranks = new Int32Array(ids.length * replicates);
  const order = Int32Array.from(ids, (_, i) => i);
  const compare = compareFinalRanks(finals, tieRanks);
  for (let r = 0; r < replicates; r++) {
    const scores = columns.map((c) => c.replicates?.next() ?? null);
    for (let i = 0; i < ids.length; i++) {
      finals[i] = finalScore(summed, (s) => {
        const fixed = columns[s].fixed[i];
        return Number.isNaN(fixed) ? (scores[s] as Float64Array)[columns[s].graphIndex[i]] : fixed;
      }) as number;
    }
    if (lastColumn?.replicates) replicateRanks(lastColumn, tieRanks);
    order.sort(compare);
    order.forEach((i, slot) => (ranks[i * replicates + r] = slot + 1));
    yield r + 1;
  }
  return point.map((a, i) => ({
    applicationId: a.applicationId,
    rank: a.rank,
    score: a.score,
    ...summariseRanks(ranks.subarray(i * replicates, (i + 1) * replicates), options.cohortSize),
  }));
}

function stageColumn(input: FinalRankingBootstrapInput, stage: number, ids: string[]): StageColumn {
  const results = new Map(input.stageScores.filter((s) => s.stage === stage).map((s) => [s.applicationId, s]));
  const calibrated = input.calibrated.get(stage);
  const indexOf = new Map(calibrated?.fit.graph.applicationIds.map((id, a) => [id, a]) ?? []);
  const fixed = new Float64Array(ids.length);
  const graphIndex = Int32Array.from(ids, (id) => indexOf.get(id) ?? -1);
  ids.forEach((id, i) => {
    // Every application with a final rank has a score in each weighted stage.
    const result = results.get(id) as StageScore;
    fixed[i] =
      result.consensusScore === null && graphIndex[i] >= 0 ? Number.NaN : (result.consensusScore ?? result.score);
  });
  return {
    fixed,
    graphIndex,
    replicates: calibrated ? stageReplicates(calibrated.fit, calibrated.applications, calibrated.seed) : null,
  };
}

/** Each ranked application's rank in the last stage's replicate last drawn (its point rank if the stage's fit lacks it). */
function replicateRanks(column: StageColumn, tieRanks: Float64Array): void {
  const rankOf = new Map<number, number>();
  (column.replicates as StageReplicates).rankOrder().forEach((a, slot) => rankOf.set(a, slot + 1));
  column.graphIndex.forEach((a, i) => {
    if (a >= 0) tieRanks[i] = rankOf.get(a) ?? tieRanks[i];
  });
}
