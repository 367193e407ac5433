import { evaluatorStatistics } from './scoring';
import { mean, populationStdDev } from './statistics';

/** How one evaluator marks, from the totals T of its submitted evaluations in a call. */
export interface EvaluatorMarking {
  evaluatorId: string;
  evaluations: number;
  mean: number;
  /** Population standard deviation, as §5 uses it. */
  stdDev: number;
  min: number;
  max: number;
  /** Every total, ascending: the distribution a chart draws. */
  totals: number[];
}

export interface MarkingDistribution {
  /** μ and σ over every submitted total of the call; null without any. */
  callMean: number | null;
  callStdDev: number | null;
  /** Most lenient first (highest mean), then by id. */
  evaluators: EvaluatorMarking[];
}

/**
 * Who marks harshly and who leniently (what z-score normalisation corrects, DESIGN §5.3): each
 * evaluator's totals beside the call's, with the same statistics the normalisation uses.
 */
export function markingDistribution(
  totals: ReadonlyArray<{ evaluatorId: string; total: number }>,
): MarkingDistribution {
  const all = totals.map((t) => t.total);
  const statistics = evaluatorStatistics(totals);
  const evaluators = [...statistics].map(([evaluatorId, s]): EvaluatorMarking => {
    const mine = totals.filter((t) => t.evaluatorId === evaluatorId).map((t) => t.total);
    mine.sort((a, b) => a - b);
    return {
      evaluatorId,
      evaluations: s.count,
      mean: s.mean,
      stdDev: s.stdDev,
      min: mine[0],
      max: mine[mine.length - 1],
      totals: mine,
    };
  });
  evaluators.sort((a, b) => b.mean - a.mean || (a.evaluatorId < b.evaluatorId ? -1 : 1));
  return {
    callMean: all.length ? mean(all) : null,
    callStdDev: all.length ? populationStdDev(all) : null,
    evaluators,
  };
}
