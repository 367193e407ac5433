import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import type { Queue } from 'bullmq';
import {
  CalibratedStageFit,
  CalibrationTotal,
  RankUncertainty,
  StageScore,
  UNCERTAINTY_QUEUE,
  bootstrapFinalRanking,
  evaluatorTotal,
  fitCalibration,
  greyZone,
  uncertaintySeed,
} from '@app/scoring';
import { sql } from '../support/applications';
import { eventually, inPool, withEnv } from '../support/async';
import {
  callWithSubmissions,
  createApplicantsFrom,
  createEvaluators,
  evaluate,
  seatPanel,
  secretariatOf,
} from '../support/evaluation-fixtures';
import { Actor, Applicant } from '../support/fixtures';
import { RedisServer } from '../support/redis-server';
import {
  INTERVIEW,
  INTERVIEW_CRITERIA,
  Scores,
  WRITTEN,
  WRITTEN_CRITERIA,
  secretariatRequests,
} from '../support/review-stages';
import { TestApi } from '../support/test-app';
import { startWorker } from '../support/worker';

const REPLICATES = 200;
const COHORT_SIZE = 3;
const WEIGHTS = { '1': 40, '2': 60 };
const STAGES = [
  { scale: { scaleMin: WRITTEN.scaleMin, scaleMax: WRITTEN.scaleMax }, criteria: WRITTEN_CRITERIA },
  { scale: { scaleMin: INTERVIEW.scaleMin, scaleMax: INTERVIEW.scaleMax }, criteria: INTERVIEW_CRITERIA },
];

interface Assignment {
  id: string;
  applicationId: string;
  evaluatorId: string;
}
interface Submitted extends Assignment {
  scores: Scores;
}

/**
 * The rank uncertainty of a weighted final ranking end to end (issue 16 item 2 for calls of several
 * stages): a call of two calibrated stages weighted 40/60, whose worker bootstraps the final ranking
 * from both stages' fits; the stored intervals are the pure function's on the same inputs and seeds,
 * the cohort proposal marks the grey zone, and a change makes them stale until the job has run again.
 */
describe('rank uncertainty of a weighted final ranking', () => {
  let redis: RedisServer;
  let api: TestApi;
  let worker: INestApplicationContext;
  let secretariat: Actor;
  let evaluators: Actor[];
  let applicants: Applicant[];
  let callId: string;
  let applicationIds: string[];
  const submitted: Submitted[][] = [[], []];

  const token = () => secretariat.token;
  const { get, post, upToDate } = secretariatRequests(() => api, token);

  const assignmentsOf = (stage: number) =>
    sql<Assignment>(
      api,
      `SELECT id, application_id AS "applicationId", evaluator_id AS "evaluatorId"
         FROM assignments WHERE call_id = $1 AND stage = $2 ORDER BY application_id, evaluator_id`,
      [callId, stage],
    );

  /** Varied marks: each evaluator has a bias of its own and disagrees with the others on some applications. */
  async function evaluateStage(stage: number, scoresOf: (e: number, a: number) => Scores): Promise<void> {
    await inPool(await assignmentsOf(stage), 4, async (row) => {
      const e = evaluators.findIndex((x) => x.id === row.evaluatorId);
      const scores = scoresOf(e, applicationIds.indexOf(row.applicationId));
      await evaluate(api, evaluators[e].token, row.id, scores);
      submitted[stage - 1].push({ ...row, scores });
    });
  }

  beforeAll(async () => {
    redis = await RedisServer.start();
    api = await withEnv({ REDIS_URL: redis.url }, () => TestApi.start());
    worker = await startWorker({ REDIS_URL: redis.url, SCORING_BOOTSTRAP_REPLICATES: String(REPLICATES) });
    secretariat = await secretariatOf(api);
    evaluators = await createEvaluators(
      api,
      ['US', 'GB', 'CH', 'SE'].map((countryCode) => ({ countryCode })),
    );
    applicants = await createApplicantsFrom(
      api,
      ['FR', 'DE', 'BR', 'IN', 'JP', 'MX', 'KE', 'GH'].map((countryCode, i) => ({
        countryCode,
        organisationName: `Weighted hub ${i}`,
      })),
    );
    ({ callId, applicationIds } = await callWithSubmissions(api, applicants, {
      cohortSize: COHORT_SIZE,
      evaluatorsPerApplication: 3,
      selection: {},
      scoring: { ...WRITTEN, normalization: 'calibrated' },
      stages: [
        { name: 'Written assessment' },
        {
          name: 'Interview',
          evaluatorsPerApplication: 3,
          scoring: { ...INTERVIEW, normalization: 'calibrated' },
          criteria: [
            { code: 'PITCH', title: 'Pitch', weight: 2 },
            { code: 'PLAN', title: 'Plan', weight: 1 },
          ],
        },
      ],
      finalRanking: { rule: 'weighted', weights: WEIGHTS },
    }));
    await seatPanel(api, callId, evaluators);
    expect((await post(`/calls/${callId}/assignments/auto`)).status).toBe(200);
    await evaluateStage(1, (e, a) => [
      { criterionCode: 'IMPACT', score: Math.min(10, 3 + [2, 0, 1, -1][e] + ((a * 5 + e * 3) % 5)) },
      { criterionCode: 'CAPACITY', score: Math.min(10, 2 + ((a * 3 + e) % 7)) },
    ]);
    await upToDate(callId);
    expect((await post(`/calls/${callId}/stages/2/shortlist`, { size: 6 })).status).toBe(201);
    expect((await post(`/calls/${callId}/stages/2/shortlist/confirm`)).status).toBe(200);
    expect((await post(`/calls/${callId}/assignments/auto`, undefined, { stage: 2 })).status).toBe(200);
    await evaluateStage(2, (e, a) => [
      { criterionCode: 'PITCH', score: 1 + ((e + 2 * a) % 5) },
      { criterionCode: 'PLAN', score: 1 + ((3 * e + a) % 5) },
    ]);
    await upToDate(callId);
  }, 300_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await redis?.stop();
  });

  const uncertaintyState = async () => (await get(`/calls/${callId}/statistics`)).body.finalRankingUncertainty;
  const intervalsCurrent = () => eventually(uncertaintyState, (u) => u?.status === 'current', 120_000);

  const storedIntervals = () =>
    sql<{ applicationId: string; rank: number; score: number; p: number; lower: number; upper: number; mean: number }>(
      api,
      `SELECT application_id AS "applicationId", rank, score, probability_in_cohort AS p, rank_lower AS lower,
              rank_upper AS upper, mean_rank AS mean
         FROM scoring_final_rank_uncertainties WHERE call_id = $1 ORDER BY rank`,
      [callId],
    );

  /** The bootstrap recomputed here from the marks submitted through the API and the documented seeds. */
  async function recomputed(): Promise<RankUncertainty[]> {
    const fits = new Map<number, CalibratedStageFit>();
    const stageScores: StageScore[] = [];
    for (const stage of [1, 2]) {
      const totals: CalibrationTotal[] = submitted[stage - 1].map((s) => ({
        applicationId: s.applicationId,
        evaluatorId: s.evaluatorId,
        total: evaluatorTotal(STAGES[stage - 1].criteria, STAGES[stage - 1].scale, s.scores),
      }));
      const fit = fitCalibration(totals);
      const applications = [];
      for (const id of fit.graph.applicationIds) {
        const read = await get(`/applications/${id}`);
        applications.push({ id, submittedAt: new Date(read.body.submittedAt as string), rankable: true });
      }
      fits.set(stage, { fit, applications, seed: uncertaintySeed(callId, stage) });
      for (const a of fit.applications) {
        stageScores.push({ applicationId: a.applicationId, stage, score: a.score, consensusScore: null });
      }
    }
    const lastStage = (await get(`/calls/${callId}/ranking`, { stage: 2, limit: 100 })).body.items as Array<{
      applicationId: string;
      rank: number;
    }>;
    return bootstrapFinalRanking(
      {
        weights: WEIGHTS,
        lastStage: 2,
        lastStageRanks: lastStage.map((i) => ({ applicationId: i.applicationId, rank: i.rank })),
        stageScores,
        calibrated: fits,
      },
      { cohortSize: COHORT_SIZE, replicates: REPLICATES },
    );
  }

  async function expectStoredAreRecomputed(): Promise<void> {
    const expected = await recomputed();
    const stored = await storedIntervals();
    expect(stored.map((s) => [s.applicationId, s.rank, s.p, s.lower, s.upper, s.mean])).toEqual(
      expected.map((u) => [
        u.applicationId,
        u.rank,
        u.probabilityInCohort,
        u.rankInterval.lower,
        u.rankInterval.upper,
        u.meanRank,
      ]),
    );
    stored.forEach((s, i) => expect(Math.abs(s.score - expected[i].score)).toBeLessThanOrEqual(1e-9));
  }

  it('stores the intervals the pure bootstrap gives on the same marks, weights and seeds', async () => {
    const state = await intervalsCurrent();
    expect(state).toMatchObject({
      status: 'current',
      seeds: { '1': uncertaintySeed(callId, 1), '2': uncertaintySeed(callId, 2) },
      replicates: REPLICATES,
      cohortSize: COHORT_SIZE,
    });
    const stored = await storedIntervals();
    expect(stored).toHaveLength(6);
    expect(stored.reduce((sum, s) => sum + s.p, 0)).toBeCloseTo(COHORT_SIZE, 9);
    await expectStoredAreRecomputed();
  }, 180_000);

  it('computes the same intervals again for the same inputs: deterministic for the seeds', async () => {
    const before = await storedIntervals();
    await sql(api, `DELETE FROM scoring_final_ranking_uncertainties WHERE call_id = $1`, [callId]);
    expect((await uncertaintyState()).status).toBe('pending');
    const run = await post(`/calls/${callId}/scoring-runs`);
    expect(run.status).toBe(202);
    await intervalsCurrent();
    expect(await storedIntervals()).toEqual(before);
  }, 180_000);

  it('marks the grey zone on the cohort proposal from the final ranking’s intervals', async () => {
    await intervalsCurrent();
    const stored = await storedIntervals();
    const expected = greyZone(
      stored.map((s) => ({
        applicationId: s.applicationId,
        rank: s.rank,
        score: s.score,
        probabilityInCohort: s.p,
        rankInterval: { lower: s.lower, upper: s.upper },
        meanRank: s.mean,
      })),
      COHORT_SIZE,
    );
    expect(expected.length).toBeGreaterThan(0);
    const proposed = await post(`/calls/${callId}/cohorts`, { waitlistSize: 3 });
    expect(proposed.status).toBe(201);
    expect(proposed.body.greyZone).toEqual(expected);
    for (const entry of [...proposed.body.members, ...proposed.body.waitlist]) {
      expect(entry.inGreyZone).toBe(expected.includes(entry.applicationId));
      // Each candidate shows its place in the final ranking with its interval, as a stage's ranking does.
      const s = stored.find((x) => x.applicationId === entry.applicationId);
      expect(entry.rank).toBe(s?.rank);
      expect(entry.uncertainty).toEqual({
        probabilityInCohort: s?.p,
        rankInterval: { lower: s?.lower, upper: s?.upper },
        meanRank: s?.mean,
        stale: false,
      });
    }
  }, 60_000);

  it('is stale after a stage’s marks change, with no grey zone, and current again once the job has run', async () => {
    const queue = worker.get<Queue>(getQueueToken(UNCERTAINTY_QUEUE), { strict: false });
    await queue.pause();
    const before = await storedIntervals();
    // An evaluator of the written stage raises its marks of a finalist: stage 1's fit moves.
    const finalist = (await storedIntervals())[3].applicationId;
    const changed = submitted[0].find((s) => s.applicationId === finalist) as Submitted;
    expect((await api.post(`/api/v1/assignments/${changed.id}/evaluation/reopen`, { token: token() })).status).toBe(
      200,
    );
    const evaluator = evaluators.find((e) => e.id === changed.evaluatorId) as Actor;
    changed.scores = [
      { criterionCode: 'IMPACT', score: 10 },
      { criterionCode: 'CAPACITY', score: 10 },
    ];
    await evaluate(api, evaluator.token, changed.id, changed.scores);
    await upToDate(callId);
    expect((await uncertaintyState()).status).toBe('stale');
    const proposed = await post(`/calls/${callId}/cohorts`, { waitlistSize: 3 });
    expect(proposed.status).toBe(201);
    expect(proposed.body.greyZone).toEqual([]);
    // The candidates still show the figures of the earlier inputs, marked stale.
    const shown = [...proposed.body.members, ...proposed.body.waitlist].filter((e) => e.uncertainty !== null);
    expect(shown.length).toBeGreaterThan(0);
    for (const entry of shown) expect(entry.uncertainty.stale).toBe(true);

    await queue.resume();
    await intervalsCurrent();
    const after = await storedIntervals();
    expect(after).not.toEqual(before);
    await expectStoredAreRecomputed();
  }, 180_000);
});
