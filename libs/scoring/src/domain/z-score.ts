/** §5.3's z-score normalisation, in the parts that do not move with the call's μ and σ. */
import type { EvaluatorStatistics, ZScoreParts } from './scoring.types';
import { isNegligible, sumAscending } from './statistics';

/**
 * T' (§5.3) is μ + σ · (T − μ_e)/σ_e, or T − μ_e + μ when σ_e = 0 (up to rounding noise) or the
 * evaluator has fewer than 2 submitted evaluations. (With a population σ_e, one evaluation already
 * means σ_e = 0; the count test states §5.3's rule as written.) These are its parts that do not
 * depend on the call's μ and σ: (T − μ_e)/σ_e, or T − μ_e. An application's normalised score, the
 * mean of its T', is then normalizedFromParts of their sums, which stay put when a submission
 * elsewhere moves μ and σ (docs/rules.md "Normalised scores computed where read").
 */
export function zScoreParts(total: number, evaluator: EvaluatorStatistics): ZScoreParts {
  if (evaluator.count < 2 || isNegligible(evaluator.stdDev))
    return { standardized: null, centred: total - evaluator.mean };
  return { standardized: (total - evaluator.mean) / evaluator.stdDev, centred: null };
}

/**
 * The mean of n values T' = μ + σ·z or μ + c, as μ + (σ·Σz + Σc)/n, with each sum in ascending order:
 * the operations of the stored results' view (scoring_results), so that both give the same number.
 */
export function normalizedFromParts(moments: { mean: number; stdDev: number }, parts: readonly ZScoreParts[]): number {
  const standardized = sumAscending(parts.flatMap((p) => (p.standardized === null ? [] : [p.standardized])));
  const centred = sumAscending(parts.flatMap((p) => (p.centred === null ? [] : [p.centred])));
  return moments.mean + (moments.stdDev * standardized + centred) / parts.length;
}
