/**
 * Times a full rescoring run through the queue (DESIGN §5) at 100,000 applications × 3 evaluators
 * × 8 criteria (2.4M criterion scores, seeded set-based and deterministically), against one SQL
 * GROUP BY computing the raw scores over the same rows in the same process run, and samples the
 * worker's memory. It only prints figures (the goal is a ratio of at most 3×); it fails only when a
 * run does not complete or its results are not a full ranking.
 *
 * It owns its database (dropped and migrated afresh: BENCH_DATABASE_URL, by default
 * accelerator_bench) and a private redis-server, so that no other worker takes its jobs. To try a
 * variant without changing the project's code: BENCH_CHUNK_SIZE, BENCH_CONCURRENCY, and
 * BENCH_VARIANT_SQL (run after seeding, before the worker starts, e.g. an index or
 * `ALTER DATABASE … SET jit = off`; database settings are reset at the next start).
 *
 *   npm run bench:scoring
 */
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import Redis from 'ioredis';
import { Client } from 'pg';
import { RedisServer } from '../support/redis-server';
import { WorkerProcess } from '../support/worker';
import { connect, freshDatabase } from './bench-database';

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/accelerator_bench';
const APPLICATIONS = 100_000;
const EVALUATORS = 300;
const CRITERIA = 8;
const WARM_RUNS = 3;
const GROUP_BY_RUNS = 3;
const POLL_MS = 25;
/** USER_HZ of /proc/<pid>/stat on Linux. */
const TICK_MS = 10;
const RUN_TIMEOUT_MS = 10 * 60_000;
const VARIANT_SQL = process.env.BENCH_VARIANT_SQL ?? '';
const WORKER_ENV = {
  DATABASE_URL,
  LOG_LEVEL: 'warn',
  SCORING_CONCURRENCY: process.env.BENCH_CONCURRENCY ?? '2',
  SCORING_CHUNK_SIZE: process.env.BENCH_CHUNK_SIZE ?? '5000',
  CALL_CLOSING_INTERVAL_MS: '86400000',
  OUTBOX_POLL_MS: '20',
};
const CALL_ID = "md5('bench-call')::uuid";
const SECRETARIAT_ID = "md5('bench-secretariat')::uuid";
const SCORING = { scaleMin: 0, scaleMax: 10, normalization: 'zscore', disagreementThreshold: 30 };

/** Ids are md5 of a name: the same rows, and the same chunk boundaries, on every run. */
const SEED_SQL = [
  `INSERT INTO organisations (id, name, country_code, type, city)
   SELECT md5('organisation-' || i)::uuid, 'Bench centre ' || i, codes[1 + i % cardinality(codes)],
          (ARRAY['academia', 'incubator', 'accelerator', 'innovation_hub', 'ngo'])[1 + i % 5], 'City ' || i % 1000
   FROM generate_series(1, ${APPLICATIONS}) i,
        (SELECT array_agg(code ORDER BY code) AS codes FROM countries WHERE member_state) c`,
  `INSERT INTO users (id, email, password_hash, role, display_name)
   VALUES (${SECRETARIAT_ID}, 'secretariat@bench.example', 'not-a-hash', 'secretariat', 'Bench secretariat')`,
  `INSERT INTO users (id, email, password_hash, role, display_name)
   SELECT md5('evaluator-' || e)::uuid, 'evaluator-' || e || '@bench.example', 'not-a-hash', 'evaluator', 'Evaluator ' || e
   FROM generate_series(0, ${EVALUATORS - 1}) e`,
  `INSERT INTO calls (id, reference, title, status, opens_at, closes_at, cohort_size, evaluators_per_application, scoring)
   VALUES (${CALL_ID}, 'BENCH/SCORING/100K', 'Scoring bench', 'reviewing', '2025-01-01Z', '2025-03-01Z', 500, 3,
           '${JSON.stringify(SCORING)}')`,
  `INSERT INTO criteria (call_id, code, title, weight, position)
   SELECT ${CALL_ID}, 'C' || k, 'Criterion ' || k, k, k FROM generate_series(1, ${CRITERIA}) k`,
  `INSERT INTO panel_members (call_id, evaluator_id)
   SELECT ${CALL_ID}, md5('evaluator-' || e)::uuid FROM generate_series(0, ${EVALUATORS - 1}) e`,
  `INSERT INTO applications (id, call_id, organisation_id, country_code, region, status, eligibility, submitted_at, created_by)
   SELECT md5('application-' || i)::uuid, ${CALL_ID}, o.id, o.country_code, c.region, 'submitted',
          '{"eligible":true,"reasons":[]}', '2025-01-02Z'::timestamptz + i * interval '20 seconds', ${SECRETARIAT_ID}
   FROM generate_series(1, ${APPLICATIONS}) i
   JOIN organisations o ON o.id = md5('organisation-' || i)::uuid
   JOIN countries c ON c.code = o.country_code`,
  // Evaluators b, b+100 and b+200 (mod 300) of a pseudo-random b: three distinct ones, ~1000 each.
  `INSERT INTO assignments (id, call_id, application_id, evaluator_id, status, submitted_at)
   SELECT md5('assignment-' || i || '-' || k)::uuid, ${CALL_ID}, md5('application-' || i)::uuid,
          md5('evaluator-' || (abs(hashint4(i)::int8) + 100 * k) % ${EVALUATORS})::uuid, 'submitted',
          '2025-03-10Z'::timestamptz + i * interval '7 seconds'
   FROM generate_series(1, ${APPLICATIONS}) i, generate_series(0, 2) k`,
  // Quality 2..8 per application, a bias of -2..+2 per evaluator (lenient or harsh), noise of -2..+2.
  `INSERT INTO criterion_scores (assignment_id, criterion_code, score)
   SELECT md5('assignment-' || i || '-' || k)::uuid, 'C' || c,
          greatest(0, least(10, 2 + abs(hashint4(i * 31 + 7)::int8) % 7
                                + ((abs(hashint4(i)::int8) + 100 * k) % ${EVALUATORS}) % 5 - 2
                                + abs(hashint8(i * 24 + k * 8 + c)) % 5 - 2))
   FROM generate_series(1, ${APPLICATIONS}) i, generate_series(0, 2) k, generate_series(1, ${CRITERIA}) c`,
];

/** §5.1–5.2 raw scores in one statement; summed so that no output column can be planned away. */
const GROUP_BY_SQL = `
  SELECT count(*)::int AS applications, sum(raw_score) AS checksum FROM (
    SELECT application_id, avg(t) AS raw_score FROM (
      SELECT a.application_id,
             100 * sum(cr.weight * (cs.score - (c.scoring->>'scaleMin')::float8)
                   / ((c.scoring->>'scaleMax')::float8 - (c.scoring->>'scaleMin')::float8)) / sum(cr.weight) AS t
      FROM calls c
      JOIN assignments a ON a.call_id = c.id AND a.status = 'submitted'
      JOIN criterion_scores cs ON cs.assignment_id = a.id
      JOIN criteria cr ON cr.call_id = c.id AND cr.code = cs.criterion_code
      WHERE c.id = ${CALL_ID}
      GROUP BY a.id, a.application_id
    ) totals
    GROUP BY application_id
  ) scores`;

async function withClient<T>(work: (db: Client) => Promise<T>): Promise<T> {
  const db = await connect(DATABASE_URL);
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

async function seed(db: Client): Promise<{ seedMs: number; analyzeMs: number }> {
  const started = performance.now();
  await db.query('BEGIN');
  for (const sql of SEED_SQL) await db.query(sql);
  await db.query('COMMIT');
  const seeded = performance.now();
  // VACUUM too: hint bits and the visibility map as long-lived data has them, so runs compare.
  await db.query('VACUUM (ANALYZE)');
  return { seedMs: seeded - started, analyzeMs: performance.now() - seeded };
}

/** The worker's memory from /proc (kB → MiB): VmRSS now, VmHWM the peak since it started. */
function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) / 1024;
  return { rss: field('VmRSS'), peak: field('VmHWM') };
}

/** Samples VmRSS while the runs go on; VmHWM catches what falls between samples. */
function sampleRss(pid: number): { stop: () => number } {
  let highest = 0;
  const timer = setInterval(() => (highest = Math.max(highest, memory(pid).rss)), 50);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(highest, memory(pid).rss);
    },
  };
}

interface FullRun {
  runId: string;
  outboxId: string;
  ms: number;
  /** CPU of the database server for the run. */
  cpuMs: number;
}

/**
 * CPU used so far (ms) by each server process of the bench database, from /proc: the server runs on
 * this host, and the statements of a run are not parallel (data-modifying), so this is all of it.
 */
function serverCpu(except: number[]): Map<number, number> {
  const database = decodeURIComponent(new URL(DATABASE_URL).pathname.slice(1));
  const found = new Map<number, number>();
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const title = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (!title.startsWith('postgres: ') || !title.includes(` ${database} `) || except.includes(Number(entry)))
        continue;
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ');
      found.set(Number(entry), (Number(fields[11]) + Number(fields[12])) * TICK_MS);
    } catch {
      // The process ended meanwhile.
    }
  }
  return found;
}

/** Sums the server CPU the worker's connections use from now on, sampling those that may close. */
function trackServerCpu(except: number[]): { stop: () => number } {
  const first = serverCpu(except);
  const last = new Map(first);
  const sample = () => serverCpu(except).forEach((ms, pid) => last.set(pid, ms));
  const timer = setInterval(sample, 100);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return [...last].reduce((sum, [pid, ms]) => sum + ms - (first.get(pid) ?? 0), 0);
    },
  };
}

async function backendPid(db: Client): Promise<number> {
  return (await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
}

/**
 * Requests a run as ScoringRunsService.request does; answers its id and the time from commit to
 * completion. The tables a run churns are vacuumed first, untimed, as autovacuum would have done
 * between two runs (a test server may run without it).
 */
async function fullRun(db: Client): Promise<FullRun> {
  await db.query('VACUUM application_results, scoring_run_totals, scoring_run_chunks, scoring_runs, outbox');
  const cpu = trackServerCpu([await backendPid(db)]);
  await db.query('BEGIN');
  const outbox = await db.query<{ id: string; run_id: string }>(
    `INSERT INTO outbox (queue, job_name, payload)
     SELECT 'scoring', 'scoring.full-run', jsonb_build_object('callId', ${CALL_ID}, 'runId', r.id)
     FROM (SELECT gen_random_uuid() AS id) r RETURNING id, payload->>'runId' AS run_id`,
  );
  const { id: outboxId, run_id: runId } = outbox.rows[0];
  await db.query(
    `INSERT INTO scoring_runs (id, call_id, reason, requested_by, trigger_outbox_id)
     VALUES ($1, ${CALL_ID}, 'requested', ${SECRETARIAT_ID}, $2)`,
    [runId, outboxId],
  );
  await db.query('COMMIT');
  const committed = performance.now();
  for (;;) {
    const { rows } = await db.query<{ status: string; error: string | null }>(
      'SELECT status, error FROM scoring_runs WHERE id = $1',
      [runId],
    );
    if (rows[0].status === 'completed')
      return { runId, outboxId, ms: performance.now() - committed, cpuMs: cpu.stop() };
    if (rows[0].status === 'failed') throw new Error(`scoring run ${runId} failed: ${rows[0].error}`);
    if (performance.now() - committed > RUN_TIMEOUT_MS) throw new Error(`scoring run ${runId} did not complete`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** A run's results are a full ranking: one result per application, ranks exactly 1..n. */
async function verify(db: Client): Promise<void> {
  const { rows } = await db.query<{ n: number; ranks: number; low: number; high: number }>(
    `SELECT count(*)::int AS n, count(DISTINCT rank)::int AS ranks, min(rank) AS low, max(rank) AS high
     FROM application_results WHERE call_id = ${CALL_ID}`,
  );
  const r = rows[0];
  if (r.n !== APPLICATIONS || r.ranks !== APPLICATIONS || r.low !== 1 || r.high !== APPLICATIONS)
    throw new Error(`unexpected results: ${JSON.stringify(r)}`);
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
    const before = serverCpu([]).get(pid) ?? 0;
    await db.query(GROUP_BY_SQL);
    cpu.push((serverCpu([]).get(pid) ?? 0) - before);
  }
  return { medianMs: summary(times).median, cpuMs: summary(cpu).median, rows, times: times.map(Math.round), cpu };
}

async function runs(db: Client, redis: Redis) {
  const cold = await fullRun(db);
  await verify(db);
  const coldSplit = await runSplit(db, redis, cold);
  const warm: FullRun[] = [];
  for (let i = 0; i < WARM_RUNS; i++) {
    warm.push(await fullRun(db));
    await verify(db);
  }
  const median = [...warm].sort((a, b) => a.ms - b.ms)[Math.floor(warm.length / 2)];
  return { cold, coldSplit, warm, median, warmSplit: await runSplit(db, redis, median) };
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
    'seed (ms)': Math.round(seedMs),
    'full run, cold (ms)': Math.round(measured.cold.ms),
    [`full run, warm, median of ${WARM_RUNS} (ms)`]: Math.round(measured.median.ms),
    [`GROUP BY, median of ${GROUP_BY_RUNS} (ms)`]: Math.round(grouped.medianMs),
    'ratio warm run / GROUP BY': Number((measured.median.ms / grouped.medianMs).toFixed(2)),
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
    runsMs: { cold: Math.round(measured.cold.ms), warm: measured.warm.map((r) => Math.round(r.ms)) },
    runsCpuMs: { cold: measured.cold.cpuMs, warm: measured.warm.map((r) => r.cpuMs) },
    groupBy: { rows: grouped.rows, timesMs: grouped.times, serialCpuMs: grouped.cpu },
    splitColdMs: measured.coldSplit,
    splitWarmMedianMs: measured.warmSplit,
  };
  console.log(JSON.stringify(details, null, 2));
}

async function main(): Promise<void> {
  const load = loadavg()[0].toFixed(2);
  await freshDatabase(DATABASE_URL);
  const db = await connect(DATABASE_URL);
  const redisServer = await RedisServer.start();
  const redis = new Redis(redisServer.url);
  let worker: WorkerProcess | undefined;
  try {
    const seeded = await seed(db);
    console.log(`seeded in ${Math.round(seeded.seedMs)} ms (+ VACUUM ANALYZE ${Math.round(seeded.analyzeMs)} ms)`);
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
    report(seeded.seedMs, measured, grouped, { booted, highest, peak }, load);
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
