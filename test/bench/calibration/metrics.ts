/**
 * How far a ranking is from the truth, for the calibration simulation (./simulation.bench.ts).
 * Rankings are lists of ids, best first; the truth is each id's true rank (1 = best).
 */

/** Ranks 1..n of the values in ascending order, tied values sharing the mean of the ranks they span. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((i, j) => values[i] - values[j]);
  const ranks = new Array<number>(values.length);
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    while (end < order.length && values[order[end]] === values[order[start]]) end++;
    // Positions start..end−1 are ranks start+1..end: their mean is (start + 1 + end) / 2.
    for (let p = start; p < end; p++) ranks[order[p]] = (start + 1 + end) / 2;
    start = end;
  }
  return ranks;
}

/**
 * Spearman's rank correlation: Pearson's correlation of the average ranks (ties share a rank), so
 * ties are handled exactly rather than by the 1 − 6Σd²/(n(n² − 1)) shortcut, which assumes none.
 * NaN when either side is constant (or has fewer than 2 values): the correlation is then undefined.
 */
export function spearman(x: readonly number[], y: readonly number[]): number {
  if (x.length !== y.length) throw new RangeError(`Spearman of ${x.length} and ${y.length} values.`);
  const rx = averageRanks(x);
  const ry = averageRanks(y);
  const centre = (x.length + 1) / 2; // the mean of average ranks is always (n + 1)/2
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < rx.length; i++) {
    const dx = rx[i] - centre;
    const dy = ry[i] - centre;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : NaN;
}

/** The true rank of each id, from the true qualities (higher is better; ties are an input error here). */
export function trueRanks(ids: readonly string[], quality: readonly number[]): Map<string, number> {
  const order = ids.map((_, i) => i).sort((i, j) => quality[j] - quality[i]);
  return new Map(order.map((i, position) => [ids[i], position + 1]));
}

/** The share of the truly best k that the ranking puts in its first k: |top_k ∩ true top_k| / k. */
export function topKOverlap(ranking: readonly string[], truth: ReadonlyMap<string, number>, k: number): number {
  if (!(Number.isSafeInteger(k) && k >= 1 && k <= ranking.length)) throw new RangeError(`k = ${k} is out of range.`);
  let shared = 0;
  for (const id of ranking.slice(0, k)) if (rankOf(truth, id) <= k) shared++;
  return shared / k;
}

/** The mean over the ranking of |its rank − the true rank|. */
export function meanAbsoluteRankError(ranking: readonly string[], truth: ReadonlyMap<string, number>): number {
  if (ranking.length === 0) return NaN;
  let sum = 0;
  ranking.forEach((id, index) => (sum += Math.abs(index + 1 - rankOf(truth, id))));
  return sum / ranking.length;
}

export interface RankInterval {
  applicationId: string;
  rankInterval: { lower: number; upper: number };
}

/** The share of the intervals that hold their application's true rank (bounds included), and their mean width (upper − lower). */
export function intervalCoverage(
  intervals: readonly RankInterval[],
  truth: ReadonlyMap<string, number>,
): { coverage: number; meanWidth: number } {
  if (intervals.length === 0) return { coverage: NaN, meanWidth: NaN };
  let covered = 0;
  let width = 0;
  for (const { applicationId, rankInterval } of intervals) {
    const rank = rankOf(truth, applicationId);
    if (rankInterval.lower <= rank && rank <= rankInterval.upper) covered++;
    width += rankInterval.upper - rankInterval.lower;
  }
  return { coverage: covered / intervals.length, meanWidth: width / intervals.length };
}

function rankOf(truth: ReadonlyMap<string, number>, id: string): number {
  const rank = truth.get(id);
  if (rank === undefined) throw new RangeError(`No true rank for ${id}.`);
  return rank;
}

/** Mean and standard error of the mean (sample standard deviation / √n). */
export function meanAndStandardError(values: readonly number[]): { mean: number; standardError: number } {
  const n = values.length;
  const mean = values.reduce((sum, v) => sum + v, 0) / n;
  if (n < 2) return { mean, standardError: NaN };
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (n - 1);
  return { mean, standardError: Math.sqrt(variance / n) };
}
