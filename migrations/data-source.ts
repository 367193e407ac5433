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

/** PostgreSQL's SQLSTATEs: no database of that name; CREATE DATABASE of a name that exists (another process was first). */
const INVALID_CATALOG_NAME = '3D000';
const DUPLICATE_DATABASE = '42P04';

const sqlState = (error: unknown): string | undefined => (error as { code?: string }).code;

/**
 * Creates the database `url` names when its server has none by that name, so that a fresh server
 * needs no separate createdb. Only then does it connect to the server's `postgres` database (a
 * production role that may not is never asked to). Answers whether it created it.
 */
export async function createDatabaseIfMissing(url: string): Promise<boolean> {
  const probe = new Client({ connectionString: url });
  try {
    await probe.connect();
    return false;
  } catch (error) {
    if (sqlState(error) !== INVALID_CATALOG_NAME) throw error;
  } finally {
    await probe.end().catch(() => undefined);
  }
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  target.pathname = '/postgres';
  const admin = new Client({ connectionString: target.toString() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    return true;
  } catch (error) {
    if (sqlState(error) === DUPLICATE_DATABASE) return false;
    throw error;
  } finally {
    await admin.end();
  }
}
