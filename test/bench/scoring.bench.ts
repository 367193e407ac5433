/**
 * Times a full rescoring run, an incremental rescoring and single resubmitted evaluations through the
 * queue (DESIGN §5) at 100,000 applications × 3 evaluators × 8 criteria (2.4M criterion scores,
 * seeded set-based and deterministically), against one SQL GROUP BY computing the raw scores over
 * the same rows in the same process run, and samples the worker's memory. It only prints figures
 * (the goals: a full run within 2× of the GROUP BY, one submission reflected within 1 s at 100,000);
 * it fails only when a run does not complete or its results are not a full ranking.
 *
 * Everything is timed twice: first right after the bulk load, with autovacuum disabled on every table
 * the load or a run writes and the statistics the migrated (empty) tables were analysed with, as a
 * bulk import leaves a database before autovacuum catches up; then after VACUUM ANALYZE. Stale
 * statistics must not change the order of magnitude.
 *
 * It owns its database (dropped and migrated afresh: BENCH_DATABASE_URL, by default
 * accelerator_bench) and a private redis-server, so that no other worker takes its jobs. To try a
 * variant without changing the project's code: BENCH_APPLICATIONS (the size, 100,000 by default),
 * BENCH_CHUNK_SIZE, BENCH_CONCURRENCY, and BENCH_VARIANT_SQL (run after seeding, before the worker
 * starts, e.g. an index or `ALTER DATABASE … SET jit = off`; database settings are reset at the
 * next start).
 *
 *   npm run bench:scoring
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import Redis from 'ioredis';
import { Client } from 'pg';
import { RedisServer } from '../support/redis-server';
import { WorkerProcess } from '../support/worker';
import { connect, freshDatabase } from './bench-database';
import { memory, sampleRss, serverCpu } from './process-usage';
import { CALL_ID, GROUP_BY_SQL, PEOPLE_SQL, callSql } from './scoring-bench-data';
import { FullRun, TimedRequest, fullRun, rescore, resubmitOne, verify } from './scoring-bench-requests';

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/accelerator_bench';
const DATABASE = decodeURIComponent(new URL(DATABASE_URL).pathname.slice(1));
/** The size: `npm run bench:scoring -- 50k`, or BENCH_APPLICATIONS (10k, 50k, 100k or a number); 100k by default. */
const APPLICATIONS = applications(process.argv[2] ?? process.env.BENCH_APPLICATIONS ?? '100k');
const WARM_RUNS = 3;
const GROUP_BY_RUNS = 3;
const SUBMISSIONS = 3;
const VARIANT_SQL = process.env.BENCH_VARIANT_SQL ?? '';
const WORKER_ENV = {
  DATABASE_URL,
  LOG_LEVEL: 'warn',
  SCORING_CONCURRENCY: process.env.BENCH_CONCURRENCY ?? '2',
  SCORING_CHUNK_SIZE: process.env.BENCH_CHUNK_SIZE ?? '5000',
  CALL_CLOSING_INTERVAL_MS: '86400000',
  OUTBOX_POLL_MS: '20',
};
/** What the seed writes and what a run writes: autovacuum is off for them while stale statistics are timed. */
const WRITTEN_TABLES = [
  'organisations',
  'users',
  'calls',
  'criteria',
  'panel_members',
  'applications',
  'assignments',
  'criterion_scores',
  'application_results',
  'scoring_runs',
  'scoring_run_chunks',
  'scoring_run_totals',
  'scoring_evaluation_totals',
  'scoring_evaluator_moments',
  'scoring_total_counts',
  'scoring_call_definitions',
  'outbox',
];

function applications(size: string): number {
  const match = /^(\d+)(k?)$/i.exec(size.replace(/[_,]/g, ''));
  if (!match) throw new Error(`unknown size ${size}: 10k, 50k, 100k or a number of applications`);
  return Number(match[1]) * (match[2] ? 1000 : 1);
}

async function withClient<T>(work: (db: Client) => Promise<T>): Promise<T> {
  const db = await connect(DATABASE_URL);
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

/**
 * Bulk-loads the call over the statistics of the empty migrated tables, autovacuum off; VACUUM
 * (without ANALYZE) sets hint bits and the visibility map as long-lived data has them, so that runs
 * compare, and leaves the column statistics as they were.
 */
async function seed(db: Client): Promise<number> {
  await db.query('ANALYZE');
  for (const table of WRITTEN_TABLES) await db.query(`ALTER TABLE ${table} SET (autovacuum_enabled = false)`);
  const started = performance.now();
  await db.query('BEGIN');
  for (const sql of [...PEOPLE_SQL, ...callSql('bench', APPLICATIONS)]) await db.query(sql);
  await db.query('COMMIT');
  const seedMs = performance.now() - started;
  await db.query('VACUUM');
  return seedMs;
}

/** Fresh statistics, and no results: the runs with fresh statistics start cold too. */
async function refreshStatistics(db: Client): Promise<number> {
  await db.query(`DELETE FROM application_results WHERE call_id = ${CALL_ID}`);
  const started = performance.now();
  await db.query('VACUUM (ANALYZE)');
  return performance.now() - started;
}

async function backendPid(db: Client): Promise<number> {
  return (await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
}

/** Where the run's time went, from the database's clock and the BullMQ jobs' timestamps (ms). */
async function runSplit(db: Client, redis: Redis, run: FullRun) {
  const { runId } = run;
  const { rows } = await db.query<Record<string, number>>(
    `SELECT extract(epoch FROM r.planned_at - r.created_at) * 1000 AS "requestToPlanned",
            extract(epoch FROM max(k.done_at) - r.planned_at) * 1000 AS "plannedToLastChunk",
            extract(epoch FROM r.finished_at - max(k.done_at)) * 1000 AS "lastChunkToFinished",
            extract(epoch FROM r.finished_at - r.created_at) * 1000 AS "requestToFinished"
     FROM scoring_runs r JOIN scoring_run_chunks k ON k.run_id = r.id WHERE r.id = $1
     GROUP BY r.id`,
    [runId],
  );
  const job = async (id: string) => {
    const [processed, finished] = await redis.hmget(`bull:scoring:${id}`, 'processedOn', 'finishedOn');
    return Number(finished) - Number(processed);
  };
  const chunkCount = (await db.query('SELECT 1 FROM scoring_run_chunks WHERE run_id = $1', [runId])).rowCount ?? 0;
  const chunks = await Promise.all(Array.from({ length: chunkCount }, (_, i) => job(`${runId}.chunk.${i}`)));
  const split = Object.fromEntries(Object.entries(rows[0]).map(([key, value]) => [key, Math.round(Number(value))]));
  return {
    ...split,
    planJobMs: await job(run.outboxId),
    chunkJobMs: summary(chunks),
    finishJobMs: await job(`${runId}.finish`),
  };
}

function summary(values: number[]): { min: number; median: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0], median: sorted[Math.floor(sorted.length / 2)], max: sorted[sorted.length - 1] };
}

/** Wall time with the server's settings (parallel workers allowed), then CPU time run serially. */
async function groupBy(db: Client) {
  const times: number[] = [];
  const cpu: number[] = [];
  let rows = 0;
  for (let i = 0; i < GROUP_BY_RUNS; i++) {
    const started = performance.now();
    rows = (await db.query<{ applications: number }>(GROUP_BY_SQL)).rows[0].applications;
    times.push(performance.now() - started);
  }
  const pid = await backendPid(db);
  await db.query('SET max_parallel_workers_per_gather = 0');
  for (let i = 0; i < GROUP_BY_RUNS; i++) {
    const before = serverCpu(DATABASE, []).get(pid) ?? 0;
    await db.query(GROUP_BY_SQL);
    cpu.push((serverCpu(DATABASE, []).get(pid) ?? 0) - before);
  }
  return { medianMs: summary(times).median, cpuMs: summary(cpu).median, rows, times: times.map(Math.round), cpu };
}

/** A full run, its results checked. */
async function checkedRun(db: Client): Promise<FullRun> {
  const run = await fullRun(db, DATABASE);
  await verify(db, APPLICATIONS);
  return run;
}

/** An incremental rescoring, its results checked. */
async function checkedRescore(db: Client) {
  const rescoring = await rescore(db, DATABASE);
  await verify(db, APPLICATIONS);
  return rescoring;
}

/** SUBMISSIONS evaluations resubmitted one after the other, each rescored once before the next. */
async function submissions(db: Client): Promise<TimedRequest[]> {
  const timed: TimedRequest[] = [];
  for (let i = 0; i < SUBMISSIONS; i++) {
    timed.push(await resubmitOne(db, DATABASE, i * 997));
    await verify(db, APPLICATIONS);
  }
  return timed;
}

/**
 * On stale statistics, an incremental rescoring (results empty), then a full run (whose planning
 * analyses the tables that changed much); then, analysed afresh, a cold run, WARM_RUNS warm ones,
 * an incremental rescoring (results present) and SUBMISSIONS single submissions.
 */
async function runs(db: Client, redis: Redis) {
  const staleRescore = await checkedRescore(db);
  const staleRun = await checkedRun(db);
  const stale = { rescore: staleRescore, run: staleRun, split: await runSplit(db, redis, staleRun) };
  const analyzeMs = await refreshStatistics(db);
  const cold = await checkedRun(db);
  const coldSplit = await runSplit(db, redis, cold);
  const warm: FullRun[] = [];
  for (let i = 0; i < WARM_RUNS; i++) warm.push(await checkedRun(db));
  const median = [...warm].sort((a, b) => a.ms - b.ms)[Math.floor(warm.length / 2)];
  const warmSplit = await runSplit(db, redis, median);
  const rescoring = await checkedRescore(db);
  const submitted = await submissions(db);
  const submission = [...submitted].sort((a, b) => a.ms - b.ms)[Math.floor(submitted.length / 2)];
  return { stale, analyzeMs, cold, coldSplit, warm, median, warmSplit, rescore: rescoring, submitted, submission };
}

type Measured = Awaited<ReturnType<typeof runs>>;
type Grouped = Awaited<ReturnType<typeof groupBy>>;
interface Memory {
  booted: number;
  highest: number;
  peak: number;
}

function report(seedMs: number, measured: Measured, grouped: Grouped, memory: Memory, load: string): void {
  console.table({
    applications: APPLICATIONS,
    'seed (ms)': Math.round(seedMs),
    'incremental rescoring, stale statistics (ms)': Math.round(measured.stale.rescore.ms),
    'full run, stale statistics (ms)': Math.round(measured.stale.run.ms),
    'ratio stale run / GROUP BY': Number((measured.stale.run.ms / grouped.medianMs).toFixed(2)),
    'VACUUM ANALYZE after the stale runs (ms)': Math.round(measured.analyzeMs),
    'full run, cold (ms)': Math.round(measured.cold.ms),
    [`full run, warm, median of ${WARM_RUNS} (ms)`]: Math.round(measured.median.ms),
    'incremental rescoring, results present (ms)': Math.round(measured.rescore.ms),
    [`one submission to its rescored results, median of ${SUBMISSIONS} (ms)`]: Math.round(measured.submission.ms),
    'database CPU of that submission (ms)': measured.submission.cpuMs,
    [`GROUP BY, median of ${GROUP_BY_RUNS} (ms)`]: Math.round(grouped.medianMs),
    'ratio warm run / GROUP BY': Number((measured.median.ms / grouped.medianMs).toFixed(2)),
    'ratio submission / GROUP BY': Number((measured.submission.ms / grouped.medianMs).toFixed(2)),
    'database CPU of that warm run (ms)': measured.median.cpuMs,
    'GROUP BY CPU, serial, median (ms)': grouped.cpuMs,
    'ratio of CPU': Number((measured.median.cpuMs / grouped.cpuMs).toFixed(2)),
    'worker peak RSS, VmHWM (MiB)': Math.round(memory.peak),
    'worker RSS after boot (MiB)': Math.round(memory.booted),
    'worker highest sampled RSS during runs (MiB)': Math.round(memory.highest),
    'chunk size': Number(WORKER_ENV.SCORING_CHUNK_SIZE),
    concurrency: Number(WORKER_ENV.SCORING_CONCURRENCY),
    'OUTBOX_POLL_MS (worker)': Number(WORKER_ENV.OUTBOX_POLL_MS),
    // The figures mean little on a busy machine: this says how busy it was.
    'load average (1 min) before / after': `${load} / ${loadavg()[0].toFixed(2)}`,
  });
  const details = {
    runsMs: {
      staleRescore: Math.round(measured.stale.rescore.ms),
      staleRun: Math.round(measured.stale.run.ms),
      rescore: Math.round(measured.rescore.ms),
      submissions: measured.submitted.map((r) => Math.round(r.ms)),
      cold: Math.round(measured.cold.ms),
      warm: measured.warm.map((r) => Math.round(r.ms)),
    },
    runsCpuMs: {
      staleRescore: measured.stale.rescore.cpuMs,
      staleRun: measured.stale.run.cpuMs,
      rescore: measured.rescore.cpuMs,
      cold: measured.cold.cpuMs,
      warm: measured.warm.map((r) => r.cpuMs),
    },
    groupBy: { rows: grouped.rows, timesMs: grouped.times, serialCpuMs: grouped.cpu },
    splitStaleMs: measured.stale.split,
    splitColdMs: measured.coldSplit,
    splitWarmMedianMs: measured.warmSplit,
  };
  console.log(JSON.stringify(details, null, 2));
  // The goals side by side: one submission under 1 s at 100,000, the full run within 2× of the GROUP BY.
  const ratio = (ms: number) => (ms / grouped.medianMs).toFixed(2);
  console.log(
    `scoring at ${APPLICATIONS} applications: one submission ${Math.round(measured.submission.ms)} ms ` +
      `(${ratio(measured.submission.ms)}× GROUP BY) | full run ${Math.round(measured.median.ms)} ms ` +
      `(${ratio(measured.median.ms)}× GROUP BY) | GROUP BY ${Math.round(grouped.medianMs)} ms | ` +
      `load ${load} / ${loadavg()[0].toFixed(2)}`,
  );
}

async function main(): Promise<void> {
  const load = loadavg()[0].toFixed(2);
  await freshDatabase(DATABASE_URL);
  const db = await connect(DATABASE_URL);
  const redisServer = await RedisServer.start();
  const redis = new Redis(redisServer.url);
  let worker: WorkerProcess | undefined;
  try {
    const seedMs = await seed(db);
    console.log(`seeded ${APPLICATIONS} applications in ${Math.round(seedMs)} ms`);
    if (VARIANT_SQL) {
      console.log(`variant: ${VARIANT_SQL}`);
      await db.query(VARIANT_SQL);
    }
    worker = await WorkerProcess.start({ ...WORKER_ENV, REDIS_URL: redisServer.url });
    const booted = memory(worker.pid).rss;
    const sampler = sampleRss(worker.pid);
    const measured = await runs(db, redis);
    const highest = sampler.stop();
    const peak = memory(worker.pid).peak;
    // A new session, so that it runs with the same database settings as the worker's.
    const grouped = await withClient(groupBy);
    report(seedMs, measured, grouped, { booted, highest, peak }, load);
  } catch (error) {
    if (worker?.exited) console.error(`The worker ended. Its last lines:\n${worker.lastLogLines.join('\n')}`);
    throw error;
  } finally {
    await worker?.stop('SIGTERM');
    redis.disconnect();
    await redisServer.stop();
    await db.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
