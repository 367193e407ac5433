import { Client } from 'pg';
import { withDatabase } from './global-setup';

/** Drops the run's database (see global-setup.ts); a crashed run's is dropped by its next run of the same pid. */
export default async function globalTeardown(): Promise<void> {
  const url = process.env.TEST_RUN_DATABASE_URL;
  if (!url || !/_run\d+$/.test(new URL(url).pathname)) return;
  const admin = new Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
