import { Client } from 'pg';
import { endLeftChildren } from './child-processes';
import { databaseName, withDatabase } from './global-setup';
import { runOfDatabase } from './run-database';

/**
 * Drops the run's database and its copies (see global-setup.ts); a crashed run's are dropped by the
 * next run's setup.
 */
export default async function globalTeardown(): Promise<void> {
  const left = endLeftChildren();
  // Said, not failed: the suites passed or failed on their own; this keeps the machine clean.
  if (left.length > 0) console.warn(`Ended ${left.length} process(es) their suites left running: ${left.join('; ')}`);
  const url = process.env.TEST_RUN_DATABASE_URL;
  if (!url || runOfDatabase(databaseName(url)) === undefined) return;
  const name = databaseName(url);
  const admin = new Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname = $1 OR starts_with(datname, $1 || '_w')`,
      [name],
    );
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
