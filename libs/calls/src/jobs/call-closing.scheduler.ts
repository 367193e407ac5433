import { Inject, Injectable, Module } from '@nestjs/common';
import { ConfigModule, ConfigType, registerAs } from '@nestjs/config';
import { IsInt, Min } from 'class-validator';
import { PeriodicTask, readEnv } from '@app/platform';
import { CallsService } from '../application/calls.service';
import { CallsModule } from '../calls.module';

class CallClosingEnv {
  /** How often the worker looks for calls past their deadline. */
  @IsInt()
  @Min(100)
  CALL_CLOSING_INTERVAL_MS: number = 5000;
}

const callClosingConfig = registerAs('callClosing', () => readEnv(CallClosingEnv));

/**
 * Closes calls at their deadline, in the worker. Submissions are refused from closesAt on anyway
 * (by the database clock); this only moves the status so that the secretariat can go on.
 */
@Injectable()
export class CallClosingScheduler extends PeriodicTask {
  protected readonly intervalMs: number;

  constructor(
    private readonly calls: CallsService,
    @Inject(callClosingConfig.KEY) config: ConfigType<typeof callClosingConfig>,
  ) {
    super();
    this.intervalMs = config.CALL_CLOSING_INTERVAL_MS;
  }

  /** Closes the calls past their deadline now (what the timer does). */
  closeDue(): Promise<void> {
    return this.runOnce();
  }

  protected async runDue(): Promise<Record<string, unknown> | undefined> {
    const closed = await this.calls.closeDueCalls();
    return closed.length > 0 ? { calls: closed } : undefined;
  }
}

/** Imported only by apps/worker. */
@Module({
  imports: [CallsModule, ConfigModule.forFeature(callClosingConfig)],
  providers: [CallClosingScheduler],
})
export class CallClosingModule {}
