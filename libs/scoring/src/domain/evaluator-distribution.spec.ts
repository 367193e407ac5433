import fc from 'fast-check';
import { markingDistribution } from './evaluator-distribution';

describe('markingDistribution', () => {
  it('describes each evaluator beside the call, most lenient first', () => {
    const result = markingDistribution([
      { evaluatorId: 'harsh', total: 20 },
      { evaluatorId: 'harsh', total: 40 },
      { evaluatorId: 'kind', total: 80 },
      { evaluatorId: 'kind', total: 100 },
      { evaluatorId: 'kind', total: 90 },
    ]);
    expect(result.callMean).toBeCloseTo(66, 9);
    expect(result.evaluators).toEqual([
      {
        evaluatorId: 'kind',
        evaluations: 3,
        mean: 90,
        stdDev: Math.sqrt(200 / 3),
        min: 80,
        max: 100,
        totals: [80, 90, 100],
      },
      { evaluatorId: 'harsh', evaluations: 2, mean: 30, stdDev: 10, min: 20, max: 40, totals: [20, 40] },
    ]);
  });

  it('has no call figures without totals', () => {
    expect(markingDistribution([])).toEqual({ callMean: null, callStdDev: null, evaluators: [] });
  });

  it('accounts for every total once, each evaluator within its min and max', () => {
    const totals = fc.array(
      fc.record({ evaluatorId: fc.constantFrom('a', 'b', 'c'), total: fc.double({ min: 0, max: 100, noNaN: true }) }),
    );
    fc.assert(
      fc.property(totals, (input) => {
        const { evaluators } = markingDistribution(input);
        expect(evaluators.reduce((n, e) => n + e.evaluations, 0)).toBe(input.length);
        for (const e of evaluators) {
          expect(e.totals).toHaveLength(e.evaluations);
          expect(e.mean).toBeGreaterThanOrEqual(e.min - 1e-9);
          expect(e.mean).toBeLessThanOrEqual(e.max + 1e-9);
        }
        const means = evaluators.map((e) => e.mean);
        expect(means).toEqual([...means].sort((x, y) => y - x));
      }),
    );
  });
});
