import fc from 'fast-check';
import { callMoments } from './call-moments';

/** The full run's computation over every total: ascending left-to-right sums, two passes. */
function overEveryTotal(totals: number[]) {
  const ascending = [...totals].sort((a, b) => a - b);
  let sum = ascending[0];
  for (const t of ascending.slice(1)) sum += t;
  const mean = sum / totals.length;
  const squares = totals.map((t) => (t - mean) * (t - mean)).sort((a, b) => a - b);
  let squared = squares[0];
  for (const s of squares.slice(1)) squared += s;
  return { count: totals.length, mean, stdDev: Math.sqrt(squared / totals.length) };
}

function grouped(totals: number[]) {
  const counts = new Map<number, number>();
  for (const t of totals) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].map(([total, count]) => ({ total, count }));
}

describe('callMoments', () => {
  it('gives μ and σ bit for bit as a sum over every total does, whatever the grouping order', () => {
    // Totals from few distinct values, as integer scores give them, and arbitrary ones.
    const total = fc.oneof(
      fc.constantFrom(0, 12.5, 33.333333333333336, 41.66666666666667, 100),
      fc.double({ min: 0, max: 100, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(total, { minLength: 1, maxLength: 60 }), fc.boolean(), (totals, reversed) => {
        const groups = grouped(totals);
        expect(callMoments(reversed ? groups.reverse() : groups)).toEqual(overEveryTotal(totals));
      }),
      { seed: 20261203, numRuns: 500 },
    );
  });

  it('adds equal totals one by one: 0.1 ten times is not 10 · 0.1', () => {
    const moments = callMoments([{ total: 0.1, count: 10 }])!;
    expect(moments.mean).toBe(overEveryTotal(Array(10).fill(0.1)).mean);
    expect(moments.mean).not.toBe(0.1);
  });

  it('is null for a call without totals, and ignores empty groups', () => {
    expect(callMoments([])).toBeNull();
    expect(callMoments([{ total: 3, count: 0 }])).toBeNull();
    expect(
      callMoments([
        { total: 3, count: 0 },
        { total: 5, count: 2 },
      ]),
    ).toEqual({ count: 2, mean: 5, stdDev: 0 });
  });
});
