import { INestApplicationContext } from '@nestjs/common';
import type { Client } from 'pg';
import {
  ApplicationToScore,
  CalibrationTotal,
  bootstrapRanks,
  evaluatorTotal,
  fitCalibration,
  greyZone,
  uncertaintySeed,
} from '@app/scoring';
import { getBytes } from '../support/binary-get';
import { connectDb, expectProblem } from '../support/calls-e2e';
import {
  createApplicantsFrom,
  createEvaluators,
  secretariatOf,
  submitEvaluation,
} from '../support/evaluation-fixtures';
import { Actor, Applicant, callBody } from '../support/fixtures';
import { RedisServer } from '../support/redis-server';
import { DEFAULT_CRITERIA, evaluatedCall, scoringStatus } from '../support/scoring';
import { TestApi } from '../support/test-app';
import { eventually, withEnv } from '../support/async';
import { csvRecords } from '../support/spreadsheets';
import { startWorker } from '../support/worker';

const SCALE = { scaleMin: 0, scaleMax: 10 };
const REPLICATES = 300;
const COHORT_SIZE = 3;

interface RankingItem {
  applicationId: string;
  rank: number;
  score: number;
  rawScore: number;
  normalizedScore: number;
  uncertainty: {
    probabilityInCohort: number;
    rankInterval: { lower: number; upper: number };
    meanRank: number;
    stale: boolean;
  } | null;
}

/**
 * Calibrated scores end to end (issue 16 items 1–2): a call with `normalization: 'calibrated'` is
 * scored by the fit over its kept totals, whether by incremental rescorings or a full run; the
 * bootstrap job stores deterministic rank intervals; the cohort proposal marks the grey zone.
 */
describe('calibrated scoring', () => {
  let redis: RedisServer;
  let api: TestApi;
  let worker: INestApplicationContext;
  let db: Client;
  let secretariat: Actor;
  let evaluators: Actor[];
  let applicants: Applicant[];
  let callId: string;
  let applicationIds: string[];
  let drafts: Array<{ id: string; token: string }>;

  beforeAll(async () => {
    redis = await RedisServer.start();
    api = await withEnv({ REDIS_URL: redis.url }, () => TestApi.start());
    worker = await startWorker({ REDIS_URL: redis.url, SCORING_BOOTSTRAP_REPLICATES: String(REPLICATES) });
    db = await connectDb();
    secretariat = await secretariatOf(api);
    evaluators = await createEvaluators(
      api,
      ['DE', 'JP', 'MX', 'US', 'CA'].map((countryCode) => ({ countryCode })),
    );
    applicants = await createApplicantsFrom(
      api,
      ['KE', 'BR', 'IN', 'EG', 'FR', 'GH', 'PE', 'VN'].map((countryCode, i) => ({
        countryCode,
        organisationName: `Calibrated centre ${i}`,
      })),
    );
    ({ callId, applicationIds, drafts } = await evaluatedCall(api, evaluators, applicants, 3, {
      scoring: { ...SCALE, normalization: 'calibrated' },
    }));
  }, 180_000);

  afterAll(async () => {
    await db?.end();
    await worker?.close();
    await api?.close();
    await redis?.stop();
  });

  const token = () => secretariat.token;
  const get = (path: string, query?: Record<string, string | number>) =>
    api.get(`/api/v1/calls/${callId}${path}`, { token: token(), query });
  const ranking = async (): Promise<RankingItem[]> => (await get('/ranking', { limit: 100 })).body.items;
  const statistics = async () => (await get('/statistics')).body;
  const upToDate = () =>
    eventually(
      () => scoringStatus(api, token(), callId),
      (s) => s.upToDate,
    );
  /** Waits until the stored intervals are those of the current fit. */
  const intervalsCurrent = () =>
    eventually(statistics, (s) => s.calibration?.uncertainty.status === 'current', 120_000);

  /** Every stored result of the call, every column but the time, to compare runs and rescorings exactly. */
  async function storedResults(): Promise<unknown[]> {
    const { rows } = await db.query(
      `SELECT application_id, stage, raw_score, normalized_score, score, evaluation_count, spread, std_dev,
              needs_moderation, consensus_score, rank
         FROM application_results WHERE call_id = $1 ORDER BY stage, application_id`,
      [callId],
    );
    return rows;
  }

  /** The totals of the submitted evaluations as the API shows them, computed by §5.1 here. */
  async function independentTotals(): Promise<{ totals: CalibrationTotal[]; applications: ApplicationToScore[] }> {
    const totals: CalibrationTotal[] = [];
    const applications: ApplicationToScore[] = [];
    for (const id of applicationIds) {
      const application = await api.get(`/api/v1/applications/${id}`, { token: token() });
      applications.push({ id, submittedAt: new Date(application.body.submittedAt), rankable: true });
      const listed = await api.get(`/api/v1/applications/${id}/evaluations`, { token: token() });
      for (const e of listed.body.items.filter((x: { status: string }) => x.status === 'submitted')) {
        totals.push({
          applicationId: id,
          evaluatorId: e.evaluatorId,
          total: evaluatorTotal(DEFAULT_CRITERIA, SCALE, e.scores),
        });
      }
    }
    return { totals, applications };
  }

  /** The ranking is the fit over the same totals: every score within 1e-9, ranks by §5.6. */
  async function expectRankingIsTheFit(): Promise<void> {
    const { totals } = await independentTotals();
    const fit = fitCalibration(totals);
    const items = await ranking();
    expect(items).toHaveLength(fit.applications.length);
    for (const item of items) {
      const fitted = fit.applications.find((a) => a.applicationId === item.applicationId);
      expect(Math.abs(item.score - (fitted?.score ?? NaN))).toBeLessThanOrEqual(1e-9);
      expect(item.normalizedScore).toBe(item.score);
      expect(Math.abs(item.rawScore - (fitted?.rawScore ?? NaN))).toBeLessThanOrEqual(1e-9);
    }
    const byScore = [...fit.applications].sort((x, y) => y.score - x.score).map((a) => a.applicationId);
    expect(items.map((i) => i.applicationId)).toEqual(byScore);
    expect(items.map((i) => i.rank)).toEqual(items.map((_, index) => index + 1));
  }

  async function fullRun(): Promise<void> {
    const requested = await api.post(`/api/v1/calls/${callId}/scoring-runs`, { token: token() });
    expect(requested.status).toBe(202);
    const run = await eventually(
      async () => (await api.get(`/api/v1/scoring-runs/${requested.body.id}`, { token: token() })).body,
      (r) => r.status === 'completed' || r.status === 'failed',
    );
    expect(run.status).toBe('completed');
    await upToDate();
  }

  it('scores by the fit over the kept totals and keeps the fit: λ, iterations, components, biases', async () => {
    await expectRankingIsTheFit();
    const { totals } = await independentTotals();
    const fit = fitCalibration(totals);
    const calibration = (await statistics()).calibration;
    expect(calibration).toMatchObject({
      ridge: 1,
      iterations: fit.iterations,
      components: 1,
      connected: true,
      evaluations: totals.length,
    });
    const marking = (await get('/evaluator-statistics')).body.items as Array<{
      evaluatorId: string;
      calibration: { bias: number; component: number } | null;
    }>;
    expect(marking).toHaveLength(evaluators.length);
    for (const e of marking) {
      const fitted = fit.evaluators.find((x) => x.evaluatorId === e.evaluatorId);
      expect(Math.abs((e.calibration?.bias ?? NaN) - (fitted?.bias ?? NaN))).toBeLessThanOrEqual(1e-9);
      expect(e.calibration?.component).toBe(0);
    }
  });

  it('stores the seeded bootstrap’s intervals, which a full run over the same totals leaves identical', async () => {
    const stats = await intervalsCurrent();
    expect(stats.calibration.uncertainty).toMatchObject({
      status: 'current',
      seed: uncertaintySeed(callId, 1),
      replicates: REPLICATES,
      cohortSize: COHORT_SIZE,
    });
    const items = await ranking();
    // Anyone holding the totals recomputes the intervals from the seed.
    const { totals, applications } = await independentTotals();
    const expected = bootstrapRanks(fitCalibration(totals), applications, {
      cohortSize: COHORT_SIZE,
      seed: uncertaintySeed(callId, 1),
      replicates: REPLICATES,
    });
    for (const item of items) {
      const u = expected.find((x) => x.applicationId === item.applicationId);
      expect(item.uncertainty).toEqual({
        probabilityInCohort: u?.probabilityInCohort,
        rankInterval: u?.rankInterval,
        meanRank: u?.meanRank,
        stale: false,
      });
    }
    const probabilities = items.reduce((sum, i) => sum + (i.uncertainty?.probabilityInCohort ?? 0), 0);
    expect(probabilities).toBeCloseTo(COHORT_SIZE, 9);
    // The ranking's export carries them too.
    const exported = await getBytes(api, `/api/v1/calls/${callId}/ranking/export?format=csv`, {
      Authorization: `Bearer ${token()}`,
    });
    expect(exported.status).toBe(200);
    expect(
      csvRecords(exported.body as Buffer).map((row) => [
        row.application_id,
        Number(row.probability_in_cohort),
        Number(row.rank_interval_lower),
        Number(row.rank_interval_upper),
        Number(row.mean_rank),
      ]),
    ).toEqual(
      items.map((i) => [
        i.applicationId,
        i.uncertainty?.probabilityInCohort,
        i.uncertainty?.rankInterval.lower,
        i.uncertainty?.rankInterval.upper,
        i.uncertainty?.meanRank,
      ]),
    );

    const before = await storedResults();
    await fullRun();
    expect(await storedResults()).toEqual(before);
    expect((await statistics()).calibration.uncertainty.status).toBe('current');
    expect(await ranking()).toEqual(items);
  }, 180_000);

  it('gives after incremental rescorings (a reopening, a resubmission) what a full run gives', async () => {
    const first = await storedResults();
    const intervals = (await ranking()).map((i) => i.uncertainty);
    const reopened = await api.post(`/api/v1/assignments/${drafts[0].id}/evaluation/reopen`, { token: token() });
    expect(reopened.status).toBe(200);
    await upToDate();
    await expectRankingIsTheFit();
    const incremental = await storedResults();
    expect(incremental).not.toEqual(first);
    await fullRun();
    expect(await storedResults()).toEqual(incremental);

    // The same scores submitted again: the same totals, hence the same results and, once the job ran, intervals.
    expect((await submitEvaluation(api, drafts[0].token, drafts[0].id)).status).toBe(200);
    await upToDate();
    expect(await storedResults()).toEqual(first);
    await intervalsCurrent();
    expect((await ranking()).map((i) => i.uncertainty)).toEqual(intervals);
  }, 180_000);

  it('marks the grey zone on the cohort proposal: candidates whose interval straddles the last seat', async () => {
    await intervalsCurrent();
    const items = await ranking();
    const expected = greyZone(
      items.map((i) => ({
        applicationId: i.applicationId,
        rank: i.rank,
        score: i.score,
        probabilityInCohort: i.uncertainty?.probabilityInCohort ?? 0,
        rankInterval: i.uncertainty?.rankInterval ?? { lower: i.rank, upper: i.rank },
        meanRank: i.uncertainty?.meanRank ?? i.rank,
      })),
      COHORT_SIZE,
    );
    expect(expected.length).toBeGreaterThan(0);
    const proposed = await api.post(`/api/v1/calls/${callId}/cohorts`, {
      token: token(),
      body: { waitlistSize: 3, maxPerCountry: 1 },
    });
    expect(proposed.status).toBe(201);
    expect(proposed.body.greyZone).toEqual(expected);
    for (const entry of [...proposed.body.members, ...proposed.body.waitlist]) {
      expect(entry.inGreyZone).toBe(expected.includes(entry.applicationId));
    }
    const read = await api.get(`/api/v1/cohorts/${proposed.body.id}`, { token: token() });
    expect(read.body.greyZone).toEqual(expected);
  });

  it('reports no uncertainty nor calibration for a call that is not calibrated', async () => {
    const other = await evaluatedCall(api, evaluators.slice(0, 3), applicants.slice(0, 3), 2);
    const items = (await api.get(`/api/v1/calls/${other.callId}/ranking`, { token: token() })).body
      .items as RankingItem[];
    expect(items).toHaveLength(3);
    for (const item of items) expect(item.uncertainty).toBeNull();
    const stats = await api.get(`/api/v1/calls/${other.callId}/statistics`, { token: token() });
    expect(stats.body.calibration).toBeNull();
    const marking = await api.get(`/api/v1/calls/${other.callId}/evaluator-statistics`, { token: token() });
    for (const e of marking.body.items) expect(e.calibration).toBeNull();
    const proposed = await api.post(`/api/v1/calls/${other.callId}/cohorts`, { token: token(), body: {} });
    expect(proposed.status).toBe(201);
    expect(proposed.body.greyZone).toEqual([]);
  }, 120_000);

  it('refuses an unknown normalization with a problem', async () => {
    const res = await api.post('/api/v1/calls', {
      token: token(),
      body: callBody({ scoring: { ...SCALE, normalization: 'calibrate' } }),
    });
    expectProblem(res, 400, 'VALIDATION_FAILED');
  });
});
