/**
 * Times a cohort proposal as the secretariat's POST /calls/:id/cohorts makes it (DESIGN §6): the
 * service reads 100,000 ranked applications from 190 countries, selects 500 under a country cap,
 * two regional caps and four regional minimums, and stores the proposal with every exclusion. The
 * ranking is seeded directly (application_results), as scoring would have left it. It only prints
 * figures (goal: under 1 second); it owns its database (BENCH_SELECTION_DATABASE_URL).
 *
 * Proposals are timed first right after the bulk load, with autovacuum disabled on the tables it
 * writes and the statistics the migrated (empty) tables were analysed with, as a bulk import leaves
 * a database before autovacuum catches up; then after ANALYZE. Stale statistics must not change
 * the order of magnitude.
 *
 *   npm run bench:selection
 */
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { performance } from 'node:perf_hooks';
import { CohortsModule, CohortsService } from '@app/cohorts';
import { PlatformModule } from '@app/platform';
import { connect, freshDatabase } from './bench-database';

const DATABASE_URL =
  process.env.BENCH_SELECTION_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/accelerator_bench_selection';
const APPLICATIONS = 100_000;
const RUNS = 5;
const CALL_ID = "md5('bench-call')::uuid";
const SECRETARIAT = "md5('bench-secretariat')::uuid";
const SELECTION = {
  maxPerCountry: 5,
  maxPerRegion: { EUR: 120, ASP: 110 },
  minPerRegion: { AFR: 110, ARB: 60, CIS: 40, AMS: 80 },
  waitlistSize: 50,
};

/** Countries skewed by a hash of the rank, so a few send most applications; ranks 1..n by score. */
const SEED_SQL = [
  `CREATE TEMP TABLE bench_countries AS
   SELECT code, region, row_number() OVER (ORDER BY code) - 1 AS i FROM countries WHERE member_state LIMIT 190`,
  `INSERT INTO users (id, email, password_hash, role, display_name)
   VALUES (${SECRETARIAT}, 'secretariat@bench.example', 'not-a-hash', 'secretariat', 'Bench secretariat')`,
  `INSERT INTO calls (id, reference, title, status, opens_at, closes_at, cohort_size, evaluators_per_application,
     selection, scoring)
   VALUES (${CALL_ID}, 'BENCH/SELECTION', 'Bench call', 'reviewing', now() - interval '30 days',
     now() - interval '1 day', 500, 3, '${JSON.stringify(SELECTION)}',
     '{"scaleMin":0,"scaleMax":10,"normalization":"zscore","disagreementThreshold":30}')`,
  `INSERT INTO organisations (id, name, country_code, type, city)
   SELECT md5('organisation-' || n)::uuid, 'Bench centre ' || n, c.code, 'accelerator', 'City ' || n % 1000
   FROM generate_series(1, ${APPLICATIONS}) n
   JOIN bench_countries c ON c.i = (abs(hashint4(n)) % 1000) * (abs(hashint4(n + 7)) % 1000) % 190`,
  `INSERT INTO applications (id, call_id, organisation_id, country_code, region, status, eligibility, submitted_at,
     created_by)
   SELECT md5('application-' || n)::uuid, ${CALL_ID}, o.id, o.country_code, c.region, 'submitted',
          '{"eligible":true,"reasons":[]}', now() - interval '2 days', ${SECRETARIAT}
   FROM generate_series(1, ${APPLICATIONS}) n
   JOIN organisations o ON o.id = md5('organisation-' || n)::uuid
   JOIN bench_countries c ON c.code = o.country_code`,
  `INSERT INTO application_results (application_id, call_id, raw_score, normalized_score, score, evaluation_count,
     spread, std_dev, needs_moderation, rank)
   SELECT md5('application-' || n)::uuid, ${CALL_ID}, 100 - n / 1000.0, 100 - n / 1000.0, 100 - n / 1000.0, 3,
          5, 2, false, n
   FROM generate_series(1, ${APPLICATIONS}) n`,
];

/** What the seed writes: autovacuum is off for them while stale statistics are timed. */
const SEEDED_TABLES = ['users', 'calls', 'organisations', 'applications', 'application_results'];

@Module({ imports: [PlatformModule, CohortsModule] })
class BenchModule {}

async function seed(): Promise<{ secretariatId: string; callId: string; countries: number }> {
  const db = await connect(DATABASE_URL);
  try {
    await db.query('ANALYZE');
    for (const table of SEEDED_TABLES) await db.query(`ALTER TABLE ${table} SET (autovacuum_enabled = false)`);
    for (const sql of SEED_SQL) await db.query(sql);
    const { rows } = await db.query<{ secretariat: string; call: string; countries: number }>(
      `SELECT ${SECRETARIAT}::text AS secretariat, ${CALL_ID}::text AS call,
              (SELECT count(DISTINCT country_code)::int FROM applications) AS countries`,
    );
    return { secretariatId: rows[0].secretariat, callId: rows[0].call, countries: rows[0].countries };
  } finally {
    await db.end();
  }
}

async function analyze(): Promise<void> {
  const db = await connect(DATABASE_URL);
  try {
    await db.query('ANALYZE');
  } finally {
    await db.end();
  }
}

/** RUNS proposals after a warm-up: their times, sorted, and the last proposal's size. */
async function proposals(cohorts: CohortsService, actor: Parameters<CohortsService['propose']>[0], callId: string) {
  const times: number[] = [];
  let members = 0;
  let excluded = 0;
  for (let run = 0; run <= RUNS; run++) {
    const started = performance.now();
    const cohort = await cohorts.propose(actor, callId, {});
    if (run > 0) times.push(performance.now() - started);
    members = cohort.members.length;
    excluded = cohort.excluded.length;
  }
  times.sort((a, b) => a - b);
  return { median: Math.round(times[Math.floor(times.length / 2)]), fastest: Math.round(times[0]), members, excluded };
}

async function main(): Promise<void> {
  await freshDatabase(DATABASE_URL);
  const { secretariatId, callId, countries } = await seed();
  process.env.DATABASE_URL = DATABASE_URL;
  process.env.LOG_LEVEL = 'warn';
  const app = await NestFactory.createApplicationContext(BenchModule, { logger: ['error', 'warn'] });
  try {
    const cohorts = app.get(CohortsService);
    const actor = { id: secretariatId, role: 'secretariat' as const, organisationId: null };
    const stale = await proposals(cohorts, actor, callId);
    await analyze();
    const fresh = await proposals(cohorts, actor, callId);
    console.table({
      'ranked candidates': APPLICATIONS,
      countries,
      'cohort size': 500,
      members: fresh.members,
      'exclusions stored': fresh.excluded,
      [`propose, stale statistics, median of ${RUNS} after a warm-up (ms)`]: stale.median,
      'propose, stale statistics, fastest (ms)': stale.fastest,
      [`propose, median of ${RUNS} after a warm-up (ms)`]: fresh.median,
      'propose, fastest (ms)': fresh.fastest,
    });
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
