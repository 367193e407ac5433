import fc from 'fast-check';
import { CalibrationTotal, fitCalibration } from './calibration';
import { bootstrapRanks } from './calibration-bootstrap';
import {
  CalibratedStageFit,
  FinalRankingBootstrapInput,
  bootstrapFinalRanking,
  bootstrapFinalRankingInSteps,
} from './final-ranking-bootstrap';
import { StageScore, weightedFinalRanking } from './final-ranking';
import type { ApplicationToScore } from './scoring.types';

const DAY = new Date('2030-03-01T09:00:00Z');
const id = (a: number) => `app-${String(a).padStart(2, '0')}`;

/** `count` applications of true quality rising with their number, 4 evaluators of biases −6…6, 3 evaluations each, noise from `salt`. */
function stageTotals(count: number, salt: number): CalibrationTotal[] {
  return Array.from({ length: count }, (_, a) =>
    [0, 1, 2].map((k) => {
      const e = (a + k) % 4;
      const noise = ((a * 31 + e * 17 + salt) % 9) - 4;
      return { applicationId: id(a), evaluatorId: `ev-${e}`, total: 30 + 4 * a + 4 * e - 6 + noise };
    }),
  ).flat();
}

function calibratedStage(totals: CalibrationTotal[], seed: number): CalibratedStageFit {
  const fit = fitCalibration(totals);
  const applications: ApplicationToScore[] = fit.graph.applicationIds.map((a) => ({
    id: a,
    submittedAt: DAY,
    rankable: true,
  }));
  return { fit, applications, seed };
}

/** The stage's point scores and ranks as scoring stores them for a calibrated stage. */
function stageResults(stage: number, fitted: CalibratedStageFit): StageScore[] {
  return fitted.fit.applications.map((a) => ({
    applicationId: a.applicationId,
    stage,
    score: a.score,
    consensusScore: null,
  }));
}

function lastStageRanksOf(fitted: CalibratedStageFit) {
  const point = bootstrapRanks(fitted.fit, fitted.applications, { cohortSize: 0, seed: 0, replicates: 1 });
  return point.map((u) => ({ applicationId: u.applicationId, rank: u.rank }));
}

/** Two calibrated stages, every application in both: the demo's shape of 40% written, 60% interview. */
function twoStages(weights = { '1': 40, '2': 60 }): FinalRankingBootstrapInput {
  const first = calibratedStage(stageTotals(10, 0), 11);
  const second = calibratedStage(stageTotals(10, 5), 22);
  return {
    weights,
    lastStage: 2,
    lastStageRanks: lastStageRanksOf(second),
    stageScores: [...stageResults(1, first), ...stageResults(2, second)],
    calibrated: new Map([
      [1, first],
      [2, second],
    ]),
  };
}

describe('bootstrapFinalRanking', () => {
  it('gives, with the weight on one calibrated stage that is the last, exactly that stage’s intervals', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 12, maxLength: 12 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 0, max: 4 }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        (values, seed, cohortSize, weight) => {
          const totals = stageTotals(4, 0).map((t, i) => ({ ...t, total: values[i] }));
          const stage = calibratedStage(totals, seed);
          const input: FinalRankingBootstrapInput = {
            weights: { '1': weight },
            lastStage: 1,
            lastStageRanks: lastStageRanksOf(stage),
            stageScores: stageResults(1, stage),
            calibrated: new Map([[1, stage]]),
          };
          const own = bootstrapRanks(stage.fit, stage.applications, { cohortSize, seed, replicates: 40 });
          const final = bootstrapFinalRanking(input, { cohortSize, replicates: 40 });
          const figures = (u: (typeof own)[number]) => [
            u.applicationId,
            u.rank,
            u.rankInterval,
            u.probabilityInCohort,
            u.meanRank,
          ];
          expect(final.map(figures)).toEqual(own.map(figures));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('is deterministic for the stages’ seeds, and the same one replicate at a time', () => {
    const input = twoStages();
    const once = bootstrapFinalRanking(input, { cohortSize: 4, replicates: 200 });
    expect(bootstrapFinalRanking(twoStages(), { cohortSize: 4, replicates: 200 })).toEqual(once);
    const steps = bootstrapFinalRankingInSteps(input, { cohortSize: 4, replicates: 200 });
    let step = steps.next();
    let count = 0;
    while (step.done !== true) {
      count = step.value;
      step = steps.next();
    }
    expect(count).toBe(200);
    expect(step.value).toEqual(once);
  });

  it('reports the point final rank and F, and rank figures that add up over the replicates', () => {
    const input = twoStages();
    const result = bootstrapFinalRanking(input, { cohortSize: 4, replicates: 300 });
    const point = weightedFinalRanking(
      input.lastStageRanks.map((a) => ({ ...a, score: null as number | null })),
      input.stageScores,
      input.weights,
    ).sort((x, y) => (x.rank as number) - (y.rank as number));
    expect(result.map((u) => [u.applicationId, u.rank, u.score])).toEqual(
      point.map((a) => [a.applicationId, a.rank, a.score]),
    );
    const n = result.length;
    expect(result.reduce((sum, u) => sum + u.meanRank, 0)).toBeCloseTo((n * (n + 1)) / 2, 9);
    expect(result.reduce((sum, u) => sum + u.probabilityInCohort, 0)).toBeCloseTo(4, 9);
    for (const u of result) expect(u.rankInterval.lower).toBeLessThanOrEqual(u.rankInterval.upper);
    // The stages disagree on the middle of the ranking: the bootstrap sees it move.
    expect(result.some((u) => u.rankInterval.lower < u.rankInterval.upper)).toBe(true);
  });

  it('moves nothing when no weighted stage is resampled: fixed scores give point ranks', () => {
    const input = { ...twoStages(), calibrated: new Map<number, CalibratedStageFit>() };
    const result = bootstrapFinalRanking(input, { cohortSize: 3, replicates: 50 });
    for (const u of result) {
      expect(u.rankInterval).toEqual({ lower: u.rank, upper: u.rank });
      expect(u.probabilityInCohort).toBe(u.rank <= 3 ? 1 : 0);
    }
  });

  it('never resamples a consensus score', () => {
    const input = twoStages();
    // The committee fixed app-00's score at 100 in both stages: it leads every replicate.
    const decided = input.stageScores.map((s) => (s.applicationId === id(0) ? { ...s, consensusScore: 100 } : s));
    const result = bootstrapFinalRanking({ ...input, stageScores: decided }, { cohortSize: 1, replicates: 100 });
    expect(result[0]).toMatchObject({ applicationId: id(0), rank: 1, rankInterval: { lower: 1, upper: 1 } });
    expect(result[0].probabilityInCohort).toBe(1);
  });

  it('ranks only the last stage’s ranked applications with a score in every weighted stage', () => {
    const input = twoStages();
    const lastStageRanks = input.lastStageRanks.map((a) => (a.applicationId === id(3) ? { ...a, rank: null } : a));
    const stageScores = input.stageScores.filter((s) => !(s.applicationId === id(5) && s.stage === 1));
    const result = bootstrapFinalRanking({ ...input, lastStageRanks, stageScores }, { cohortSize: 2, replicates: 20 });
    expect(result.map((u) => u.applicationId)).not.toContain(id(3));
    expect(result.map((u) => u.applicationId)).not.toContain(id(5));
    expect(result.map((u) => u.rank)).toEqual(Array.from({ length: 8 }, (_, i) => i + 1));
  });
});
