import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from './index';

/** A connection that only runs migrations; the apps' connections never change the schema. */
export function migrationDataSource(url: string): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
  });
}

/** Applies every pending migration; returns the names of those it ran. */
export async function migrate(url: string): Promise<string[]> {
  const dataSource = await migrationDataSource(url).initialize();
  try {
    const ran = await dataSource.runMigrations();
    return ran.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

/** PostgreSQL's SQLSTATE for CREATE DATABASE of a name that exists (another process was first). */
const DUPLICATE_DATABASE = '42P04';

/**
 * Creates the database `url` names when its server has none by that name, so that a fresh server
 * needs no separate createdb; connects to the server's `postgres` database for that. Answers
 * whether it created it.
 */
export async function createDatabaseIfMissing(url: string): Promise<boolean> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  target.pathname = '/postgres';
  const admin = new Client({ connectionString: target.toString() });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount !== 0) return false;
    await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === DUPLICATE_DATABASE) return false;
    throw error;
  } finally {
    await admin.end();
  }
}
