import { Client } from 'pg';
import { createDatabaseIfMissing, migrate } from '../../migrations/data-source';

/** Helpers of the benches that own a database. */

export async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

/** A database of the bench's own, created when missing, settings reset, with a fresh migrated schema. */
export async function freshDatabase(databaseUrl: string): Promise<void> {
  await createDatabaseIfMissing(databaseUrl);
  const db = await connect(databaseUrl);
  try {
    // An earlier experiment may have left settings on the database; they apply from the next session on.
    const { rows } = await db.query<{ name: string }>('SELECT current_database() AS name');
    await db.query(`ALTER DATABASE "${rows[0].name.replace(/"/g, '""')}" RESET ALL`);
    await db.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  } finally {
    await db.end();
  }
  await migrate(databaseUrl);
}
