import { Client } from 'pg';
import { copyDatabase, databaseName, withDatabase } from './global-setup';
import { suiteDatabaseUrl } from './run-database';

/**
 * A copy of the run's freshly migrated database for one suite alone (see suiteDatabaseUrl), made as
 * the workers' copies are; the suite points DATABASE_URL at it before starting the API and workers.
 * The run's teardown drops it if the suite could not.
 */
export class SuiteDatabase {
  private constructor(readonly url: string) {}

  static async create(purpose: string): Promise<SuiteDatabase> {
    const runUrl = process.env.TEST_RUN_DATABASE_URL;
    if (!runUrl) throw new Error('no run database: the e2e global setup makes it (test/support/global-setup.ts)');
    const url = suiteDatabaseUrl(runUrl, Number(process.env.JEST_WORKER_ID ?? 1), purpose);
    await administer(url, async (admin) => {
      await admin.query(`DROP DATABASE IF EXISTS "${databaseName(url)}" WITH (FORCE)`);
      await copyDatabase(admin, databaseName(url), databaseName(runUrl));
    });
    return new SuiteDatabase(url);
  }

  async drop(): Promise<void> {
    await administer(this.url, (admin) =>
      admin.query(`DROP DATABASE IF EXISTS "${databaseName(this.url)}" WITH (FORCE)`),
    );
  }
}

async function administer(url: string, work: (admin: Client) => Promise<unknown>): Promise<void> {
  const admin = new Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    await work(admin);
  } finally {
    await admin.end();
  }
}
