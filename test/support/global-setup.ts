import { Client } from 'pg';
import { migrate } from '../../migrations/data-source';
import { runDatabaseUrl, runOfDatabase, workerDatabaseUrl } from './run-database';

/**
 * A database of this jest run's own, freshly migrated as production would be, then copied once per
 * jest worker: runs started side by side (a developer's and CI's, or two terminals) never drop each
 * other's data, and suites running at the same time in one run never meet. The suites find their
 * copy from TEST_RUN_DATABASE_URL, which the workers inherit (test-env.ts); global-teardown.ts drops
 * them all.
 */
export default async function globalSetup(globalConfig?: { maxWorkers: number }): Promise<void> {
  // Several projects of one run may ask for it (end-to-end, browser): the first one makes it.
  if (process.env.TEST_RUN_DATABASE_URL) return;
  const url = runDatabaseUrl();
  const name = databaseName(url);
  const admin = new Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    for (const stale of await staleRunDatabases(admin, name)) {
      await admin.query(`DROP DATABASE IF EXISTS "${stale}" WITH (FORCE)`);
    }
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
    await migrate(url);
    // A copy is a file copy of the migrated database: far faster than migrating each.
    for (let worker = 1; worker <= Math.max(globalConfig?.maxWorkers ?? 1, 1); worker++) {
      await copyDatabase(admin, databaseName(workerDatabaseUrl(url, worker)), name);
    }
  } finally {
    await admin.end();
  }
  process.env.TEST_RUN_DATABASE_URL = url;
}

/**
 * Copies the migrated `template` to `copy`. Its commits do not wait for the WAL to reach the disk:
 * a test database need not survive a crash of the server, and the suites commit thousands of small
 * transactions side by side.
 */
export async function copyDatabase(admin: Client, copy: string, template: string): Promise<void> {
  await admin.query(`CREATE DATABASE "${copy}" TEMPLATE "${template}"`);
  await admin.query(`ALTER DATABASE "${copy}" SET synchronous_commit = off`);
}

/** Databases of earlier runs of this base whose process is gone (a run killed before its teardown). */
async function staleRunDatabases(admin: Client, name: string): Promise<string[]> {
  const prefix = name.replace(/_run\d+$/, '_run');
  const { rows } = await admin.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE starts_with(datname, $1)`,
    [prefix],
  );
  return rows
    .map((r) => r.datname)
    .filter((db) => {
      const run = runOfDatabase(db);
      return run !== undefined && !isRunning(run);
    });
}

export function databaseName(url: string): string {
  return new URL(url).pathname.slice(1);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
