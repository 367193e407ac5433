import { Command, CommandRunner } from 'nest-commander';
import { readEnv, PlatformEnv } from '@app/platform';
import { migrate } from '@app/migrations';

@Command({ name: 'migrate', description: 'Apply pending database migrations' })
export class MigrateCommand extends CommandRunner {
  async run(): Promise<void> {
    const { DATABASE_URL } = readEnv(PlatformEnv);
    const ran = await migrate(DATABASE_URL);
    process.stdout.write(ran.length ? `Applied ${ran.join(', ')}\n` : 'Schema up to date\n');
  }
}
