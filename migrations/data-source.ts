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
