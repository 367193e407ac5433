/**
 * The project's API against a bare NestJS app doing the same SQL on the same database (the floor),
 * alternated in one run, for the public call list, an application read by its owner, an autosave,
 * an evaluation save with 8 scores and a submission. Each endpoint is loaded by autocannon with 50
 * connections, the project and the floor one after the other, in ROUNDS rounds (the order swaps
 * each round, so that drift of a shared machine falls on both). It prints req/s, p50 and p99 of both
 * and the ratios, and flags a slowdown over 2× or a p99 over 3× the floor's: the goals of issue 11.
 * It fails when any request answered anything but 2xx, or a run answered fewer requests than it
 * has connections, as the figures would then be meaningless. CPU time per request (the server's
 * process and PostgreSQL's) is printed too: a shared machine inflates it far less than latency.
 *
 * It owns its database (dropped and migrated afresh: BENCH_DATABASE_URL, by default
 * accelerator_bench_http) and a private redis-server; both servers run in processes of their own.
 * BENCH_SECONDS (8) is a run's length, BENCH_ROUNDS (2) the rounds, BENCH_SUBMISSIONS (500) the
 * submissions of a run.
 *
 *   npm run bench:http
 */
import { cpus, loadavg } from 'node:os';
import autocannon, { Result } from 'autocannon';
import { RedisServer } from '../../support/redis-server';
import { connect, freshDatabase } from '../bench-database';
import { trackServerCpu } from '../process-usage';
import { compareAnswers } from './http-bench-answers';
import { DRAFTS_PER_AUTOSAVE_RUN, Scenario, scenarios } from './http-bench-scenarios';
import { HttpBenchData, seed } from './http-bench-seed';
import { ServerProcess } from './http-bench-servers';

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/accelerator_bench_http';
const DATABASE = decodeURIComponent(new URL(DATABASE_URL).pathname.slice(1));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? 500);
const CONNECTIONS = 50;
const WARM_UP_SECONDS = 2;
const WARM_UP_SUBMISSIONS = 200;
const JWT_SECRET = 'a-secret-of-the-http-bench-only';
const SIDES = ['project', 'bare'] as const;
type Side = (typeof SIDES)[number];

/**
 * What a run measured: successful requests per second, latencies in ms, failures and bytes per
 * answer, and the CPU time per successful request of the server's process and of PostgreSQL, which
 * other work on a shared machine does not inflate as it does times.
 */
interface Figures {
  rps: number;
  p50: number;
  p99: number;
  nodeCpuMs: number;
  databaseCpuMs: number;
  succeeded: number;
  failed: number;
  bytes: number;
  /** The status and body of the first answer that was not 2xx, to tell what went wrong. */
  firstFailure?: string;
}

async function load(server: ServerProcess, scenario: Scenario, seconds: number, submissions: number): Promise<Figures> {
  const request = scenario.request();
  let firstFailure: string | undefined;
  const nodeCpuBefore = server.cpuMs();
  // Only the server under load works the database meanwhile: the other one's connections are idle.
  const databaseCpu = trackServerCpu(DATABASE, []);
  const result: Result = await autocannon({
    url: server.url,
    connections: CONNECTIONS,
    requests: [
      {
        ...request,
        onResponse: (status: number, body: string, context: object) => {
          if (status >= 300) firstFailure ??= `${status} ${body}`;
          request.onResponse?.(status, body, context);
        },
      },
    ],
    ...(scenario.consumes ? { amount: submissions } : { duration: seconds }),
  });
  const succeeded = result['2xx'];
  return {
    rps: succeeded / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    nodeCpuMs: (server.cpuMs() - nodeCpuBefore) / Math.max(succeeded, 1),
    databaseCpuMs: databaseCpu.stop() / Math.max(succeeded, 1),
    succeeded,
    failed: result.non2xx + result.errors + result.timeouts,
    bytes: result.throughput.total / Math.max(result.requests.total, 1),
    firstFailure,
  };
}

/**
 * Enough rows for every run (the rounds, the warm-up and the comparison of answers): a set of
 * drafts per autosave run, a draft per submission.
 */
function seedSize() {
  const runs = (ROUNDS + 2) * SIDES.length;
  const organisations = Math.max(600, runs * DRAFTS_PER_AUTOSAVE_RUN);
  const submissions = runs * Math.max(SUBMISSIONS, WARM_UP_SUBMISSIONS);
  return { organisations, openCalls: 1 + Math.ceil(submissions / organisations), evaluators: 2 * CONNECTIONS };
}

async function prepare(): Promise<HttpBenchData> {
  await freshDatabase(DATABASE_URL);
  const db = await connect(DATABASE_URL);
  try {
    return await seed(db, JWT_SECRET, seedSize());
  } finally {
    await db.end();
  }
}

async function startServers(redisUrl: string): Promise<Record<Side, ServerProcess>> {
  const env = { DATABASE_URL, JWT_SECRET, DB_POOL_SIZE: '10' };
  const project = await ServerProcess.start(
    'apps/api/src/main.ts',
    {
      ...env,
      NODE_ENV: 'production',
      // Required in production since account links have a secret of their own.
      ACCOUNT_LINK_SECRET: `${JWT_SECRET}-for-account-links`,
      REDIS_URL: redisUrl,
      LOG_LEVEL: 'warn',
      BOOTSTRAP_ADMIN_EMAIL: 'admin@bench.example',
      BOOTSTRAP_ADMIN_PASSWORD: 'a-password-of-the-http-bench',
      // The seeded applicants submit without confirming their addresses.
      APPLICANT_EMAIL_VERIFICATION: 'off',
    },
    '/health/ready',
  );
  const bare = await ServerProcess.start('test/bench/http/bare-api.main.ts', env, '/api/v1/calls');
  return { project, bare };
}

type Measured = Array<{ scenario: string; round: number; figures: Record<Side, Figures> }>;

async function measure(servers: Record<Side, ServerProcess>, list: Scenario[]): Promise<Measured> {
  for (const scenario of list) {
    for (const side of SIDES) await load(servers[side], scenario, WARM_UP_SECONDS, WARM_UP_SUBMISSIONS);
  }
  const measured: Measured = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const order = round % 2 === 1 ? SIDES : [...SIDES].reverse();
    for (const scenario of list) {
      const figures = {} as Record<Side, Figures>;
      for (const side of order) {
        figures[side] = await load(servers[side], scenario, SECONDS, SUBMISSIONS);
        if (figures[side].firstFailure) console.error(`${scenario.name}, ${side}: ${figures[side].firstFailure}`);
      }
      measured.push({ scenario: scenario.name, round, figures });
    }
  }
  return measured;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;
const total = (f: Figures) => f.nodeCpuMs + f.databaseCpuMs;
const cpu = (f: Figures) => `${round2(f.nodeCpuMs)} + ${round2(f.databaseCpuMs)}`;

/** Per endpoint over the rounds: mean req/s and latencies, failures summed. */
function summary(measured: Measured, name: string, side: Side): Figures {
  const runs = measured.filter((m) => m.scenario === name).map((m) => m.figures[side]);
  const mean = (key: Exclude<keyof Figures, 'firstFailure'>) => runs.reduce((sum, r) => sum + r[key], 0) / runs.length;
  return {
    rps: mean('rps'),
    p50: mean('p50'),
    p99: mean('p99'),
    nodeCpuMs: mean('nodeCpuMs'),
    databaseCpuMs: mean('databaseCpuMs'),
    // The fewest of a run: a run that answered fewer requests than it has connections measured nothing.
    succeeded: Math.min(...runs.map((r) => r.succeeded)),
    failed: runs.reduce((sum, r) => sum + r.failed, 0),
    bytes: mean('bytes'),
  };
}

function report(measured: Measured, list: Scenario[]): boolean {
  console.log(`\nEach run (${CONNECTIONS} connections; ${SECONDS} s, or ${SUBMISSIONS} submissions):`);
  console.table(
    measured.map(({ scenario, round, figures: { project, bare } }) => ({
      endpoint: scenario,
      round,
      'project req/s': Math.round(project.rps),
      'bare req/s': Math.round(bare.rps),
      'project p50/p99 ms': `${project.p50} / ${project.p99}`,
      'bare p50/p99 ms': `${bare.p50} / ${bare.p99}`,
      '2xx (project, bare)': `${project.succeeded}, ${bare.succeeded}`,
      'non-2xx or errors (project, bare)': `${project.failed}, ${bare.failed}`,
    })),
  );
  const rows = list.map(({ name }) => ({
    name,
    project: summary(measured, name, 'project'),
    bare: summary(measured, name, 'bare'),
  }));
  console.log(`\nMeans over ${ROUNDS} rounds (goal: slowdown ≤ 2, p99 ratio ≤ 3):`);
  console.table(
    rows.map(({ name, project, bare }) => {
      const slowdown = bare.rps / project.rps;
      const p99Ratio = project.p99 / bare.p99;
      const flags = [
        slowdown > 2 ? 'SLOWDOWN > 2' : '',
        p99Ratio > 3 ? 'P99 > 3x' : '',
        project.failed + bare.failed > 0 ? 'NON-2XX' : '',
        Math.min(project.succeeded, bare.succeeded) < CONNECTIONS ? 'TOO FEW ANSWERS' : '',
      ];
      return {
        endpoint: name,
        'project req/s': Math.round(project.rps),
        'bare req/s': Math.round(bare.rps),
        'slowdown (bare/project req/s)': round1(slowdown),
        'project p50 / p99 ms': `${round1(project.p50)} / ${round1(project.p99)}`,
        'bare p50 / p99 ms': `${round1(bare.p50)} / ${round1(bare.p99)}`,
        'p99 ratio': round1(p99Ratio),
        flags: flags.filter(Boolean).join(', ') || 'ok',
      };
    }),
  );
  console.log('\nWhat a successful request costs (means over the rounds):');
  console.table(
    rows.map(({ name, project, bare }) => ({
      endpoint: name,
      'project CPU ms, node + PostgreSQL': cpu(project),
      'bare CPU ms, node + PostgreSQL': cpu(bare),
      'CPU ratio': round1(total(project) / total(bare)),
      'project bytes': Math.round(project.bytes),
      'bare bytes': Math.round(bare.bytes),
    })),
  );
  return rows.every(
    ({ project, bare }) =>
      project.failed + bare.failed === 0 && Math.min(project.succeeded, bare.succeeded) >= CONNECTIONS,
  );
}

async function main(): Promise<void> {
  const cpu = cpus();
  console.log(`${cpu.length} × ${cpu[0]?.model}, Node ${process.version}, load average ${loadavg().map(round1)}`);
  const data = await prepare();
  const redis = await RedisServer.start();
  let servers: Record<Side, ServerProcess> | undefined;
  try {
    servers = await startServers(redis.url);
    const list = scenarios(data);
    const problems = await compareAnswers({ project: servers.project.url, bare: servers.bare.url }, list);
    for (const problem of problems) console.warn(`answers differ: ${problem}`);
    const measured = await measure(servers, list);
    if (!report(measured, list)) {
      console.error(
        '\nSome requests did not answer 2xx, or a run answered fewer requests than it has connections (too short ' +
          'for this machine: raise BENCH_SECONDS): the figures above do not measure the endpoints.',
      );
      process.exitCode = 1;
    }
    console.log(`load average after: ${loadavg().map(round1)}`);
  } finally {
    await Promise.all(Object.values(servers ?? {}).map((s) => s.stop()));
    await redis.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
