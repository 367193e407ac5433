import { Inject, Injectable, Module } from '@nestjs/common';
import { ConfigModule, ConfigType, registerAs } from '@nestjs/config';
import { IsInt, Min } from 'class-validator';
import { PeriodicTask, readEnv } from '@app/platform';
import { DeadlineRemindersService } from '../application/deadline-reminders.service';
import { ApplicationsModule } from '../applications.module';

class DeadlineRemindersEnv {
  /** How often the worker looks for applicants of drafts to remind of a call's deadline. */
  @IsInt()
  @Min(100)
  DRAFT_REMINDERS_INTERVAL_MS: number = 60_000;
}

const deadlineRemindersConfig = registerAs('deadlineReminders', () => readEnv(DeadlineRemindersEnv));

/** Reminds the applicants of drafts before the call's deadline, in the worker. */
@Injectable()
export class DeadlineRemindersScheduler extends PeriodicTask {
  protected readonly intervalMs: number;

  constructor(
    private readonly reminders: DeadlineRemindersService,
    @Inject(deadlineRemindersConfig.KEY) config: ConfigType<typeof deadlineRemindersConfig>,
  ) {
    super();
    this.intervalMs = config.DRAFT_REMINDERS_INTERVAL_MS;
  }

  protected async runDue(): Promise<Record<string, unknown> | undefined> {
    const sent = await this.reminders.sendDue();
    return sent > 0 ? { draftRemindersSent: sent } : undefined;
  }
}

/** Imported only by apps/worker. */
@Module({
  imports: [ApplicationsModule, ConfigModule.forFeature(deadlineRemindersConfig)],
  providers: [DeadlineRemindersScheduler],
})
export class DeadlineRemindersModule {}
