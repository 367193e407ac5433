import fc from 'fast-check';
import { CallScoring, CallScoringInput, SCORE_RESOLUTION, evaluatorTotal, scoreCall } from './scoring';

const TOLERANCE = 1e-9; // §5 results must agree with an independent recomputation to this.
const steps = (value: number) => Math.round(value / SCORE_RESOLUTION);

/** A call of up to 8 applications and 5 evaluators; ids are arbitrary strings (even "__proto__"). */
const callInput: fc.Arbitrary<CallScoringInput> = fc
  .record({
    weights: fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 4 }),
    scaleMin: fc.integer({ min: -5, max: 5 }),
    range: fc.integer({ min: 1, max: 10 }),
    applicationIds: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }),
    evaluatorIds: fc.uniqueArray(fc.constantFrom('e1', 'E2', 'e10', '__proto__', 'constructor'), {
      minLength: 1,
      maxLength: 5,
    }),
    normalization: fc.constantFrom('none' as const, 'zscore' as const),
    disagreementThreshold: fc.integer({ min: 0, max: 100 }),
  })
  .chain((shape) => {
    const pairs = shape.applicationIds.flatMap((a) => shape.evaluatorIds.map((e) => [a, e] as const));
    const vector = fc.array(fc.integer({ min: 0, max: shape.range }), {
      minLength: shape.weights.length,
      maxLength: shape.weights.length,
    });
    return fc.record({
      shape: fc.constant(shape),
      applications: fc.array(fc.record({ hour: fc.integer({ min: 0, max: 2 }), rankable: fc.boolean() }), {
        minLength: shape.applicationIds.length,
        maxLength: shape.applicationIds.length,
      }),
      given: fc.array(fc.option(vector, { nil: undefined }), { minLength: pairs.length, maxLength: pairs.length }),
      pairs: fc.constant(pairs),
    });
  })
  .map(({ shape, applications, given, pairs }) => {
    // Weights in tenths (0.1 … 1.0) are not exact in binary: the properties must hold despite rounding.
    const criteria = shape.weights.map((w, i) => ({ code: `C${i}`, weight: w / 10 }));
    return {
      criteria,
      scale: { scaleMin: shape.scaleMin, scaleMax: shape.scaleMin + shape.range },
      normalization: shape.normalization,
      disagreementThreshold: shape.disagreementThreshold,
      applications: shape.applicationIds.map((id, i) => ({
        id,
        submittedAt: new Date(Date.UTC(2030, 2, 1, applications[i].hour)),
        rankable: applications[i].rankable,
      })),
      evaluations: pairs.flatMap(([applicationId, evaluatorId], i) => {
        const offsets = given[i];
        if (offsets === undefined) return [];
        const scores = criteria.map((c, k) => ({ criterionCode: c.code, score: shape.scaleMin + offsets[k] }));
        return [{ applicationId, evaluatorId, scores }];
      }),
    };
  });

/** The input with every list (and every evaluation's scores) in another order. */
function shuffled(input: CallScoringInput): fc.Arbitrary<CallScoringInput> {
  const permutation = <T>(items: T[]) => fc.shuffledSubarray(items, { minLength: items.length });
  return fc
    .tuple(
      permutation(input.criteria),
      permutation(input.applications),
      fc.tuple(...input.evaluations.map((e) => permutation(e.scores).map((scores) => ({ ...e, scores })))),
    )
    .chain(([criteria, applications, evaluations]) =>
      permutation(evaluations).map((reordered) => ({ ...input, criteria, applications, evaluations: reordered })),
    );
}

/** §5.1–5.3 computed naively, in input order, as another client would: the independent recomputation. */
function recompute(input: CallScoringInput) {
  const totals = input.evaluations.map((e) => {
    const weighted = input.criteria.reduce((sum, c) => {
      const s = e.scores.find((x) => x.criterionCode === c.code)?.score ?? Number.NaN;
      return sum + (c.weight * (s - input.scale.scaleMin)) / (input.scale.scaleMax - input.scale.scaleMin);
    }, 0);
    const weightSum = input.criteria.reduce((sum, c) => sum + c.weight, 0);
    return { ...e, total: (100 * weighted) / weightSum };
  });
  const avg = (vs: number[]) => vs.reduce((a, b) => a + b, 0) / vs.length;
  const sd = (vs: number[]) => Math.sqrt(avg(vs.map((v) => (v - avg(vs)) ** 2)));
  const mu = avg(totals.map((t) => t.total));
  const sigma = sd(totals.map((t) => t.total));
  const adjusted = totals.map((t) => {
    const own = totals.filter((o) => o.evaluatorId === t.evaluatorId).map((o) => o.total);
    const [muE, sigmaE] = [avg(own), sd(own)];
    const fallback = own.length < 2 || sigmaE < 1e-9;
    return { ...t, adjusted: fallback ? t.total - muE + mu : mu + (sigma * (t.total - muE)) / sigmaE };
  });
  return { totals, adjusted, mu, sigma };
}

const rankedInOrder = (result: CallScoring) => result.applications.filter((s) => s.rank !== null);

describe('scoreCall properties', () => {
  it('agrees with an independent, naive recomputation of §5 to 1e-9', () => {
    fc.assert(
      fc.property(callInput, (input) => {
        const result = scoreCall(input);
        const { adjusted, mu, sigma } = recompute(input);
        if (adjusted.length === 0) return;
        expect(Math.abs((result.statistics.mean ?? Number.NaN) - mu)).toBeLessThan(TOLERANCE);
        expect(Math.abs((result.statistics.stdDev ?? Number.NaN) - sigma)).toBeLessThan(TOLERANCE);
        for (const s of result.applications) {
          const own = adjusted.filter((t) => t.applicationId === s.applicationId);
          const raw = own.reduce((sum, t) => sum + t.total, 0) / own.length;
          const normalized = own.reduce((sum, t) => sum + t.adjusted, 0) / own.length;
          expect(Math.abs(s.rawScore - raw)).toBeLessThan(TOLERANCE);
          expect(Math.abs(s.normalizedScore - normalized)).toBeLessThan(TOLERANCE);
          expect(s.evaluationCount).toBe(own.length);
        }
      }),
    );
  });

  it('keeps every total within [0, 100]', () => {
    fc.assert(
      fc.property(callInput, (input) => {
        for (const e of input.evaluations) {
          const total = evaluatorTotal(input.criteria, input.scale, e.scores);
          expect(total).toBeGreaterThanOrEqual(0);
          expect(total).toBeLessThanOrEqual(100);
        }
      }),
    );
  });

  it('puts the raw score between the lowest and highest total, and spread = max − min', () => {
    fc.assert(
      fc.property(callInput, (input) => {
        for (const s of scoreCall(input).applications) {
          const totals = input.evaluations
            .filter((e) => e.applicationId === s.applicationId)
            .map((e) => evaluatorTotal(input.criteria, input.scale, e.scores));
          expect(s.rawScore).toBeGreaterThanOrEqual(Math.min(...totals) - TOLERANCE);
          expect(s.rawScore).toBeLessThanOrEqual(Math.max(...totals) + TOLERANCE);
          expect(s.spread).toBe(Math.max(...totals) - Math.min(...totals));
        }
      }),
    );
  });

  it('scores by the raw score under none and by the normalised one under zscore', () => {
    fc.assert(
      fc.property(callInput, (input) => {
        for (const s of scoreCall(input).applications) {
          expect(s.score).toBe(input.normalization === 'none' ? s.rawScore : s.normalizedScore);
        }
      }),
    );
  });

  it('flags moderation exactly when the spread exceeds the threshold (at 1e-9 resolution)', () => {
    fc.assert(
      fc.property(callInput, (input) => {
        for (const s of scoreCall(input).applications) {
          expect(s.needsModeration).toBe(steps(s.spread) > steps(input.disagreementThreshold));
          if (s.spread > input.disagreementThreshold + TOLERANCE) expect(s.needsModeration).toBe(true);
          if (s.spread < input.disagreementThreshold - TOLERANCE) expect(s.needsModeration).toBe(false);
        }
      }),
    );
  });

  it('ranks the rankable applications with an evaluation 1..n, in the order of §5.6', () => {
    fc.assert(
      fc.property(callInput, (input) => {
        const result = scoreCall(input);
        const rankable = new Set(input.applications.filter((a) => a.rankable).map((a) => a.id));
        const ranked = rankedInOrder(result);
        expect(ranked.map((s) => s.rank)).toEqual(ranked.map((_, i) => i + 1));
        expect(new Set(ranked.map((s) => s.applicationId))).toEqual(
          new Set(result.applications.filter((s) => rankable.has(s.applicationId)).map((s) => s.applicationId)),
        );
        const submittedAt = new Map(input.applications.map((a) => [a.id, a.submittedAt.getTime()]));
        for (let i = 1; i < ranked.length; i++) {
          const [before, after] = [ranked[i - 1], ranked[i]];
          const keyOf = (s: typeof before) => [-steps(s.score), -steps(s.rawScore), submittedAt.get(s.applicationId)];
          const [kb, ka] = [keyOf(before), keyOf(after)];
          const firstDifference = kb.findIndex((value, k) => value !== ka[k]);
          if (firstDifference === -1) expect(before.applicationId < after.applicationId).toBe(true);
          else expect((kb[firstDifference] ?? 0) < (ka[firstDifference] ?? 0)).toBe(true);
        }
      }),
    );
  });

  it('gives the same result, to the bit, whatever the order of its input', () => {
    const withReordering = callInput.chain((input) => fc.tuple(fc.constant(input), shuffled(input)));
    fc.assert(
      fc.property(withReordering, ([input, reordered]) => {
        expect(scoreCall(reordered)).toEqual(scoreCall(input));
      }),
    );
  });
});

/**
 * Every evaluator scores every application, each with the same score vectors dealt in another
 * order: every μ_e, σ_e equals μ, σ, so T' = T and the normalised score is the raw one.
 */
const evenPanel = fc
  .record({
    vectors: fc.array(fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 })), {
      minLength: 1,
      maxLength: 6,
    }),
    evaluatorCount: fc.integer({ min: 1, max: 4 }),
  })
  .chain(({ vectors, evaluatorCount }) =>
    fc.array(fc.shuffledSubarray(vectors, { minLength: vectors.length }), {
      minLength: evaluatorCount,
      maxLength: evaluatorCount,
    }),
  )
  .map((dealt): CallScoringInput => ({
    criteria: [
      { code: 'IMPACT', weight: 0.7 },
      { code: 'TEAM', weight: 0.3 },
    ],
    scale: { scaleMin: 0, scaleMax: 10 },
    normalization: 'zscore',
    disagreementThreshold: 30,
    applications: dealt[0].map((_, i) => ({ id: `a${i}`, submittedAt: new Date(0), rankable: true })),
    evaluations: dealt.flatMap((vectors, e) =>
      vectors.map(([impact, team], i) => ({
        applicationId: `a${i}`,
        evaluatorId: `e${e}`,
        scores: [
          { criterionCode: 'IMPACT', score: impact },
          { criterionCode: 'TEAM', score: team },
        ],
      })),
    ),
  }));

describe('z-score normalisation with an even panel', () => {
  it('leaves the scores as they are when every evaluator has the same mean and spread', () => {
    fc.assert(
      fc.property(evenPanel, (input) => {
        for (const s of scoreCall(input).applications) {
          expect(Math.abs(s.normalizedScore - s.rawScore)).toBeLessThan(TOLERANCE);
        }
      }),
    );
  });
});
