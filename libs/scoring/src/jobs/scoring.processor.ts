import { BullModule, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import type { Job } from 'bullmq';
import { APPLICATION_EVENTS_QUEUE, ApplicationEventPayload } from '@app/applications';
import { CALL_EVENTS, CALL_EVENTS_QUEUE, CallEventPayload } from '@app/calls';
import { Metrics } from '@app/platform';
import { ScoringRunsService } from '../application/scoring-runs.service';
import { ScoringService } from '../application/scoring.service';
import { ScoringModule } from '../scoring.module';
import { SCORING_FLOW, ScoringRunLauncher } from './scoring-run.launcher';
import { ScoringJobsConfig, scoringJobsConfig } from './scoring-jobs.config';
import {
  FinishRunPayload,
  FullRunPayload,
  OutboxJobData,
  RescoreCallPayload,
  SCORING_JOBS,
  SCORING_QUEUE,
  ScoreChunkPayload,
} from './scoring.jobs';

type ScoringJob = Job<
  Partial<RescoreCallPayload & FullRunPayload & ScoreChunkPayload & FinishRunPayload & OutboxJobData>
>;

/**
 * Parses the payload and makes one service call; every service step is idempotent. The lock is
 * shorter than BullMQ's default so that the jobs of a killed worker are taken up again within
 * seconds (the jobs wait on SQL, never block the event loop, so renewing the lock is cheap).
 */
@Processor(SCORING_QUEUE, { lockDuration: 10_000, stalledInterval: 5_000 })
export class ScoringProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(ScoringProcessor.name);

  constructor(
    private readonly scoring: ScoringService,
    private readonly runs: ScoringRunsService,
    private readonly launcher: ScoringRunLauncher,
    private readonly metrics: Metrics,
    @Inject(scoringJobsConfig.KEY) private readonly config: ScoringJobsConfig,
  ) {
    super();
  }

  /** The BullMQ worker exists once the module has started; its concurrency is ours to set. */
  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.SCORING_CONCURRENCY;
  }

  async process(job: ScoringJob): Promise<{ computed: boolean } | void> {
    const stop = this.metrics.jobDuration.startTimer({ queue: SCORING_QUEUE, name: job.name });
    try {
      const result = await this.dispatch(job);
      stop({ outcome: 'completed' });
      return result;
    } catch (error) {
      stop({ outcome: 'failed' });
      throw error;
    }
  }

  /** A step of a full run that failed past its retries fails the run, visibly. */
  @OnWorkerEvent('failed')
  async onFailed(job: ScoringJob | undefined, error: Error): Promise<void> {
    if (!job?.data.runId || job.attemptsMade < (job.opts.attempts ?? 1)) return;
    this.logger.error({ err: error, jobId: job.id, runId: job.data.runId }, 'Scoring run step failed for good');
    await this.runs.fail(job.data.runId, `${job.name}: ${error.message}`).catch((failure: unknown) => {
      this.logger.error({ err: failure, runId: job.data.runId }, 'Could not record the failed scoring run');
    });
  }

  private async dispatch(job: ScoringJob): Promise<{ computed: boolean } | void> {
    const { callId, runId, chunk, outboxId } = job.data;
    switch (job.name) {
      case SCORING_JOBS.rescoreCall:
        return { computed: await this.scoring.rescoreCall(required(callId), required(outboxId)) };
      case SCORING_JOBS.fullRun:
        return this.launcher.launch(required(runId));
      case SCORING_JOBS.scoreChunk:
        return this.runs.scoreChunk(required(runId), required(chunk));
      case SCORING_JOBS.finishRun:
        return this.runs.finish(required(runId));
      default:
        throw new Error(`Unknown scoring job ${job.name}`);
    }
  }
}

/** Scoring's subscription to the applications context's events: a ranking without the withdrawn, with the newly eligible. */
@Processor(APPLICATION_EVENTS_QUEUE)
export class ApplicationEventsProcessor extends WorkerHost {
  constructor(private readonly scoring: ScoringService) {
    super();
  }

  async process(job: Job<ApplicationEventPayload & OutboxJobData>): Promise<void> {
    await this.scoring.rescoreCall(job.data.callId, job.data.outboxId);
  }
}

/** Scoring's subscription to the calls context's events: a reweighting starts a full run. */
@Processor(CALL_EVENTS_QUEUE)
export class CallEventsProcessor extends WorkerHost {
  constructor(
    private readonly runs: ScoringRunsService,
    private readonly launcher: ScoringRunLauncher,
  ) {
    super();
  }

  async process(job: Job<CallEventPayload & OutboxJobData>): Promise<void> {
    if (job.name !== CALL_EVENTS.reweighted) return;
    await this.launcher.launch(await this.runs.startForEvent(job.data.callId, job.data.outboxId));
  }
}

function required<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('The job is missing a field of its payload');
  return value;
}

/** The queues scoring processes, for the worker's relay. */
export const SCORING_RELAYED_QUEUES = [SCORING_QUEUE, CALL_EVENTS_QUEUE, APPLICATION_EVENTS_QUEUE];

/** The scoring queue's processors, imported only by apps/worker. */
@Module({
  imports: [
    ScoringModule,
    ConfigModule.forFeature(scoringJobsConfig),
    BullModule.registerQueue(...SCORING_RELAYED_QUEUES.map((name) => ({ name }))),
    BullModule.registerFlowProducer({ name: SCORING_FLOW }),
  ],
  providers: [ScoringProcessor, CallEventsProcessor, ApplicationEventsProcessor, ScoringRunLauncher],
})
export class ScoringJobsModule {}
