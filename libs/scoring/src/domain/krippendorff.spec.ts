import fc from 'fast-check';
import { krippendorffAlphaInterval } from './krippendorff';

/**
 * The reliability data of Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability",
 * section C: 4 observers × 12 units, values 1–5, "." where an observer did not code the unit.
 *
 *   unit        1  2  3  4  5  6  7  8  9 10 11 12
 *   observer A  1  2  3  3  2  1  4  1  2  .  .  .
 *   observer B  1  2  3  3  2  2  4  1  2  5  .  3
 *   observer C  .  3  3  3  2  3  4  2  2  5  1  .
 *   observer D  1  2  3  3  2  4  4  1  2  5  1  .
 *
 * The paper reports α_interval = 0.849 (and 0.743 nominal, 0.815 ordinal, 0.797 ratio).
 */
const KRIPPENDORFF_2011_BY_OBSERVER: Array<Array<number | null>> = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];

function unitsOf(byObserver: Array<Array<number | null>>): number[][] {
  return byObserver[0].map((_, unit) =>
    byObserver.map((row) => row[unit]).filter((value): value is number => value !== null),
  );
}

/** The textbook definition with explicit ordered pairs, as an independent check of the closed form. */
function alphaByPairs(units: number[][]): number | null {
  const pairable = units.filter((u) => u.length >= 2);
  const values = pairable.flat();
  const n = values.length;
  const squaredDifferences = (vs: number[]) =>
    vs.reduce((sum, vi, i) => sum + vs.reduce((inner, vj, j) => (i === j ? inner : inner + (vi - vj) ** 2), 0), 0);
  const expected = squaredDifferences(values) / (n * (n - 1));
  if (n < 2 || expected === 0) return null;
  const observed = pairable.reduce((sum, u) => sum + squaredDifferences(u) / (u.length - 1), 0) / n;
  return 1 - observed / expected;
}

describe('krippendorffAlphaInterval', () => {
  it('reproduces the published interval alpha of Krippendorff (2011): 0.849', () => {
    const alpha = krippendorffAlphaInterval(unitsOf(KRIPPENDORFF_2011_BY_OBSERVER));
    expect(alpha).toBeCloseTo(0.849, 3);
    expect(alpha).toBeCloseTo(alphaByPairs(unitsOf(KRIPPENDORFF_2011_BY_OBSERVER)) ?? Number.NaN, 12);
  });

  it('computes a small case by hand', () => {
    // Units [1, 3] and [5, 5]: n = 4. D_o = (1/4)(2·4/1 + 0) = 2.
    // D_e = (1/12)·Σ_{i≠j}(v_i − v_j)²; values 1, 3, 5, 5: pairs (4 + 16 + 16 + 4 + 4 + 0)·2 = 88.
    expect(
      krippendorffAlphaInterval([
        [1, 3],
        [5, 5],
      ]),
    ).toBeCloseTo(1 - 2 / (88 / 12), 12);
  });

  it('ignores units with a single value', () => {
    const units = unitsOf(KRIPPENDORFF_2011_BY_OBSERVER);
    expect(units[11]).toEqual([3]);
    expect(krippendorffAlphaInterval(units.slice(0, 11))).toBe(krippendorffAlphaInterval(units));
  });

  it.each([
    ['no units', []],
    ['only single values', [[1], [4]]],
    [
      'no variation at all',
      [
        [3, 3],
        [3, 3, 3],
      ],
    ],
  ])('is undefined (null) with %s', (_case, units: number[][]) => {
    expect(krippendorffAlphaInterval(units)).toBeNull();
  });

  it('is 1 under perfect agreement, whenever it is defined', () => {
    const unit = fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 5 }));
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 10 }), (specs) => {
        const units = specs.map(([value, count]) => Array.from({ length: count }, () => value));
        const alpha = krippendorffAlphaInterval(units);
        const pairableValues = new Set(units.filter((u) => u.length >= 2).flat());
        if (pairableValues.size < 2) expect(alpha).toBeNull();
        else expect(alpha).toBeCloseTo(1, 12);
      }),
    );
  });

  it('agrees with the pairwise definition and ignores the order of units and values', () => {
    // Totals to a tenth of a point: distinct values then differ by far more than rounding noise.
    const total = fc.integer({ min: 0, max: 1000 }).map((tenths) => tenths / 10);
    const units = fc.array(fc.array(total, { maxLength: 5 }), { maxLength: 8 });
    fc.assert(
      fc.property(units, (data) => {
        const alpha = krippendorffAlphaInterval(data);
        const reference = alphaByPairs(data);
        if (alpha === null || reference === null) {
          expect([alpha, reference]).toEqual([null, null]);
          return;
        }
        expect(Math.abs(alpha - reference)).toBeLessThan(1e-9);
        const reversed = [...data].reverse().map((u) => [...u].reverse());
        expect(krippendorffAlphaInterval(reversed)).toBe(alpha);
      }),
    );
  });
});
