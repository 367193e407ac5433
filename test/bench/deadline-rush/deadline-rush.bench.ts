/**
 * The deadline rush (issue 18): N applicants (2,000 by default), each with a complete draft, upload
 * their 1 MiB document and submit in the last 60 s before the deadline, across two API processes
 * (and one worker relaying the receipts' e-mail jobs), all real processes on one PostgreSQL and one
 * redis-server. Four runs, each on a call of its own with untouched drafts:
 *
 * 1. project: the deadline 60 s ahead; the applicants, BENCH_CONCURRENCY (32) at a time.
 * 2. floor: the same against two processes of a bare NestJS app (multer into memory, the type
 *    sniffed, the SHA-256, the draft locked and the document inserted; the HTTP bench's bare
 *    submission, one statement writing the submission, its audit event, the receipt and its job).
 * 3. deadline: the deadline passes mid-rush (after half the project run's time): nothing may be
 *    accepted after it, nothing refused before it (the server's submittedAt, the client's clocks).
 * 4. overload: as the first, BENCH_OVERLOAD_CONCURRENCY (400) applicants at a time, beyond what two
 *    API processes with 10 connections each serve within their 3 s wait for a connection.
 *
 * Each run prints throughput, p50/p99 of uploads and submissions, the answers by status, the peaks
 * of PostgreSQL and Redis, and checks every acknowledged submission against the database: submitted
 * at the time the answer said, with its receipt notification and e-mail job in the outbox. Every
 * answer must be 2xx, 409 DEADLINE_PASSED, or 503/429 with Retry-After: never a 500 or no answer
 * within 60 s. A rush beyond the machine's capacity (applicants refused at the deadline, or told to
 * retry) is reported as such; the bench fails when a check fails.
 *
 * The database is dropped and migrated afresh (BENCH_DATABASE_URL, by default
 * accelerator_bench_deadline_rush); REDIS_URL of a running redis-server to use, else one of its own;
 * BENCH_FIRST_PORT: the servers' ports from there on (else free ports).
 *
 *   npm run bench:deadline-rush [-- <applicants>]
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { RedisServer } from '../../support/redis-server';
import { connect, freshDatabase } from '../bench-database';
import { ServerProcess } from '../http/http-bench-servers';
import { memory, trackServerCpu } from '../process-usage';
import { Client } from 'pg';
import { Checked, checkRun, deadlineViolations } from './rush-checks';
import { Answer, DOCUMENT_BYTES, Outcome, rush } from './rush-client';
import { Peaks, samplePeaks } from './rush-peaks';
import { RushCall, RushData, seed } from './rush-seed';

const DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/accelerator_bench_deadline_rush';
const DATABASE = decodeURIComponent(new URL(DATABASE_URL).pathname.slice(1));
const APPLICANTS = Number(process.argv[2] ?? process.env.BENCH_APPLICANTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const OVERLOAD_CONCURRENCY = Number(process.env.BENCH_OVERLOAD_CONCURRENCY ?? 400);
const FIRST_PORT = process.env.BENCH_FIRST_PORT ? Number(process.env.BENCH_FIRST_PORT) : undefined;
const RUSH_SECONDS = 60;
const JWT_SECRET = 'a-secret-of-the-deadline-rush-bench-only';
const POOL_SIZE = '10';

interface Servers {
  apis: ServerProcess[];
  worker: ServerProcess;
  bares: ServerProcess[];
}

async function startServers(redisUrl: string): Promise<Servers> {
  const port = (n: number) => (FIRST_PORT === undefined ? undefined : FIRST_PORT + n);
  const env = {
    DATABASE_URL,
    JWT_SECRET,
    ACCOUNT_LINK_SECRET: `${JWT_SECRET}-for-account-links`,
    DB_POOL_SIZE: POOL_SIZE,
    NODE_ENV: 'production',
    REDIS_URL: redisUrl,
    LOG_LEVEL: 'error',
    BOOTSTRAP_ADMIN_EMAIL: 'admin@rush.example',
    BOOTSTRAP_ADMIN_PASSWORD: 'a-password-of-the-deadline-rush',
    // The seeded applicants submit without confirming their addresses.
    APPLICANT_EMAIL_VERIFICATION: 'off',
  };
  // ts-node compiles each process's sources as it starts: minutes on a busy machine.
  const start = (entry: string, readyPath: string, n: number, portVariable?: string) =>
    ServerProcess.start(entry, env, readyPath, { port: port(n), portVariable, readyWithinMs: 600_000 });
  const api = 'apps/api/src/main.ts';
  const bare = 'test/bench/deadline-rush/bare-rush.main.ts';
  // The first API process alone, as it bootstraps the administrator; then the others side by side.
  const first = await start(api, '/health/ready', 0);
  const started = await Promise.allSettled([
    start(api, '/health/ready', 1),
    start('apps/worker/src/main.ts', '/health/ready', 2, 'WORKER_PORT'),
    start(bare, '/api/v1/calls', 3),
    start(bare, '/api/v1/calls', 4),
  ]);
  const servers = [first, ...started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []))];
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await Promise.all(servers.map((s) => s.stop()));
    throw failed.reason;
  }
  const [, second, worker, ...bares] = servers;
  return { apis: [first, second], worker, bares };
}

interface Run {
  name: string;
  concurrency: number;
  outcomes: Outcome[];
  seconds: number;
  peaks: Peaks;
  cpuSeconds: { api: number; database: number };
  checked: Checked;
}

/** Moves the call's deadline `seconds` ahead of the database's clock and runs the rush against it. */
async function run(
  db: Client,
  data: RushData,
  redisUrl: string,
  servers: ServerProcess[],
  call: RushCall,
  { seconds, concurrency }: { seconds: number; concurrency: number },
): Promise<Run> {
  await db.query(`UPDATE calls SET closes_at = now() + make_interval(secs => $2) WHERE id = $1`, [
    data.callIds[call],
    seconds,
  ]);
  const peaks = await samplePeaks(db, redisUrl);
  const databaseCpu = trackServerCpu(DATABASE, []);
  const apiCpu = () => servers.reduce((sum, s) => sum + s.cpuMs(), 0);
  const cpuBefore = apiCpu();
  const outcomes = await rush(
    servers.map((s) => s.url),
    data.applicants,
    call,
    concurrency,
  );
  // From the first request sent to the last submission acknowledged: the refusals that follow a
  // deadline are quick and would flatter the rate.
  const started = Math.min(...outcomes.map((o) => o.upload.sentAt));
  const acknowledged = outcomes.flatMap((o) => (o.submit?.status === 200 ? [o.submit.answeredAt] : []));
  const ended = Math.max(started, ...acknowledged);
  return {
    name: call,
    concurrency,
    outcomes,
    seconds: (ended - started) / 1000,
    peaks: await peaks.stop(),
    cpuSeconds: { api: (apiCpu() - cpuBefore) / 1000, database: databaseCpu.stop() / 1000 },
    checked: await checkRun(db, data.callIds[call], data.references[call], outcomes),
  };
}

const answersOf = (o: Outcome): Answer[] => [o.upload, ...(o.submit ? [o.submit] : [])];
const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function latency(answers: Answer[], ok: number): string {
  const ms = answers.filter((a) => a.status === ok).map((a) => a.ms);
  return `${Math.round(percentile(ms, 50))} / ${Math.round(percentile(ms, 99))}`;
}

/** Answers counted by status and code, e.g. `201: 2000`, `409 DEADLINE_PASSED: 12`, `0 NO_ANSWER_IN_60_S: 1`. */
function statuses(answers: Answer[]): string {
  const counts = new Map<string, number>();
  for (const a of answers) {
    const key = a.status < 300 ? String(a.status) : `${a.status} ${a.code ?? ''}`.trim();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => `${key}: ${n}`).join(', ');
}

function report(runs: Run[]): void {
  console.log('\nRuns:');
  console.table(
    runs.map((r) => {
      const uploads = r.outcomes.map((o) => o.upload);
      const submits = r.outcomes.flatMap((o) => (o.submit ? [o.submit] : []));
      return {
        run: r.name,
        'in flight': r.concurrency,
        's (first sent → last acknowledged)': round1(r.seconds),
        'submissions/s': round1(r.checked.acknowledged / r.seconds),
        'upload MiB/s': round1(
          (uploads.filter((a) => a.status === 201).length * DOCUMENT_BYTES) / 1_048_576 / r.seconds,
        ),
        'upload p50 / p99 ms': latency(uploads, 201),
        'submit p50 / p99 ms': latency(submits, 200),
        'CPU s (APIs, PostgreSQL)': `${round1(r.cpuSeconds.api)}, ${round1(r.cpuSeconds.database)}`,
      };
    }),
  );
  console.log('\nAnswers (uploads, then submissions):');
  console.table(
    runs.map((r) => ({
      run: r.name,
      uploads: statuses(r.outcomes.map((o) => o.upload)),
      submissions: statuses(r.outcomes.flatMap((o) => (o.submit ? [o.submit] : []))),
      'unexpected (500, no answer, no Retry-After, ...)': r.outcomes.flatMap(answersOf).filter((a) => !expected(a))
        .length,
    })),
  );
  console.log('\nPeaks (sampled every 200 ms):');
  console.table(
    runs.map((r) => ({
      run: r.name,
      'PostgreSQL connections (active)': `${r.peaks.connections} (${r.peaks.activeConnections})`,
      'database growth MiB': round1(r.peaks.databaseGrowthMiB),
      'Redis memory MiB': round1(r.peaks.redisMemoryMiB),
      'Redis clients': r.peaks.redisClients,
      'Redis ops/s': r.peaks.redisOpsPerSecond,
    })),
  );
  console.log('\nAcknowledged against the database:');
  console.table(
    runs.map((r) => ({
      run: r.name,
      acknowledged: r.checked.acknowledged,
      'lost (not submitted as answered)': r.checked.lost,
      'uploads answered 201, not stored': r.checked.uploadsLost,
      'submitted, not acknowledged': r.checked.unacknowledged,
      'submitted without receipt + e-mail job': r.checked.withoutReceipt,
      'e-mail jobs already relayed to the queue': r.checked.dispatched,
    })),
  );
}

/**
 * Answers a run may give: 2xx, the deadline's refusal, and the refusals of a platform beyond its
 * capacity (503 or 429 with Retry-After). Anything else (a 500, another refusal, no answer) fails.
 */
function expected(a: Answer): boolean {
  if (a.status === 200 || a.status === 201) return true;
  // The floor answers its refusal at the deadline with a bare message rather than a problem's code.
  if (a.status === 409 && (a.code === 'DEADLINE_PASSED' || a.code === 'not accepting applications')) return true;
  return (a.status === 503 || a.status === 429) && a.retryAfter !== undefined;
}

/** The failures of the runs' checks, in words; none when all holds. */
function failures(runs: Run[], deadline: Run): string[] {
  const found: string[] = [];
  for (const r of runs) {
    const c = r.checked;
    if (c.lost > 0) found.push(`${r.name}: ${c.lost} acknowledged submissions not as answered`);
    if (c.uploadsLost > 0) found.push(`${r.name}: ${c.uploadsLost} acknowledged uploads not stored`);
    if (c.withoutReceipt > 0) found.push(`${r.name}: ${c.withoutReceipt} submissions without their receipt`);
    const bad = r.outcomes.flatMap(answersOf).filter((a) => !expected(a));
    if (bad.length > 0) found.push(`${r.name}: ${bad.length} answers not clean, e.g. ${JSON.stringify(bad[0])}`);
  }
  const v = deadlineViolations(deadline.outcomes, deadline.checked.closesAt);
  if (v.acceptedAfter > 0) found.push(`deadline: ${v.acceptedAfter} accepted after the deadline`);
  if (v.refusedBefore > 0) found.push(`deadline: ${v.refusedBefore} refused as late before the deadline`);
  return found;
}

/** Whether the rush was below the capacity of this machine: every applicant submitted in time, nothing refused. */
function capacity(r: Run): string {
  const refused = r.outcomes.flatMap(answersOf).filter((a) => a.status >= 300).length;
  return refused === 0
    ? `${r.name}: all ${r.outcomes.length} applicants submitted in ${round1(r.seconds)} s, no refusal`
    : `${r.name}: beyond this machine's capacity: ${r.checked.acknowledged} of ${r.outcomes.length} submitted ` +
        `before the deadline, ${refused} refusals (see the answers)`;
}

async function main(): Promise<void> {
  const cpu = cpus();
  console.log(
    `${cpu.length} × ${cpu[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ` +
      `load average ${loadavg().map(round1).join(' ')}`,
  );
  await freshDatabase(DATABASE_URL);
  const db = await connect(DATABASE_URL);
  const data = await seed(db, JWT_SECRET, APPLICANTS);
  console.log(`${APPLICANTS} applicants, each with a complete draft in 4 calls, documents of ${DOCUMENT_BYTES} bytes`);
  const ownRedis = process.env.REDIS_URL ? undefined : await RedisServer.start();
  const redisUrl = process.env.REDIS_URL ?? (ownRedis as RedisServer).url;
  let servers: Servers | undefined;
  try {
    servers = await startServers(redisUrl);
    const rush60 = { seconds: RUSH_SECONDS, concurrency: CONCURRENCY };
    const project = await run(db, data, redisUrl, servers.apis, 'project', rush60);
    const floor = await run(db, data, redisUrl, servers.bares, 'floor', rush60);
    // The deadline falls about halfway through a rush as fast as the project's.
    const halfway = Math.min(RUSH_SECONDS, project.seconds / 2);
    const deadline = await run(db, data, redisUrl, servers.apis, 'deadline', { ...rush60, seconds: halfway });
    const overload = await run(db, data, redisUrl, servers.apis, 'overload', {
      ...rush60,
      concurrency: OVERLOAD_CONCURRENCY,
    });
    const runs = [project, floor, deadline, overload];
    report(runs);
    const rate = (r: Run) => r.checked.acknowledged / r.seconds;
    console.log(
      `\nProject / floor: submissions/s ${round1(rate(project))} / ${round1(rate(floor))} ` +
        `(floor / project ${round2(rate(floor) / rate(project))}); ` +
        `API processes' peak RSS ${servers.apis.map((s) => Math.round(memory(s.pid).peak)).join(' and ')} MiB`,
    );
    const v = deadlineViolations(deadline.outcomes, deadline.checked.closesAt);
    console.log(
      `Deadline mid-rush (${round1(halfway)} s in): ${deadline.checked.acknowledged} accepted, the last ` +
        `${v.lastAcceptedBeforeDeadlineMs} ms before it; ${v.refusedAfter} refused DEADLINE_PASSED ` +
        `(${v.refusedInFlight} of them sent before it, decided after it); ` +
        `accepted after it: ${v.acceptedAfter}; refused before it: ${v.refusedBefore}; other refusals: ${v.otherRefusals}`,
    );
    for (const r of [project, floor]) console.log(capacity(r));
    const found = failures(runs, deadline);
    for (const failure of found) console.error(`FAILED ${failure}`);
    if (found.length > 0) process.exitCode = 1;
    console.log(`load average after: ${loadavg().map(round1).join(' ')}`);
  } finally {
    await Promise.all([...(servers?.apis ?? []), ...(servers?.bares ?? []), servers?.worker].map((s) => s?.stop()));
    await db.end();
    await ownRedis?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
