import fc from 'fast-check';
import {
  averageRanks,
  intervalCoverage,
  meanAbsoluteRankError,
  meanAndStandardError,
  spearman,
  topKOverlap,
  trueRanks,
} from './metrics';

describe('averageRanks', () => {
  it('ranks ascending and gives tied values the mean of the ranks they span', () => {
    expect(averageRanks([30, 10, 20])).toEqual([3, 1, 2]);
    expect(averageRanks([5, 1, 5, 5, 0])).toEqual([4, 2, 4, 4, 1]);
    expect(averageRanks([])).toEqual([]);
  });
});

describe('spearman', () => {
  it('is 1 for any increasing relation and −1 for a decreasing one', () => {
    expect(spearman([1, 2, 3, 4], [1, 8, 27, 1000])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
  });

  it('handles ties exactly: ranks x = (1, 2.5, 2.5, 4), y = (1, 3, 2, 4) give 4.5 / √(4.5 · 5) = √0.9', () => {
    expect(spearman([1, 2, 2, 3], [1, 3, 2, 4])).toBeCloseTo(Math.sqrt(0.9), 12);
  });

  it('matches 1 − 6Σd²/(n(n² − 1)) when there is no tie', () => {
    // d = (0, −2, 1, 1, 0): Σd² = 6, n = 5 → 1 − 36/120 = 0.7.
    expect(spearman([1, 2, 3, 4, 5], [1, 4, 2, 3, 5])).toBeCloseTo(0.7, 12);
  });

  it('is undefined (NaN) when one side is constant', () => {
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNaN();
  });

  it('is symmetric, within [−1, 1] and unchanged by an increasing transform of either side', () => {
    const pairs = fc
      .array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 })), { minLength: 2, maxLength: 30 })
      .filter((p) => new Set(p.map(([x]) => x)).size > 1 && new Set(p.map(([, y]) => y)).size > 1);
    fc.assert(
      fc.property(pairs, (p) => {
        const x = p.map(([v]) => v);
        const y = p.map(([, v]) => v);
        const rho = spearman(x, y);
        expect(spearman(y, x)).toBeCloseTo(rho, 12);
        expect(Math.abs(rho)).toBeLessThanOrEqual(1 + 1e-12);
        expect(
          spearman(
            x.map((v) => v ** 3 + 7),
            y,
          ),
        ).toBeCloseTo(rho, 12);
      }),
    );
  });
});

describe('ranking metrics', () => {
  const truth = trueRanks(['a', 'b', 'c', 'd'], [10, 40, 30, 20]); // b 1, c 2, d 3, a 4

  it('ranks the truth best first', () => {
    expect([...truth]).toEqual([
      ['b', 1],
      ['c', 2],
      ['d', 3],
      ['a', 4],
    ]);
  });

  it('counts the share of the true top k found in the first k', () => {
    expect(topKOverlap(['c', 'b', 'a', 'd'], truth, 2)).toBe(1);
    expect(topKOverlap(['b', 'a', 'c', 'd'], truth, 2)).toBe(0.5);
    expect(topKOverlap(['a', 'd', 'b', 'c'], truth, 2)).toBe(0);
    expect(() => topKOverlap(['a'], truth, 2)).toThrow(RangeError);
  });

  it('averages the absolute rank errors', () => {
    expect(meanAbsoluteRankError(['b', 'c', 'd', 'a'], truth)).toBe(0);
    // a 1 (true 4), b 2 (1), c 3 (2), d 4 (3): (3 + 1 + 1 + 1) / 4.
    expect(meanAbsoluteRankError(['a', 'b', 'c', 'd'], truth)).toBe(1.5);
  });

  it('counts the intervals holding the true rank, bounds included', () => {
    const intervals = [
      { applicationId: 'b', rankInterval: { lower: 1, upper: 1 } },
      { applicationId: 'c', rankInterval: { lower: 3, upper: 4 } },
      { applicationId: 'd', rankInterval: { lower: 1, upper: 3 } },
      { applicationId: 'a', rankInterval: { lower: 2, upper: 3 } },
    ];
    expect(intervalCoverage(intervals, truth)).toEqual({ coverage: 0.5, meanWidth: 1 });
  });

  it('gives the mean and its standard error', () => {
    expect(meanAndStandardError([1, 2, 3, 4])).toEqual({ mean: 2.5, standardError: Math.sqrt(5 / 3 / 4) });
  });
});
