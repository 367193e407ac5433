import { Client } from 'pg';
import { migrate } from '../../migrations/data-source';

/** Helpers of the benches that own a database. */

export async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

/** A database of the bench's own, created when missing, settings reset, with a fresh migrated schema. */
export async function freshDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const admin = await connect(url.toString());
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    const quoted = `"${name.replace(/"/g, '""')}"`;
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE ${quoted}`);
    else await admin.query(`ALTER DATABASE ${quoted} RESET ALL`);
  } finally {
    await admin.end();
  }
  const db = await connect(databaseUrl);
  try {
    await db.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  } finally {
    await db.end();
  }
  await migrate(databaseUrl);
}
