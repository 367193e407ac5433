import { Client } from 'pg';
import { migrate } from '../../migrations/data-source';
import { runDatabaseUrl } from './run-database';

/**
 * A database of this jest run's own, freshly migrated as production would be: runs started side by
 * side (a developer's and CI's, or two terminals) never drop each other's data. The suites read its
 * URL from TEST_RUN_DATABASE_URL, which the workers inherit; global-teardown.ts drops it.
 */
export default async function globalSetup(): Promise<void> {
  // Several projects of one run may ask for it (end-to-end, browser): the first one makes it.
  if (process.env.TEST_RUN_DATABASE_URL) return;
  const url = runDatabaseUrl();
  const name = new URL(url).pathname.slice(1);
  const admin = new Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    for (const stale of await staleRunDatabases(admin, name)) {
      await admin.query(`DROP DATABASE IF EXISTS "${stale}" WITH (FORCE)`);
    }
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  await migrate(url);
  process.env.TEST_RUN_DATABASE_URL = url;
}

/** Databases of earlier runs of this base whose process is gone (a run killed before its teardown). */
async function staleRunDatabases(admin: Client, name: string): Promise<string[]> {
  const prefix = name.replace(/_run\d+$/, '_run');
  const { rows } = await admin.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE starts_with(datname, $1)`,
    [prefix],
  );
  return rows.map((r) => r.datname).filter((db) => !isRunning(Number(db.slice(prefix.length))));
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
