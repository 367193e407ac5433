/**
 * Times an evaluator's submission until the ranking reflects it, on a demo-sized call (44
 * applications, 3 evaluators each, z-scores): the real API and the real worker, in this process,
 * on a database and a redis-server of the bench's own. Each sample submits one evaluation and
 * polls the database until the application's result counts it. Beside them, in the same run, the
 * floor: the call's scoring statement alone, in a transaction of its own. It prints p50/p95/p99 of
 * both and the ratio (the goal is a p50 under 100 ms); it fails only when a submission is refused or
 * never reflected.
 *
 * BENCH_DATABASE_URL (by default accelerator_latency_bench, dropped and migrated afresh),
 * BENCH_SAMPLES (at most one per assignment, 132).
 *
 *   npm run bench:latency
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { INestApplicationContext } from '@nestjs/common';
import { Client } from 'pg';
import { Transactions } from '@app/platform';
import { ScoringRepository } from '@app/scoring';
import { inPool } from '../support/async';
import {
  assignmentRows,
  autoAssign,
  callWithSubmissions,
  createEvaluators,
  saveDraft,
  seatPanel,
  submitEvaluation,
} from '../support/evaluation-fixtures';
import { createApplicants } from '../support/applications';
import { RedisServer } from '../support/redis-server';
import { TestApi } from '../support/test-app';
import { startWorker } from '../support/worker';
import { connect, freshDatabase } from './bench-database';

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/accelerator_latency_bench';
const APPLICATIONS = 44;
const EVALUATORS = 12;
const EVALUATORS_PER_APPLICATION = 3;
const SAMPLES = Math.min(Number(process.env.BENCH_SAMPLES ?? 100), APPLICATIONS * EVALUATORS_PER_APPLICATION);
const REFLECTED_WITHIN_MS = 30_000;

/** The environment the API and the worker read when they start, as a deployment would set it. */
function environment(redisUrl: string): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL,
    REDIS_URL: redisUrl,
    LOG_LEVEL: 'warn',
    JWT_SECRET: 'submit-to-ranking-bench-secret',
    BOOTSTRAP_ADMIN_EMAIL: 'admin@test.example',
    BOOTSTRAP_ADMIN_PASSWORD: 'admin-password-123',
    // Setting up creates some sixty accounts from one address: cheap hashes, no limit in the way.
    PASSWORD_HASH_MEMORY_KIB: '1024',
    PASSWORD_HASH_QUEUE_LIMIT: '100000',
    LOGIN_RATE_LIMIT: '1000',
    LOGIN_CLIENT_RATE_LIMIT: '100000',
    TRUST_PROXY: 'loopback',
    CALL_CLOSING_INTERVAL_MS: '86400000',
    // Scripted applicants submit without confirming their addresses, all at the shared test.example.
    APPLICANT_EMAIL_VERIFICATION: 'off',
    SHARED_EMAIL_DOMAINS: 'test.example',
  };
}

interface Draft {
  id: string;
  applicationId: string;
  token: string;
}

/** A closed call whose every assignment has a complete draft, none submitted yet. */
async function callWithDrafts(api: TestApi): Promise<{ callId: string; drafts: Draft[] }> {
  const evaluators = await createEvaluators(
    api,
    Array.from({ length: EVALUATORS }, () => ({})),
  );
  const applicants = await createApplicants(api, APPLICATIONS);
  const { callId } = await callWithSubmissions(api, applicants, {
    evaluatorsPerApplication: EVALUATORS_PER_APPLICATION,
    scoring: { scaleMin: 0, scaleMax: 10, normalization: 'zscore' },
  });
  await seatPanel(api, callId, evaluators);
  if ((await autoAssign(api, callId)).status !== 200) throw new Error('automatic assignment failed');
  const tokens = new Map(evaluators.map((e) => [e.id, e.token]));
  const rows = await assignmentRows(api, callId, ['assigned']);
  const drafts = rows.map((row) => ({
    id: row.id,
    applicationId: row.applicationId,
    token: tokens.get(row.evaluatorId) ?? '',
  }));
  await inPool(drafts, 8, async (draft) => {
    const n = drafts.indexOf(draft);
    const res = await saveDraft(api, draft.token, draft.id, {
      scores: [
        { criterionCode: 'IMPACT', score: 3 + (n % 7) },
        { criterionCode: 'CAPACITY', score: 2 + ((n * 5) % 9) },
      ],
    });
    if (res.status !== 200) throw new Error(`draft failed: ${res.status} ${JSON.stringify(res.body)}`);
  });
  return { callId, drafts };
}

/**
 * Submits the draft; answers the time until the submission was answered, and until the
 * application's result counts `expected` evaluations.
 */
async function sample(
  api: TestApi,
  db: Client,
  draft: Draft,
  expected: number,
): Promise<{ answered: number; reflected: number }> {
  const started = performance.now();
  const res = await submitEvaluation(api, draft.token, draft.id);
  if (res.status !== 200) throw new Error(`submit failed: ${res.status} ${JSON.stringify(res.body)}`);
  const answered = performance.now() - started;
  for (;;) {
    const { rows } = await db.query<{ n: number }>(
      'SELECT evaluation_count AS n FROM application_results WHERE application_id = $1',
      [draft.applicationId],
    );
    if (rows[0]?.n === expected) return { answered, reflected: performance.now() - started };
    if (performance.now() - started > REFLECTED_WITHIN_MS) throw new Error(`submission ${draft.id} not reflected`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** The floor: the call's scoring statement alone, as the worker runs it, in a transaction of its own. */
async function floor(worker: INestApplicationContext, callId: string): Promise<number> {
  const scoring = worker.get(ScoringRepository, { strict: false });
  const started = performance.now();
  await worker.get(Transactions, { strict: false }).run((tx) => scoring.scoreCall(tx, callId));
  return performance.now() - started;
}

/**
 * The drafts, each application's first evaluation before any second one, so that consecutive
 * samples are different applications; with how many evaluations the application has once it is in.
 */
function roundRobin(drafts: Draft[]): Array<{ draft: Draft; expected: number }> {
  const counted = new Map<string, number>();
  return drafts
    .map((draft) => {
      const expected = (counted.get(draft.applicationId) ?? 0) + 1;
      counted.set(draft.applicationId, expected);
      return { draft, expected };
    })
    .sort((a, b) => a.expected - b.expected);
}

function percentiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  return { p50: at(50), p95: at(95), p99: at(99) };
}

async function main(): Promise<void> {
  const load = loadavg()[0].toFixed(2);
  await freshDatabase(DATABASE_URL);
  const redis = await RedisServer.start();
  Object.assign(process.env, environment(redis.url));
  const api = await TestApi.start();
  const worker = await startWorker();
  const db = await connect(DATABASE_URL);
  try {
    const { callId, drafts } = await callWithDrafts(api);
    console.log(`call of ${APPLICATIONS} applications, ${drafts.length} assignments; ${SAMPLES} samples`);
    const latencies: number[] = [];
    const answers: number[] = [];
    const floors: number[] = [];
    for (const { draft, expected } of roundRobin(drafts).slice(0, SAMPLES)) {
      const { answered, reflected } = await sample(api, db, draft, expected);
      latencies.push(reflected);
      answers.push(answered);
      floors.push(await floor(worker, callId));
    }
    const project = percentiles(latencies);
    const answer = percentiles(answers);
    const bare = percentiles(floors);
    const ms = (value: number) => Number(value.toFixed(1));
    console.table({
      'submit → ranking (ms)': { p50: ms(project.p50), p95: ms(project.p95), p99: ms(project.p99) },
      'of which the submission answered (ms)': { p50: ms(answer.p50), p95: ms(answer.p95), p99: ms(answer.p99) },
      'floor: scoring statement alone (ms)': { p50: ms(bare.p50), p95: ms(bare.p95), p99: ms(bare.p99) },
      ratio: {
        p50: ms(project.p50 / bare.p50),
        p95: ms(project.p95 / bare.p95),
        p99: ms(project.p99 / bare.p99),
      },
    });
    console.log(
      `goal p50 < 100 ms: ${project.p50 < 100 ? 'met' : 'not met'}; load average (1 min) before / after: ${load} / ${loadavg()[0].toFixed(2)}`,
    );
  } finally {
    await db.end();
    await worker.close();
    await api.close();
    await redis.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
