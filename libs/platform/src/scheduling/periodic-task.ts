import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

/**
 * Work the worker repeats on a timer, whose every run asks the database what is due (DESIGN.md §8):
 * any number of workers may run it at once, the database deciding which one does each piece, so no
 * process has to be the only one and Redis holds nothing of it. A process starts a run only once its
 * previous one has ended; a failed run is logged and the next one tries again.
 */
export abstract class PeriodicTask implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(this.constructor.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  /** How long between two runs, in milliseconds. */
  protected abstract readonly intervalMs: number;

  /** One run: does what is due now and answers what to log, or nothing when there was nothing to do. */
  protected abstract runDue(): Promise<Record<string, unknown> | undefined>;

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.runOnce().finally(() => (this.running = undefined));
    }, this.intervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One run now, as the timer makes it; never throws. */
  async runOnce(): Promise<void> {
    try {
      const done = await this.runDue();
      if (done) this.logger.log(done, 'Done what was due');
    } catch (error) {
      this.logger.warn({ err: error }, 'Could not do what was due; will retry');
    }
  }
}
