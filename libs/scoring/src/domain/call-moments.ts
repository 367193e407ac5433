/** One distinct evaluator total of a call, and how many submitted evaluations have it. */
export interface TotalCount {
  total: number;
  count: number;
}

/** μ and σ of DESIGN.md §5.3: the mean and population deviation of all submitted totals in a call. */
export interface CallMoments {
  count: number;
  mean: number;
  stdDev: number;
}

/** Adds `value` to the running sum `count` times, one addition after the other, as a sum over the rows does. */
function addRepeatedly(sum: number | undefined, value: number, count: number): number | undefined {
  let running = sum;
  for (let i = 0; i < count; i++) running = running === undefined ? value : running + value;
  return running;
}

/**
 * μ and σ from the call's totals grouped by value, bit for bit as a full run computes them over
 * every total: the left-to-right sum of the totals in ascending order divided by their count, then
 * the square root of the same sum of the squared deviations `d · d` (d = T − μ) over the count.
 * Equal values are added one by one, since floating-point addition of n equal values is not n · v;
 * grouping only spares reading and sorting every total. Null for a call without totals.
 */
export function callMoments(values: readonly TotalCount[]): CallMoments | null {
  const byTotal = values.filter((v) => v.count > 0).sort((a, b) => a.total - b.total);
  let count = 0;
  let sum: number | undefined;
  for (const { total, count: n } of byTotal) {
    sum = addRepeatedly(sum, total, n);
    count += n;
  }
  if (sum === undefined) return null;
  const mean = sum / count;
  const squares = byTotal
    .map(({ total, count: n }) => {
      const deviation = total - mean;
      return { square: deviation * deviation, n };
    })
    .sort((a, b) => a.square - b.square);
  let sumOfSquares: number | undefined;
  for (const { square, n } of squares) sumOfSquares = addRepeatedly(sumOfSquares, square, n);
  return { count, mean, stdDev: Math.sqrt((sumOfSquares as number) / count) };
}
