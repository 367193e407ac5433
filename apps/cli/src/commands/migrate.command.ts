import { Command, CommandRunner } from 'nest-commander';
import { readEnv, PlatformEnv } from '@app/platform';
import { createDatabaseIfMissing, migrate } from '@app/migrations';

/** Creates the database DATABASE_URL names when it is missing, then applies the pending migrations. */
@Command({ name: 'migrate', description: 'Create the database if missing and apply pending migrations' })
export class MigrateCommand extends CommandRunner {
  async run(): Promise<void> {
    const { DATABASE_URL } = readEnv(PlatformEnv);
    if (await createDatabaseIfMissing(DATABASE_URL)) {
      process.stdout.write(`Created database ${decodeURIComponent(new URL(DATABASE_URL).pathname.slice(1))}\n`);
    }
    const ran = await migrate(DATABASE_URL);
    process.stdout.write(ran.length ? `Applied ${ran.join(', ')}\n` : 'Schema up to date\n');
  }
}
