import { Client } from 'pg';
import { MigrateCommand } from '../../apps/cli/src/commands/migrate.command';
import { MIGRATIONS } from '../../migrations';
import { TEST_DATABASE_URL } from '../support/test-env';

/**
 * The README's `npm run migrate` on a fresh server: the database DATABASE_URL names does not exist
 * yet; the command creates it, then applies every migration, and a second run changes nothing.
 */
describe('the migrate command', () => {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `${url.pathname}_migrate`;
  const name = decodeURIComponent(url.pathname.slice(1));
  const admin = new URL(TEST_DATABASE_URL);
  admin.pathname = '/postgres';
  let server: Client;
  let databaseUrl: string | undefined;

  beforeAll(async () => {
    server = new Client({ connectionString: admin.toString() });
    await server.connect();
    await server.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    databaseUrl = process.env.DATABASE_URL;
    process.env.DATABASE_URL = url.toString();
  });

  afterAll(async () => {
    process.env.DATABASE_URL = databaseUrl;
    await server.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await server.end();
  });

  it('creates the missing database, applies every migration, then finds the schema up to date', async () => {
    const first = await runMigrate();
    expect(first).toContain(`Created database ${name}\n`);
    expect(first).toContain(`Applied ${MIGRATIONS[0].name}`);

    const database = new Client({ connectionString: url.toString() });
    await database.connect();
    try {
      const applied = await database.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
      expect(applied.rows.map((row) => row.name)).toEqual(MIGRATIONS.map((m) => m.name).sort());
    } finally {
      await database.end();
    }

    expect(await runMigrate()).toBe('Schema up to date\n');
  });
});

/** What the command prints. */
async function runMigrate(): Promise<string> {
  const written: string[] = [];
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  try {
    await new MigrateCommand().run();
  } finally {
    write.mockRestore();
  }
  return written.join('');
}
