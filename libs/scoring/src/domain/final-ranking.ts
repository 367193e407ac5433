/**
 * The order of a call's weighted final ranking (issue 14; docs/rules.md "Review stages"): the
 * applications ranked in the last stage are ranked by their final score F = Σ_s w_s · score_s / Σ_s w_s
 * over the stages given a weight, each score_s the stage's score (DESIGN §5.4) or, where a moderator
 * recorded one, its consensus score in that stage (it replaces the evaluators' mean, as in the stage's
 * own ranking); F descending, compared at the scoring resolution, ties broken by the last stage's rank;
 * ranks 1..n without gaps. An application without a score in a weighted stage has no final rank.
 *
 * One implementation for the two places that rank this way: cohorts, which proposes a cohort from
 * the point ranking, and the bootstrap of its uncertainty (./final-ranking-bootstrap), which ranks
 * each replicate.
 */
import { resolutionSteps } from './statistics';

/** One application's result in one stage, as scoring stored it. */
export interface StageScore {
  applicationId: string;
  stage: number;
  score: number;
  /** The moderator's consensus score in the stage, null when none was recorded. */
  consensusScore: number | null;
}

/** Stage position → weight, as a call's `finalRanking.weights` states them. */
export type FinalRankingWeights = Readonly<Record<string, number>>;

/** The stages with a weight above 0 and their weights, in the order F sums them (stage position ascending). */
export function weightedStages(weights: FinalRankingWeights): Array<{ stage: number; weight: number }> {
  return Object.entries(weights)
    .filter(([, weight]) => weight > 0)
    .map(([stage, weight]) => ({ stage: Number(stage), weight }))
    .sort((x, y) => x.stage - y.stage);
}

/** F = Σ w_s · score_s / Σ w_s, summed in the stages' order; null when a weighted stage has no score. */
export function finalScore(
  stages: ReadonlyArray<{ stage: number; weight: number }>,
  scoreIn: (stage: number) => number | undefined,
): number | null {
  let sum = 0;
  let weightSum = 0;
  for (const { stage, weight } of stages) {
    const score = scoreIn(stage);
    if (score === undefined) return null;
    sum += weight * score;
    weightSum += weight;
  }
  return weightSum > 0 ? sum / weightSum : null;
}

/**
 * The final ranking's order over indexes: F (`finals[i]`) descending in resolution steps, then the
 * last stage's rank (`lastStageRanks[i]`) ascending.
 */
export function compareFinalRanks(
  finals: ArrayLike<number>,
  lastStageRanks: ArrayLike<number>,
): (x: number, y: number) => number {
  return (x, y) => resolutionSteps(finals[y]) - resolutionSteps(finals[x]) || lastStageRanks[x] - lastStageRanks[y];
}

/** What the final ranking needs of an application of the last stage: its id, and its rank there (null if unranked). */
export interface LastStageEntry {
  applicationId: string;
  rank: number | null;
  score: number | null;
}

/**
 * The applications of the last stage with their final rank and score, by the weights; those without
 * a final rank get rank and score null.
 */
export function weightedFinalRanking<T extends LastStageEntry>(
  lastStage: readonly T[],
  stageScores: readonly StageScore[],
  weights: FinalRankingWeights,
): T[] {
  const stages = weightedStages(weights);
  const scores = new Map(stageScores.map((s) => [`${s.applicationId}:${s.stage}`, s.consensusScore ?? s.score]));
  const ranked = lastStage.flatMap((a) => {
    const final = a.rank === null ? null : finalScore(stages, (stage) => scores.get(`${a.applicationId}:${stage}`));
    return final === null ? [] : [{ application: a, final, lastStageRank: a.rank as number }];
  });
  const order = ranked.map((_, i) => i);
  order.sort(
    compareFinalRanks(
      ranked.map((r) => r.final),
      ranked.map((r) => r.lastStageRank),
    ),
  );
  const finals = new Map(
    order.map((i, slot) => [ranked[i].application.applicationId, { rank: slot + 1, score: ranked[i].final }]),
  );
  return lastStage.map((a) => {
    const final = finals.get(a.applicationId);
    return final ? { ...a, ...final } : { ...a, rank: null, score: null };
  });
}
