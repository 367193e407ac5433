import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Client } from 'pg';
import { SCORING_QUEUE } from '@app/scoring';
import { expectProblem, sql } from '../support/applications';
import { eventually, inPool } from '../support/async';
import { connectDb } from '../support/calls-e2e';
import {
  createApplicantsFrom,
  createEvaluators,
  secretariatOf,
  submitEvaluation,
} from '../support/evaluation-fixtures';
import { Actor, Applicant, createCall } from '../support/fixtures';
import {
  callWithDrafts,
  evaluatedCall as evaluatedCallOf,
  expectRankingReflectsEvaluations,
  holdScoringLock,
  independentScores,
  scoringStatus,
} from '../support/scoring';
import { TestApi } from '../support/test-app';
import { startWorker } from '../support/worker';

/**
 * Full scoring runs (issue 4): POST /calls/:id/scoring-runs fans the call out in chunks, follows
 * its progress in GET /scoring-runs/:id, and ends with results equal to an independent recomputation.
 */

const CHUNK_SIZE = 4;

interface RunView {
  id: string;
  callId: string;
  status: string;
  reason: string;
  total: number;
  done: number;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
}

describe('full scoring runs', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let db: Client;
  let secretariat: Actor;
  let evaluators: Actor[];
  let applicants: Applicant[];

  beforeAll(async () => {
    api = await TestApi.start();
    worker = await startWorker({ SCORING_CHUNK_SIZE: String(CHUNK_SIZE) });
    db = await connectDb();
    secretariat = await secretariatOf(api);
    evaluators = await createEvaluators(
      api,
      ['DE', 'JP', 'MX', 'US'].map((countryCode) => ({ countryCode })),
    );
    const countries = ['KE', 'BR', 'IN', 'EG', 'FR'];
    applicants = await createApplicantsFrom(
      api,
      Array.from({ length: 10 }, (_, i) => ({ countryCode: countries[i % countries.length] })),
    );
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await worker?.close();
    await api?.close();
  });

  const status = (callId: string) => scoringStatus(api, secretariat.token, callId);
  const scoringQueue = () => worker.get<Queue>(getQueueToken(SCORING_QUEUE), { strict: false });
  const readRun = async (id: string) =>
    (await api.get(`/api/v1/scoring-runs/${id}`, { token: secretariat.token })).body as RunView;
  const untilFinished = (id: string) =>
    eventually(
      () => readRun(id),
      (run) => run.status === 'completed' || run.status === 'failed',
    );

  const evaluatedCall = () => evaluatedCallOf(api, evaluators, applicants, 2);

  async function results(callId: string) {
    return sql(
      api,
      `SELECT application_id, raw_score, normalized_score, score, evaluation_count, spread, std_dev,
              needs_moderation, rank
         FROM application_results WHERE call_id = $1 ORDER BY application_id`,
      [callId],
    );
  }

  it('scores the call in chunks, reports progress, and ends equal to the incremental results and the reference', async () => {
    const { callId, applicationIds, drafts } = await evaluatedCall();
    const incremental = await results(callId);

    const release = await holdScoringLock(db, callId);
    const requested = await api.post(`/api/v1/calls/${callId}/scoring-runs`, { token: secretariat.token });
    expect(requested.status).toBe(202);
    expect(requested.body).toMatchObject({ callId, status: 'queued', reason: 'requested', total: 0, done: 0 });
    expect((await status(callId)).upToDate).toBe(false);

    // Planned, its chunks waiting behind the lock: the run is under way and nothing is scored yet.
    const planned = await eventually(
      () => readRun(requested.body.id),
      (run) => run.status === 'running',
    );
    expect(planned).toMatchObject({ status: 'running', total: drafts.length, done: 0, finishedAt: null });
    expect(planned.startedAt).not.toBeNull();
    await release();

    const finished = await untilFinished(requested.body.id);
    expect(finished).toMatchObject({ status: 'completed', total: drafts.length, done: drafts.length });
    expect(finished.error).toBeNull();
    expect(await status(callId)).toMatchObject({ upToDate: true, pending: 0 });

    const chunks = await sql<{ n: number }>(
      api,
      `SELECT count(*)::int AS n FROM scoring_run_chunks WHERE run_id = $1`,
      [requested.body.id],
    );
    expect(chunks[0].n).toBe(Math.ceil(drafts.length / CHUNK_SIZE));
    const staged = await sql<{ n: number }>(
      api,
      `SELECT count(*)::int AS n FROM scoring_run_totals WHERE run_id = $1`,
      [requested.body.id],
    );
    expect(staged[0].n).toBe(0);

    expect(await results(callId)).toEqual(incremental);
    await expectRankingReflectsEvaluations(api, secretariat.token, callId, applicationIds);
  });

  it('reflects an evaluation reopened while its chunks were being scored', async () => {
    const { callId, applicationIds, drafts } = await evaluatedCall();
    const release = await holdScoringLock(db, callId);
    const requested = await api.post(`/api/v1/calls/${callId}/scoring-runs`, { token: secretariat.token });
    await eventually(
      () => readRun(requested.body.id),
      (run) => run.status === 'running',
    );
    const reopened = await api.post(`/api/v1/assignments/${drafts[0].id}/evaluation/reopen`, {
      token: secretariat.token,
    });
    expect(reopened.status).toBe(200);
    await release();

    expect((await untilFinished(requested.body.id)).status).toBe('completed');
    const done = await eventually(
      () => status(callId),
      (s) => s.upToDate,
    );
    expect(done).toMatchObject({ upToDate: true, pending: 0 });
    const { evaluations } = await expectRankingReflectsEvaluations(api, secretariat.token, callId, applicationIds);
    expect(evaluations).toBe(drafts.length - 1);
  });

  it('starts a run of its own when weights change, and completes it', async () => {
    const { callId } = await evaluatedCall();
    const call = await api.get(`/api/v1/calls/${callId}`, { token: secretariat.token });
    const reweighted = await api.patch(`/api/v1/calls/${callId}`, {
      token: secretariat.token,
      headers: { 'If-Match': `"${call.body.version}"` },
      body: { weights: { IMPACT: 0.2, CAPACITY: 0.8 } },
    });
    expect(reweighted.status).toBe(200);
    await eventually(
      () => status(callId),
      (s) => s.upToDate,
    );
    const runs = await sql<{ status: string; reason: string; total: number; done: number }>(
      api,
      `SELECT status, reason, total, done FROM scoring_runs WHERE call_id = $1`,
      [callId],
    );
    expect(runs).toEqual([{ status: 'completed', reason: 'reweighted', total: 20, done: 20 }]);
  });

  it('serves a burst of 40 submissions with one computation', async () => {
    const { callId, applicationIds, drafts } = await callWithDrafts(api, evaluators, applicants, 4);
    expect(drafts).toHaveLength(40);
    const release = await holdScoringLock(db, callId);
    const answers = await inPool(drafts, 8, async (d) => (await submitEvaluation(api, d.token, d.id)).status);
    expect(answers.filter((s) => s !== 200)).toEqual([]);
    await release();

    expect(
      await eventually(
        () => status(callId),
        (s) => s.upToDate,
      ),
    ).toMatchObject({ upToDate: true, pending: 0 });
    // Rows completed before the relay reached them were never sent; every one sent runs to completion.
    const [{ sent }] = await sql<{ sent: number }>(
      api,
      `SELECT count(*)::int AS sent FROM outbox WHERE payload @> $1::jsonb AND dispatch_count > 0`,
      [JSON.stringify({ callId })],
    );
    const jobs = await eventually(
      async () => (await scoringQueue().getJobs(['completed'])).filter((j) => j.data.callId === callId),
      (done) => done.length === sent,
    );
    expect(jobs.length).toBeLessThanOrEqual(40);
    expect(new Set(jobs.map((j) => j.name))).toEqual(new Set(['scoring.rescore-call']));
    expect(jobs.filter((j) => j.returnvalue?.computed)).toHaveLength(1);
    expect((await expectRankingReflectsEvaluations(api, secretariat.token, callId, applicationIds)).evaluations).toBe(
      40,
    );
  });

  it('reports a run that fails past its retries as failed, and rescores the call all the same', async () => {
    const { callId, applicationIds } = await evaluatedCall();
    // A fault of the database while a chunk is staged (marked done in the same transaction), for this call's runs
    // only: a chunk whose totals are all kept already stages no total, but every chunk is marked done.
    await db.query(`
      CREATE FUNCTION fail_staging() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM scoring_runs WHERE id = NEW.run_id AND call_id = '${callId}') THEN
          RAISE EXCEPTION 'staging refused for the test';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER fail_staging BEFORE UPDATE OF done_at ON scoring_run_chunks FOR EACH ROW EXECUTE FUNCTION fail_staging()`);
    try {
      const requested = await api.post(`/api/v1/calls/${callId}/scoring-runs`, { token: secretariat.token });
      const failed = await untilFinished(requested.body.id);
      expect(failed).toMatchObject({ status: 'failed' });
      expect(failed.error).toMatch(/^scoring.score-chunk: .*staging refused for the test/);
    } finally {
      await db.query('DROP TRIGGER fail_staging ON scoring_run_chunks; DROP FUNCTION fail_staging()');
    }
    const failedJobs = (await scoringQueue().getJobs(['failed'])).filter((j) => j.name === 'scoring.score-chunk');
    expect(failedJobs.some((j) => j.failedReason.includes('staging refused for the test'))).toBe(true);
    // The failed run handed its request to an incremental rescoring, which succeeds.
    expect(
      await eventually(
        () => status(callId),
        (s) => s.upToDate,
      ),
    ).toMatchObject({ upToDate: true, pending: 0 });
    await expectRankingReflectsEvaluations(api, secretariat.token, callId, applicationIds);
  }, 90_000);

  it('takes withdrawn and ineligible applications out of the ranking, and puts an eligible one back', async () => {
    const { callId, applicationIds } = await evaluatedCall();
    const ranked = async () =>
      (await api.get(`/api/v1/calls/${callId}/ranking`, { token: secretariat.token })).body.items as Array<{
        applicationId: string;
        rank: number;
      }>;
    const untilReflected = async () =>
      expect(
        await eventually(
          () => status(callId),
          (s) => s.upToDate,
        ),
      ).toMatchObject({ upToDate: true, pending: 0 });

    expect(
      (await api.post(`/api/v1/applications/${applicationIds[0]}/withdraw`, { token: applicants[0].token })).status,
    ).toBe(200);
    expect((await status(callId)).upToDate).toBe(false);
    await untilReflected();
    const decide = (eligible: boolean) =>
      api.post(`/api/v1/applications/${applicationIds[1]}/eligibility`, {
        token: secretariat.token,
        body: { eligible, reason: eligible ? 'Statutes confirmed by the embassy.' : 'Statutes not yet valid.' },
      });
    expect((await decide(false)).status).toBe(200);
    await untilReflected();
    let items = await ranked();
    expect(items.map((i) => i.applicationId)).not.toContain(applicationIds[0]);
    expect(items.map((i) => i.applicationId)).not.toContain(applicationIds[1]);
    expect(items.map((i) => i.rank)).toEqual(Array.from({ length: 8 }, (_, i) => i + 1));

    expect((await decide(true)).status).toBe(200);
    await untilReflected();
    items = await ranked();
    expect(items).toHaveLength(9);
    expect(items.map((i) => i.applicationId)).toContain(applicationIds[1]);
  });

  it('shows each evaluator’s marking beside the call’s, as normalisation sees it', async () => {
    const { callId, applicationIds } = await evaluatedCall();
    const res = await api.get(`/api/v1/calls/${callId}/evaluator-statistics`, { token: secretariat.token });
    expect(res.status).toBe(200);
    const reference = (await independentScores(api, secretariat.token, applicationIds)).statistics;
    expect(Math.abs(res.body.callMean - (reference.mean ?? NaN))).toBeLessThan(1e-9);
    expect(Math.abs(res.body.callStdDev - (reference.stdDev ?? NaN))).toBeLessThan(1e-9);
    const items = res.body.items as Array<{
      evaluatorId: string;
      displayName: string;
      evaluations: number;
      mean: number;
      stdDev: number;
      totals: number[];
    }>;
    expect(items.map((i) => i.evaluatorId).sort()).toEqual(Object.keys(reference.perEvaluator).sort());
    for (const item of items) {
      const expected = reference.perEvaluator[item.evaluatorId];
      expect(item.evaluations).toBe(expected.count);
      expect(item.totals).toHaveLength(expected.count);
      expect(Math.abs(item.mean - expected.mean)).toBeLessThan(1e-9);
      expect(Math.abs(item.stdDev - expected.stdDev)).toBeLessThan(1e-9);
      expect(item.displayName).toBe('Test evaluator');
    }
    expect(items.map((i) => i.mean)).toEqual([...items.map((i) => i.mean)].sort((a, b) => b - a));
    expectProblem(
      await api.get(`/api/v1/calls/${callId}/evaluator-statistics`, { token: evaluators[0].token }),
      403,
      'FORBIDDEN',
    );
  });

  it('refuses bad requests without starting anything', async () => {
    const { id: callId } = await createCall(api, secretariat.token);
    const before = await sql<{ n: number }>(api, `SELECT count(*)::int AS n FROM scoring_runs`);

    expectProblem(
      await api.post(`/api/v1/calls/${callId}/scoring-runs`, { token: evaluators[0].token }),
      403,
      'FORBIDDEN',
    );
    expectProblem(await api.post(`/api/v1/calls/${callId}/scoring-runs`), 401, 'UNAUTHENTICATED');
    const unknownCall = '00000000-0000-4000-8000-000000000000';
    expectProblem(
      await api.post(`/api/v1/calls/${unknownCall}/scoring-runs`, { token: secretariat.token }),
      404,
      'NOT_FOUND',
    );
    expectProblem(
      await api.post(`/api/v1/calls/not-a-uuid/scoring-runs`, { token: secretariat.token }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(await api.get(`/api/v1/scoring-runs/${unknownCall}`, { token: secretariat.token }), 404, 'NOT_FOUND');
    expectProblem(
      await api.get(`/api/v1/scoring-runs/${unknownCall}`, { token: applicants[0].token }),
      403,
      'FORBIDDEN',
    );

    expect(await sql(api, `SELECT count(*)::int AS n FROM scoring_runs`)).toEqual(before);
  });
});
