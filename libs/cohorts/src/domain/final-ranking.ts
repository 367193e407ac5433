/**
 * The final ranking of a call of several review stages (issue 14), from which its cohort is
 * proposed. Under the rule `last-stage` it is the last stage's ranking as scoring computed it. Under
 * `weighted`, it is scoring's weightedFinalRanking (exported by @app/scoring: one implementation of
 * its order, which the bootstrap of its uncertainty ranks each replicate by too).
 */
export type { StageScore } from '@app/scoring';

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
