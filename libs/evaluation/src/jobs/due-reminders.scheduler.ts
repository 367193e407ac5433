import { Inject, Injectable, Module } from '@nestjs/common';
import { ConfigModule, ConfigType, registerAs } from '@nestjs/config';
import { IsInt, Min } from 'class-validator';
import { PeriodicTask, readEnv } from '@app/platform';
import { DueRemindersService } from '../application/due-reminders.service';
import { EvaluationModule } from '../evaluation.module';

class DueRemindersEnv {
  /** How often the worker looks for evaluators to remind of a due date. */
  @IsInt()
  @Min(100)
  EVALUATION_REMINDERS_INTERVAL_MS: number = 60_000;
}

const dueRemindersConfig = registerAs('dueReminders', () => readEnv(DueRemindersEnv));

/** Reminds evaluators with unfinished assignments before and after their stage's due date, in the worker. */
@Injectable()
export class DueRemindersScheduler extends PeriodicTask {
  protected readonly intervalMs: number;

  constructor(
    private readonly reminders: DueRemindersService,
    @Inject(dueRemindersConfig.KEY) config: ConfigType<typeof dueRemindersConfig>,
  ) {
    super();
    this.intervalMs = config.EVALUATION_REMINDERS_INTERVAL_MS;
  }

  protected async runDue(): Promise<Record<string, unknown> | undefined> {
    const sent = await this.reminders.sendDue();
    return sent > 0 ? { evaluationRemindersSent: sent } : undefined;
  }
}

/** Imported only by apps/worker. */
@Module({
  imports: [EvaluationModule, ConfigModule.forFeature(dueRemindersConfig)],
  providers: [DueRemindersScheduler],
})
export class DueRemindersModule {}
