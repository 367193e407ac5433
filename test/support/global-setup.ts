import { Client } from 'pg';
import { migrate } from '../../migrations/data-source';
import { TEST_DATABASE_URL } from './test-env';

/** A fresh schema for every run: drop everything, then apply the migrations as production would. */
export default async function globalSetup(): Promise<void> {
  const client = new Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  } finally {
    await client.end();
  }
  await migrate(TEST_DATABASE_URL);
}
