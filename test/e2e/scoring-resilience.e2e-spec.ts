import { INestApplicationContext } from '@nestjs/common';
import { sql } from '../support/applications';
import { eventually, inPool, withEnv } from '../support/async';
import { Actor, Applicant } from '../support/fixtures';
import {
  createApplicantsFrom,
  createEvaluators,
  secretariatOf,
  submitEvaluation,
} from '../support/evaluation-fixtures';
import { RedisServer } from '../support/redis-server';
import { callWithDrafts, expectRankingReflectsEvaluations, scoringStatus } from '../support/scoring';
import { TestApi } from '../support/test-app';
import { startWorker } from '../support/worker';

/**
 * Issue 4 "Show": evaluations acknowledged while Redis is down are all reflected once it is back, and
 * two workers at once give the same results as one.
 */

const APPLICATIONS = 40;
const PANEL = 5;

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

  // Each test's workers stop with it: a worker left running would relay the next test's rows with
  // its own settings (the outage test's redispatch after 2 s) to its own Redis.
  // Closing waits for the jobs a worker holds: beside the other suites on a loaded machine, closing a
  // worker back from the Redis outage once took longer than the default hook limit of a minute.
  afterEach(async () => {
    for (const worker of workers.splice(0)) await worker.close();
  }, 180_000);

  afterAll(async () => {
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

  it('acknowledges 200 submissions while Redis is down and reflects every one once Redis is back', async () => {
    workers.push(await startWorker({ REDIS_URL: redis.url, OUTBOX_REDISPATCH_SECONDS: '2' }));
    const { callId, applicationIds, drafts } = await callWithDrafts(api, evaluators, applicants, PANEL);
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
    // Redispatch (of rows Redis may have lost) only after an hour: however slow the machine, a second
    // dispatch here could only come from two relays claiming the same row.
    const env = { REDIS_URL: redis.url, OUTBOX_REDISPATCH_SECONDS: '3600' };
    for (let n = 0; n < 2; n++) workers.push(await startWorker(env));

    const { callId, applicationIds, drafts } = await callWithDrafts(api, evaluators, applicants.slice(0, 12), 3);
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
    // Two relays claim rows with SKIP LOCKED: none went twice.
    expect(rows.filter((r) => r.dispatchCount > 1)).toEqual([]);
  }, 120_000);
});
