import fc from 'fast-check';
import { CalibrationTotal, fitCalibration } from './calibration';
import {
  DEFAULT_BOOTSTRAP_REPLICATES,
  RankUncertainty,
  bootstrapRanks,
  bootstrapRanksInSteps,
  calibratedRankOrder,
  greyZone,
  noiseVariance,
  residualInflation,
  shrinkageFactor,
} from './calibration-bootstrap';
import { rankApplications } from './ranking';
import { InvalidScoringInputError } from './scoring.errors';
import type { ApplicationToScore } from './scoring.types';

const DAY = new Date('2030-03-01T09:00:00Z');
const submitted = (id: string, extra: Partial<ApplicationToScore> = {}): ApplicationToScore => ({
  id,
  submittedAt: DAY,
  rankable: true,
  ...extra,
});

/** 12 applications of true quality 30…85, 4 evaluators of biases −6, −2, 2, 6, 3 evaluations each, ±4 points of noise. */
function noisyCall(): CalibrationTotal[] {
  return Array.from({ length: 12 }, (_, a) =>
    [0, 1, 2].map((k) => {
      const e = (a + k) % 4;
      const noise = (((a * 31 + e * 17) % 9) - 4) as number;
      return {
        applicationId: `app-${String(a).padStart(2, '0')}`,
        evaluatorId: `ev-${e}`,
        total: 30 + 5 * a + 4 * e - 6 + noise,
      };
    }),
  ).flat();
}

const applicationsOf = (totals: readonly CalibrationTotal[]) =>
  [...new Set(totals.map((t) => t.applicationId))].map((id) => submitted(id));

describe('bootstrapRanks', () => {
  const totals = noisyCall();
  const fit = fitCalibration(totals);
  const applications = applicationsOf(totals);
  const run = (seed: number, cohortSize = 4) =>
    bootstrapRanks(fit, applications, { cohortSize, seed, replicates: 200 });

  it('is, one replicate at a time, the same result after one step per replicate', () => {
    const steps = bootstrapRanksInSteps(fit, applications, { cohortSize: 4, seed: 1, replicates: 200 });
    const done: number[] = [];
    let step = steps.next();
    while (step.done !== true) {
      done.push(step.value);
      step = steps.next();
    }
    expect(done).toEqual(Array.from({ length: 200 }, (_, r) => r + 1));
    expect(step.value).toEqual(run(1));
  });

  it('is the same for a seed, and another for another seed', () => {
    expect(run(1)).toEqual(run(1));
    expect(run(2)).not.toEqual(run(1));
  });

  it('does not depend on the order of the input', () => {
    const reversed = fitCalibration([...totals].reverse());
    expect(bootstrapRanks(reversed, [...applications].reverse(), { cohortSize: 4, seed: 1, replicates: 200 })).toEqual(
      run(1),
    );
  });

  it('selects exactly K applications in every replicate: the probabilities lie in [0, 1] and sum to K', () => {
    for (const cohortSize of [0, 1, 4, 11, 12, 20]) {
      const result = run(3, cohortSize);
      for (const u of result) {
        expect(u.probabilityInCohort).toBeGreaterThanOrEqual(0);
        expect(u.probabilityInCohort).toBeLessThanOrEqual(1);
        expect(u.rankInterval.lower).toBeLessThanOrEqual(u.rankInterval.upper);
      }
      const selected = result.reduce((sum, u) => sum + Math.round(u.probabilityInCohort * 200), 0);
      expect(selected).toBe(Math.min(cohortSize, 12) * 200);
    }
  });

  it('gives an application far above the others probability 1 and the interval [1, 1]', () => {
    const withStar = [
      ...totals,
      ...['ev-0', 'ev-1', 'ev-2'].map((e) => ({ applicationId: 'star', evaluatorId: e, total: 100 })),
    ];
    const withStarFit = fitCalibration(withStar);
    const result = bootstrapRanks(withStarFit, applicationsOf(withStar), { cohortSize: 1, seed: 5, replicates: 200 });
    expect(result[0]).toMatchObject({
      applicationId: 'star',
      rank: 1,
      probabilityInCohort: 1,
      rankInterval: { lower: 1, upper: 1 },
    });
    expect(result[0].meanRank).toBe(1);
  });

  it('collapses every interval to the point rank when the model fits without residual', () => {
    const exact = totals.map((t) => ({
      ...t,
      total: 20 + 5 * Number(t.applicationId.slice(4)) + Number(t.evaluatorId.slice(3)),
    }));
    const single = totals.filter((t, i) => i % 3 === 0);
    for (const call of [exact, single]) {
      const result = bootstrapRanks(fitCalibration(call), applicationsOf(call), {
        cohortSize: 5,
        seed: 9,
        replicates: 50,
      });
      for (const u of result) {
        expect(u.rankInterval).toEqual({ lower: u.rank, upper: u.rank });
        expect(u.probabilityInCohort).toBe(u.rank <= 5 ? 1 : 0);
      }
    }
  });

  it('has a point ranking that is rankApplications over the calibrated scores, ties and consensus included', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            s: fc.integer({ min: 0, max: 3 }),
            hour: fc.integer({ min: 0, max: 1 }),
            rankable: fc.boolean(),
            consensus: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        (rows) => {
          const call = rows.map((row, a) => ({ applicationId: `a${a}`, evaluatorId: 'e', total: row.s * 10 }));
          const facts = rows.map((row, a) =>
            submitted(`a${a}`, {
              submittedAt: new Date(DAY.getTime() + row.hour * 3_600_000),
              rankable: row.rankable,
              consensusScore: row.consensus,
            }),
          );
          const calibrated = fitCalibration(call);
          const scores = calibrated.applications.map((x) => ({
            applicationId: x.applicationId,
            rawScore: x.rawScore,
            normalizedScore: x.score,
            score: x.score,
            evaluationCount: 1,
            spread: 0,
            stdDev: 0,
            needsModeration: false,
          }));
          const expected = rankApplications(scores, new Map(facts.map((f) => [f.id, f]))).filter(
            (s) => s.rank !== null,
          );
          expect(calibratedRankOrder(calibrated, facts)).toEqual(expected.map((s) => s.applicationId));
          const uncertainty = bootstrapRanks(calibrated, facts, { cohortSize: 2, seed: 1, replicates: 3 });
          expect(uncertainty.map((u) => [u.applicationId, u.rank])).toEqual(
            expected.map((s) => [s.applicationId, s.rank]),
          );
        },
      ),
    );
  });

  it('ranks only rankable applications, while their evaluations still inform the biases', () => {
    const facts = applications.map((a, k) => (k === 0 ? { ...a, rankable: false } : a));
    const result = bootstrapRanks(fit, facts, { cohortSize: 4, seed: 1, replicates: 20 });
    expect(result).toHaveLength(11);
    expect(result.map((u) => u.applicationId)).not.toContain('app-00');
    expect(result.map((u) => u.rank)).toEqual(Array.from({ length: 11 }, (_, k) => k + 1));
  });

  it('refuses a cohort size or a number of replicates that is not an integer in range', () => {
    expect(DEFAULT_BOOTSTRAP_REPLICATES).toBe(1000);
    expect(() => bootstrapRanks(fit, applications, { cohortSize: -1, seed: 1 })).toThrow(InvalidScoringInputError);
    expect(() => bootstrapRanks(fit, applications, { cohortSize: 2, seed: 1, replicates: 0 })).toThrow(
      InvalidScoringInputError,
    );
  });
});

/** Three applications each scored by the same three evaluators. */
function crossed(total: (application: number, evaluator: number) => number): CalibrationTotal[] {
  return [0, 1, 2].flatMap((a) =>
    [0, 1, 2].map((e) => ({ applicationId: `a${a}`, evaluatorId: `e${e}`, total: total(a, e) })),
  );
}

const variance = (values: readonly number[]) => {
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  return values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length;
};

describe('the shrinkage of the qualities the replicates are drawn around', () => {
  it('is none when the model fits without residual', () => {
    const fit = fitCalibration(crossed((a) => 40 + 10 * a));
    expect(noiseVariance(fit)).toBe(0);
    expect(shrinkageFactor(fit)).toBe(1);
  });

  it('estimates the noise as the inflated mean square residual, and shrinks by 1 − (σ̂²/n)/var q̂', () => {
    const fit = fitCalibration(crossed((a, e) => 40 + 10 * a + [0, 3, -1][(a + e) % 3]));
    const meanSquare = Array.from(fit.residuals).reduce((sum, r) => sum + r * r, 0) / fit.residuals.length;
    expect(meanSquare).toBeGreaterThan(0);
    expect(noiseVariance(fit)).toBeCloseTo(residualInflation(fit.graph) ** 2 * meanSquare, 12);
    const qualities = fit.applications.map((a) => a.quality);
    expect(shrinkageFactor(fit)).toBeCloseTo(1 - noiseVariance(fit) / 3 / variance(qualities), 12);
    expect(shrinkageFactor(fit)).toBeLessThan(1);
  });

  it('never shrinks past the mean: 0 when the noise swamps the differences, and then no application is favoured', () => {
    const totals = crossed((a, e) => 50 + a + 20 * ((a * 3 + e * 5) % 2));
    const fit = fitCalibration(totals);
    expect(1 - noiseVariance(fit) / 3 / variance(fit.applications.map((a) => a.quality))).toBeLessThan(0);
    expect(shrinkageFactor(fit)).toBe(0);
    // Replicates drawn around equal qualities: each of the three takes the one seat about a third of the
    // time (not exactly: the nine pooled residuals take three values, and ties fall to the raw score then
    // the id), although the point ranking puts one 6 points ahead.
    const result = bootstrapRanks(fit, applicationsOf(totals), { cohortSize: 1, seed: 3, replicates: 3000 });
    expect(result[0].score - result[1].score).toBeGreaterThan(5);
    for (const u of result) expect(Math.abs(u.probabilityInCohort - 1 / 3)).toBeLessThan(0.07);
  });
});

describe('greyZone', () => {
  const uncertainty = (applicationId: string, rank: number, lower: number, upper: number): RankUncertainty => ({
    applicationId,
    rank,
    score: 0,
    probabilityInCohort: 0,
    rankInterval: { lower, upper },
    meanRank: rank,
  });

  it('marks the applications whose rank interval straddles seat K, in rank order', () => {
    const result = [
      uncertainty('sure-in', 1, 1, 2),
      uncertainty('at-the-line', 3, 2, 4),
      uncertainty('ends-at-K', 2, 1, 3),
      uncertainty('starts-at-K', 4, 3, 6),
      uncertainty('sure-out', 5, 4, 6),
    ];
    expect(greyZone(result, 3)).toEqual(['at-the-line', 'starts-at-K']);
    expect(greyZone(result, 0)).toEqual([]);
  });
});
