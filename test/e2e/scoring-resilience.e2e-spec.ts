import { randomInt } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { sql } from '../support/applications';
import { Actor, Applicant } from '../support/fixtures';
import {
  assignmentRows,
  autoAssign,
  callWithSubmissions,
  createApplicantsFrom,
  createEvaluators,
  saveDraft,
  seatPanel,
  secretariatOf,
  submitEvaluation,
} from '../support/evaluation-fixtures';
import { RedisServer } from '../support/redis-server';
import { expectRankingReflectsEvaluations, scoringStatus } from '../support/scoring';
import { TestApi } from '../support/test-app';

/**
 * Issue 4 "Show": evaluations acknowledged while Redis is down are all reflected once it is back, and
 * two workers at once give the same results as one.
 */

const APPLICATIONS = 40;
const PANEL = 5;

/** Polls a condition (never a fixed sleep) until it holds or the time is up. */
async function eventually<T>(read: () => Promise<T>, holds: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (holds(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Runs `work` over the items, at most `width` at a time. */
async function inPool<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  });
  await Promise.all(lanes);
  return results;
}

/** Runs `create` with the given environment variables set, restoring them afterwards. */
async function withEnv<T>(env: Record<string, string>, create: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  try {
    return await create();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

async function startWorker(env: Record<string, string>): Promise<INestApplicationContext> {
  return withEnv(env, async () => (await Test.createTestingModule({ imports: [WorkerModule] }).compile()).init());
}

describe('scoring survives a Redis outage and concurrent workers', () => {
  let redis: RedisServer;
  let api: TestApi;
  const workers: INestApplicationContext[] = [];
  let secretariat: Actor;
  let evaluators: Actor[];
  let applicants: Applicant[];

  beforeAll(async () => {
    redis = await RedisServer.start();
    // Every login (rate limited through Redis) happens here, while Redis is up.
    api = await withEnv({ REDIS_URL: redis.url }, () => TestApi.start());
    secretariat = await secretariatOf(api);
    evaluators = await createEvaluators(
      api,
      ['DE', 'JP', 'MX', 'US', 'CA'].map((countryCode) => ({ countryCode })),
    );
    const countries = ['KE', 'BR', 'IN', 'EG', 'FR'];
    applicants = await createApplicantsFrom(
      api,
      Array.from({ length: APPLICATIONS }, (_, i) => ({ countryCode: countries[i % countries.length] })),
    );
  }, 120_000);

  afterAll(async () => {
    for (const worker of workers) await worker.close();
    await api?.close();
    await redis?.stop();
  });

  const status = (callId: string) => scoringStatus(api, secretariat.token, callId);

  /** Exactly one result row per application that has submitted evaluations. */
  async function expectEveryApplicationScoredOnce(callId: string): Promise<void> {
    const rows = await sql<{ applicationId: string; n: number }>(
      api,
      `SELECT application_id AS "applicationId", count(*)::int AS n FROM application_results
        WHERE call_id = $1 GROUP BY application_id`,
      [callId],
    );
    const evaluated = await sql<{ applicationId: string }>(
      api,
      `SELECT DISTINCT application_id AS "applicationId" FROM assignments WHERE call_id = $1 AND status = 'submitted'`,
      [callId],
    );
    expect(rows.map((r) => r.applicationId).sort()).toEqual(evaluated.map((r) => r.applicationId).sort());
    expect(rows.every((r) => r.n === 1)).toBe(true);
  }

  /** A closed call of the applicants, auto assigned, with every assignment's draft saved (complete scores). */
  async function callWithDrafts(
    of: Applicant[],
    evaluatorsPerApplication: number,
  ): Promise<{ callId: string; applicationIds: string[]; drafts: Array<{ id: string; token: string }> }> {
    const { callId, applicationIds } = await callWithSubmissions(api, of, {
      evaluatorsPerApplication,
      scoring: { scaleMin: 0, scaleMax: 10, normalization: 'zscore' },
    });
    await seatPanel(api, callId, evaluators);
    expect((await autoAssign(api, callId)).status).toBe(200);
    const rows = await assignmentRows(api, callId, ['assigned']);
    expect(rows).toHaveLength(of.length * evaluatorsPerApplication);
    const tokens = new Map(evaluators.map((e) => [e.id, e.token]));
    const drafts = rows.map((row) => ({ id: row.id, token: tokens.get(row.evaluatorId) ?? '' }));
    await inPool(rows, 10, async (row) => {
      const e = evaluators.findIndex((x) => x.id === row.evaluatorId);
      const i = applicationIds.indexOf(row.applicationId);
      // Lenient to harsh evaluators, and applications that differ: normalisation has work to do.
      const base = [8, 6, 5, 4, 3][e];
      const res = await saveDraft(api, tokens.get(row.evaluatorId) ?? '', row.id, {
        scores: [
          { criterionCode: 'IMPACT', score: Math.min(10, base + (i % 3)) },
          { criterionCode: 'CAPACITY', score: Math.max(0, base - (i % 4) + 1) },
        ],
      });
      expect(res.status).toBe(200);
    });
    return { callId, applicationIds, drafts };
  }

  it('acknowledges 200 submissions while Redis is down and reflects every one once Redis is back', async () => {
    workers.push(await startWorker({ REDIS_URL: redis.url, OUTBOX_REDISPATCH_SECONDS: '2' }));
    const { callId, applicationIds, drafts } = await callWithDrafts(applicants, PANEL);
    expect(drafts).toHaveLength(APPLICATIONS * PANEL);

    await redis.stop();
    const answers = await inPool(drafts, 10, async (d) => (await submitEvaluation(api, d.token, d.id)).status);
    expect(answers.filter((s) => s !== 200)).toEqual([]);
    expect(answers).toHaveLength(200);

    // Nothing lost, nothing done: every request is recorded in the outbox and pending.
    expect(await status(callId)).toEqual({ upToDate: false, pending: drafts.length, lastComputedAt: null });

    await redis.start();
    const done = await eventually(
      () => status(callId),
      (s) => s.upToDate,
      90_000,
    );
    expect(done).toMatchObject({ upToDate: true, pending: 0 });
    expect(done.lastComputedAt).not.toBeNull();

    expect((await expectRankingReflectsEvaluations(api, secretariat.token, callId, applicationIds)).evaluations).toBe(
      drafts.length,
    );
    await expectEveryApplicationScoredOnce(callId);
    const open = await sql<{ n: number }>(
      api,
      `SELECT count(*)::int AS n FROM outbox WHERE queue = 'scoring' AND payload @> $1::jsonb AND completed_at IS NULL`,
      [JSON.stringify({ callId })],
    );
    expect(open[0].n).toBe(0);
  }, 180_000);

  it('gives the same results with two workers at once, completing every request without redundant dispatch', async () => {
    // The shared Redis, in a database of this run's own so that no other run's worker takes its jobs.
    const shared = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    shared.pathname = `/${randomInt(1, 16)}`;
    for (let n = 0; n < 2; n++) workers.push(await startWorker({ REDIS_URL: shared.toString() }));

    const { callId, applicationIds, drafts } = await callWithDrafts(applicants.slice(0, 12), 3);
    const answers = await inPool(drafts, 6, async (d) => (await submitEvaluation(api, d.token, d.id)).status);
    expect(answers.filter((s) => s !== 200)).toEqual([]);

    const done = await eventually(
      () => status(callId),
      (s) => s.upToDate,
    );
    expect(done).toMatchObject({ upToDate: true, pending: 0 });
    expect((await expectRankingReflectsEvaluations(api, secretariat.token, callId, applicationIds)).evaluations).toBe(
      drafts.length,
    );
    await expectEveryApplicationScoredOnce(callId);

    const rows = await sql<{ completed: boolean; dispatchCount: number }>(
      api,
      `SELECT completed_at IS NOT NULL AS completed, dispatch_count AS "dispatchCount" FROM outbox
        WHERE queue = 'scoring' AND job_name = 'scoring.rescore-call' AND payload @> $1::jsonb`,
      [JSON.stringify({ callId })],
    );
    expect(rows).toHaveLength(drafts.length);
    expect(rows.filter((r) => !r.completed)).toEqual([]);
    // Two relays claim rows with SKIP LOCKED, and the redispatch delay (60 s) never elapsed: none went twice.
    expect(rows.filter((r) => r.dispatchCount > 1)).toEqual([]);
  }, 120_000);
});
