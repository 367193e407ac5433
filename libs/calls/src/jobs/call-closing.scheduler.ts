import { Inject, Injectable, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigModule, ConfigType, registerAs } from '@nestjs/config';
import { IsInt, Min } from 'class-validator';
import { readEnv } from '@app/platform';
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
export class CallClosingScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CallClosingScheduler.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly calls: CallsService,
    @Inject(callClosingConfig.KEY) private readonly config: ConfigType<typeof callClosingConfig>,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.closeDue().finally(() => (this.running = undefined));
    }, this.config.CALL_CLOSING_INTERVAL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  async closeDue(): Promise<void> {
    try {
      const closed = await this.calls.closeDueCalls();
      if (closed.length > 0) this.logger.log({ calls: closed }, 'Closed calls at their deadline');
    } catch (error) {
      this.logger.warn({ err: error }, 'Could not close due calls; will retry');
    }
  }
}

/** Imported only by apps/worker. */
@Module({
  imports: [CallsModule, ConfigModule.forFeature(callClosingConfig)],
  providers: [CallClosingScheduler],
})
export class CallClosingModule {}
