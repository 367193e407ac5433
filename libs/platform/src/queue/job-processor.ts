import { WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import type { Metrics } from '../metrics/metrics';
import type { JobMap } from '../outbox/events';

/** What the outbox adds to every job it relays: the row the job completes with its effect. */
export interface OutboxJobData {
  outboxId: string;
}

/** One handler per job of the map, given the job's payload as relayed (with its outbox row when it has one). */
export type JobHandlers<Jobs extends JobMap> = {
  [Name in keyof Jobs]: (data: Jobs[Name] & Partial<OutboxJobData>, job: Job) => Promise<unknown>;
};

/**
 * The one BullMQ worker of a queue, dispatching each job by name to the handler its job map
 * requires. Register it with `@Processor(queue, { autorun: false, ... })`: it starts taking jobs
 * only once the application has booted, after the worker checked every queue's processors.
 */
export abstract class JobProcessor<Jobs extends JobMap> extends WorkerHost implements OnApplicationBootstrap {
  protected abstract readonly handlers: JobHandlers<Jobs>;

  /** The job names this processor serves, for the boot check. */
  get jobNames(): string[] {
    return Object.keys(this.handlers);
  }

  onApplicationBootstrap(): void {
    const logger = new Logger(this.constructor.name);
    // BullMQ emits what goes wrong between jobs (a lost connection, a job's key gone after a stalled
    // run was taken over) as 'error': without a listener Node would throw it and end the process.
    this.worker.on('error', (error) => logger.warn({ err: error }, 'Worker error'));
    this.worker.run().catch((error: unknown) => logger.error({ err: error }, 'Worker stopped'));
  }

  process(job: Job): Promise<unknown> {
    return this.handle(job);
  }

  /** Runs the job's handler, its duration observed in `metrics` by queue, job name and outcome. */
  protected async handleTimed(job: Job, metrics: Metrics): Promise<unknown> {
    const stop = metrics.jobDuration.startTimer({ queue: job.queueName, name: job.name });
    try {
      const result = await this.handle(job);
      stop({ outcome: 'completed' });
      return result;
    } catch (error) {
      stop({ outcome: 'failed' });
      throw error;
    }
  }

  /** Runs the job's handler; a job of a name nobody serves fails at once, without retries. */
  protected handle(job: Job): Promise<unknown> {
    const handler = (this.handlers as Record<string, (data: unknown, job: Job) => Promise<unknown>>)[job.name];
    if (!handler) throw new UnrecoverableError(`No handler for job ${job.name} of queue ${job.queueName}`);
    return handler(job.data, job);
  }
}

/** A field the job needs; a job without it fails (and is retried) rather than acting on undefined. */
export function required<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('The job is missing a field of its payload');
  return value;
}
