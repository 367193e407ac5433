/**
 * Numerics shared by the scoring formulas (DESIGN.md §5).
 *
 * Reproducibility: every sum is a plain left-to-right sum of the values in ascending numeric order.
 * A fixed order makes a result identical bit for bit however the caller ordered its input, and the
 * same multiset of values always gives the same sum (floating-point addition is not associative).
 * An independent recomputation in any order or language agrees with these results to 1e-9.
 */

/**
 * Points on the 0–100 scale below which two figures are the same figure. Quantities equal in exact
 * arithmetic (weights such as 0.6/0.4 are not exact in binary) may differ by a few ulps; comparing
 * them raw would let rounding noise break ties, flag moderation or divide by a "non-zero" σ.
 */
export const SCORE_RESOLUTION = 1e-9;

/**
 * The integer number of resolution steps in a score: comparing these is transitive (unlike an
 * |a − b| < ε test), so it can order a ranking.
 */
export function resolutionSteps(value: number): number {
  return Math.round(value / SCORE_RESOLUTION);
}

/** True when a non-negative spread or deviation is zero up to rounding noise. */
export function isNegligible(value: number): boolean {
  return resolutionSteps(value) === 0;
}

/** Plain string order by UTF-16 code units, as PostgreSQL's C collation and uuid order agree on; never locale-aware. */
export function compareIds(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

export function sumAscending(values: readonly number[]): number {
  let total = 0;
  for (const value of [...values].sort((a, b) => a - b)) total += value;
  return total;
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('The mean of no values is undefined.');
  return sumAscending(values) / values.length;
}

/** Sum of squared deviations from the mean, in two passes for accuracy. */
export function sumOfSquaredDeviations(values: readonly number[]): number {
  const centre = mean(values);
  return sumAscending(values.map((value) => (value - centre) ** 2));
}

/** Population (not sample) standard deviation, as §5 specifies. */
export function populationStdDev(values: readonly number[]): number {
  return Math.sqrt(sumOfSquaredDeviations(values) / values.length);
}

/** max − min; a loop rather than Math.max(...values), which overflows the stack on large arrays. */
export function spread(values: readonly number[]): number {
  let lowest = Infinity;
  let highest = -Infinity;
  for (const value of values) {
    lowest = Math.min(lowest, value);
    highest = Math.max(highest, value);
  }
  return highest - lowest;
}
