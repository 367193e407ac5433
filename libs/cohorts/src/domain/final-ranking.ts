/**
 * The final ranking of a call of several review stages (issue 14), from which its cohort is
 * proposed. Under the rule `last-stage` it is the last stage's ranking as scoring computed it. Under
 * `weighted`, the applications ranked in the last stage are ranked by their final score
 * F = Σ_s w_s · score_s / Σ_s w_s over the stages given a weight, each score_s the stage's score
 * (DESIGN §5.4) or, where a moderator recorded one, its consensus score in that stage (it replaces
 * the evaluators' mean, as in the stage's own ranking); F descending, compared at the scoring
 * resolution, ties broken by the last stage's rank; ranks 1..n without gaps. An application without
 * a score in a weighted stage has no final rank.
 */
import type { ApplicationForSelection } from './selection.types';

const SCORE_RESOLUTION = 1e-9;

/** One application's result in one stage, as scoring stored it. */
export interface StageScore {
  applicationId: string;
  stage: number;
  score: number;
  /** The moderator's consensus score in the stage, null when none was recorded. */
  consensusScore: number | null;
}

/** The applications of the last stage with their final rank and score, by the weights (stage position → weight). */
export function weightedFinalRanking(
  lastStage: readonly ApplicationForSelection[],
  stageScores: readonly StageScore[],
  weights: Readonly<Record<string, number>>,
): ApplicationForSelection[] {
  const weighted = Object.entries(weights).filter(([, weight]) => weight > 0);
  const scores = new Map(stageScores.map((s) => [`${s.applicationId}:${s.stage}`, s.consensusScore ?? s.score]));
  const finalScore = (applicationId: string): number | null => {
    let sum = 0;
    let weightSum = 0;
    for (const [stage, weight] of weighted) {
      const score = scores.get(`${applicationId}:${stage}`);
      if (score === undefined) return null;
      sum += weight * score;
      weightSum += weight;
    }
    return weightSum > 0 ? sum / weightSum : null;
  };
  const ranked = lastStage
    .filter((a) => a.rank !== null)
    .map((a) => ({ application: a, final: finalScore(a.applicationId) }))
    .filter((r): r is { application: ApplicationForSelection; final: number } => r.final !== null)
    .sort(
      (x, y) =>
        Math.round(y.final / SCORE_RESOLUTION) - Math.round(x.final / SCORE_RESOLUTION) ||
        (x.application.rank as number) - (y.application.rank as number),
    );
  const finals = new Map(ranked.map((r, i) => [r.application.applicationId, { rank: i + 1, score: r.final }]));
  return lastStage.map((a) => {
    const final = finals.get(a.applicationId);
    return final ? { ...a, ...final } : { ...a, rank: null, score: null };
  });
}

/**
 * The stages whose results a final ranking is made from, in order: the last stage always (who reached
 * it, and its rank breaking ties), and under `weighted` every stage given a weight. A cohort proposed
 * from the final ranking is current only while the results of all of them are unchanged.
 */
export function stagesOfFinalRanking(
  stageCount: number,
  finalRanking: { rule: 'last-stage' } | { rule: 'weighted'; weights: Readonly<Record<string, number>> },
): number[] {
  const weighted =
    finalRanking.rule === 'weighted'
      ? Object.entries(finalRanking.weights)
          .filter(([, weight]) => weight > 0)
          .map(([stage]) => Number(stage))
      : [];
  return [...new Set([...weighted, stageCount])].sort((a, b) => a - b);
}
