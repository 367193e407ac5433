import fc from 'fast-check';
import { CalibrationFit, CalibrationTotal, fitCalibration } from './calibration';

const TOLERANCE = 1e-9;

interface Round {
  quality: number[];
  bias: number[];
  /** [application, evaluator] index pairs, each application evaluated at least once. */
  pairs: Array<[number, number]>;
}

/** Up to 10 applications and 6 evaluators, any graph (connected or not), true quality and bias per node. */
const round: fc.Arbitrary<Round> = fc
  .record({ applications: fc.integer({ min: 1, max: 10 }), evaluators: fc.integer({ min: 1, max: 6 }) })
  .chain(({ applications, evaluators }) =>
    fc.record({
      quality: fc.array(fc.double({ min: 0, max: 100, noNaN: true }), {
        minLength: applications,
        maxLength: applications,
      }),
      bias: fc.array(fc.double({ min: -20, max: 20, noNaN: true }), { minLength: evaluators, maxLength: evaluators }),
      extra: fc.array(fc.boolean(), { minLength: applications * evaluators, maxLength: applications * evaluators }),
      first: fc.array(fc.nat(evaluators - 1), { minLength: applications, maxLength: applications }),
    }),
  )
  .map(({ quality, bias, extra, first }) => {
    const pairs: Array<[number, number]> = [];
    quality.forEach((_, a) =>
      bias.forEach((__, e) => {
        if (first[a] === e || extra[a * bias.length + e]) pairs.push([a, e]);
      }),
    );
    return { quality, bias, pairs };
  });

const ids = { application: (a: number) => `app-${a}`, evaluator: (e: number) => `ev-${e}` };

function totalsOf(r: Round, total: (a: number, e: number) => number): CalibrationTotal[] {
  return r.pairs.map(([a, e]) => ({
    applicationId: ids.application(a),
    evaluatorId: ids.evaluator(e),
    total: total(a, e),
  }));
}

const qualityOf = (fit: CalibrationFit, a: number) =>
  fit.applications.find((x) => x.applicationId === ids.application(a))?.quality ?? NaN;
const componentOf = (fit: CalibrationFit, a: number) =>
  fit.applications.find((x) => x.applicationId === ids.application(a))?.component ?? NaN;
const evaluatedApplications = (r: Round) => [...new Set(r.pairs.map(([a]) => a))];

/** For every two applications of one component: their difference of q against the expected one. */
function expectDifferences(fit: CalibrationFit, r: Round, expected: (a: number, b: number) => number) {
  const applications = evaluatedApplications(r);
  for (const a of applications) {
    for (const b of applications) {
      if (componentOf(fit, a) !== componentOf(fit, b)) continue;
      expect(Math.abs(qualityOf(fit, a) - qualityOf(fit, b) - expected(a, b))).toBeLessThan(TOLERANCE);
    }
  }
}

/** Components by breadth-first search over the pairs, numbered by first application: the brute-force reference. */
function componentsByBfs(r: Round): Map<string, number> {
  const component = new Map<string, number>();
  const neighbours = (node: string) =>
    r.pairs.flatMap(([a, e]) => {
      if (node === ids.application(a)) return [ids.evaluator(e)];
      return node === ids.evaluator(e) ? [ids.application(a)] : [];
    });
  for (const a of evaluatedApplications(r).sort((x, y) => x - y)) {
    const start = ids.application(a);
    if (component.has(start)) continue;
    const number = new Set(component.values()).size;
    const queue = [start];
    component.set(start, number);
    while (queue.length > 0) {
      for (const next of neighbours(queue.shift() as string)) {
        if (!component.has(next)) {
          component.set(next, number);
          queue.push(next);
        }
      }
    }
  }
  return component;
}

describe('fitCalibration properties', () => {
  it('removes a pure evaluator bias exactly: q and b are the truth up to a constant per component (λ = 0)', () => {
    fc.assert(
      fc.property(round, (r) => {
        const fit = fitCalibration(
          totalsOf(r, (a, e) => r.quality[a] + r.bias[e]),
          { ridge: 0 },
        );
        expectDifferences(fit, r, (a, b) => r.quality[a] - r.quality[b]);
        for (const residual of fit.residuals) expect(Math.abs(residual)).toBeLessThan(TOLERANCE);
      }),
    );
  });

  it('changes no q when one evaluator adds a constant to every total (λ = 0), up to the constant of its component', () => {
    fc.assert(
      fc.property(round, fc.double({ min: -30, max: 30, noNaN: true }), fc.nat(5), (r, shift, chosen) => {
        const lifted = chosen % r.bias.length;
        const base = (a: number, e: number) => r.quality[a] + ((a * 7 + e * 13) % 11);
        const before = fitCalibration(totalsOf(r, base), { ridge: 0 });
        const after = fitCalibration(
          totalsOf(r, (a, e) => base(a, e) + (e === lifted ? shift : 0)),
          { ridge: 0 },
        );
        expectDifferences(after, r, (a, b) => qualityOf(before, a) - qualityOf(before, b));
      }),
    );
  });

  it('with a ridge, moves every q towards the constant one evaluator added, by no more than it', () => {
    fc.assert(
      fc.property(
        round,
        fc.double({ min: 0.01, max: 10, noNaN: true }),
        fc.double({ min: -30, max: 30, noNaN: true }),
        fc.nat(5),
        (r, ridge, shift, chosen) => {
          const lifted = chosen % r.bias.length;
          const base = (a: number, e: number) => r.quality[a] + ((a * 7 + e * 13) % 11);
          const before = fitCalibration(totalsOf(r, base), { ridge });
          const after = fitCalibration(
            totalsOf(r, (a, e) => base(a, e) + (e === lifted ? shift : 0)),
            { ridge },
          );
          for (const a of evaluatedApplications(r)) {
            const moved = (qualityOf(after, a) - qualityOf(before, a)) * Math.sign(shift);
            expect(moved).toBeGreaterThan(-TOLERANCE);
            expect(moved).toBeLessThan(Math.abs(shift) + TOLERANCE);
          }
        },
      ),
    );
  });

  it('with a ridge, shifts every q and score by a constant added to every total and leaves the biases', () => {
    fc.assert(
      fc.property(round, fc.double({ min: -30, max: 30, noNaN: true }), (r, shift) => {
        const base = (a: number, e: number) => r.quality[a] + r.bias[e] + ((a + e) % 3);
        const before = fitCalibration(totalsOf(r, base));
        const after = fitCalibration(totalsOf(r, (a, e) => base(a, e) + shift));
        after.applications.forEach((x, k) => {
          expect(Math.abs(x.quality - before.applications[k].quality - shift)).toBeLessThan(TOLERANCE);
          expect(Math.abs(x.score - before.applications[k].score - shift)).toBeLessThan(TOLERANCE);
        });
        after.evaluators.forEach((x, k) =>
          expect(Math.abs(x.bias - before.evaluators[k].bias)).toBeLessThan(TOLERANCE),
        );
      }),
    );
  });

  it('equals the raw total exactly when every application has a single evaluator, whatever λ', () => {
    fc.assert(
      fc.property(round, fc.constantFrom(0, 0.5, 1, 5), (r, ridge) => {
        const single: Round = { ...r, pairs: r.pairs.filter(([a, e]) => !r.pairs.some(([x, y]) => x === a && y < e)) };
        const fit = fitCalibration(
          totalsOf(single, (a, e) => r.quality[a] + r.bias[e]),
          { ridge },
        );
        for (const application of fit.applications) expect(application.score).toBe(application.rawScore);
        for (const evaluator of fit.evaluators) expect(evaluator.bias).toBe(0);
      }),
    );
  });

  it('equals the raw mean when every evaluator scored a single application, whatever λ', () => {
    fc.assert(
      fc.property(round, fc.constantFrom(0, 0.5, 1, 5), (r, ridge) => {
        // Evaluator e of application a becomes its own evaluator "a/e".
        const totals = totalsOf(r, (a, e) => r.quality[a] + r.bias[e]).map((t) => ({
          ...t,
          evaluatorId: `${t.applicationId}/${t.evaluatorId}`,
        }));
        const fit = fitCalibration(totals, { ridge });
        for (const a of fit.applications) expect(Math.abs(a.score - a.rawScore)).toBeLessThan(TOLERANCE);
      }),
      // Found by a run: totals whose squares underflow once made the solver stop at its first step.
      {
        examples: [
          [
            {
              quality: [0],
              bias: [0, -1.964659730878286e-162, 0, 0, 0],
              pairs: [
                [0, 0],
                [0, 1],
                [0, 2],
                [0, 3],
                [0, 4],
              ],
            },
            0.5,
          ],
        ],
      },
    );
  });

  it('gives the same bits whatever the order of its input', () => {
    fc.assert(
      fc.property(
        round.chain((r) => {
          const totals = totalsOf(r, (a, e) => r.quality[a] + r.bias[e] + ((a * 5 + e) % 7));
          return fc.tuple(fc.constant(totals), fc.shuffledSubarray(totals, { minLength: totals.length }));
        }),
        fc.constantFrom(0, 1),
        ([totals, shuffled], ridge) => {
          const { graph: _g1, ...one } = fitCalibration(totals, { ridge });
          const { graph: _g2, ...other } = fitCalibration(shuffled, { ridge });
          expect(other).toEqual(one);
        },
      ),
    );
  });

  it('finds the connected components a breadth-first search finds, numbered by first application', () => {
    fc.assert(
      fc.property(round, (r) => {
        const fit = fitCalibration(totalsOf(r, () => 50));
        const expected = componentsByBfs(r);
        for (const a of fit.applications) expect(a.component).toBe(expected.get(a.applicationId));
        for (const e of fit.evaluators) expect(e.component).toBe(expected.get(e.evaluatorId));
        expect(fit.components).toHaveLength(new Set(expected.values()).size);
      }),
    );
  });
});
