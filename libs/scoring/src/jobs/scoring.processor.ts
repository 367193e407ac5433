import { BullModule, OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { Inject, Logger, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import type { Job } from 'bullmq';
import { APPLICATION_EVENTS } from '@app/applications';
import { CALL_EVENTS } from '@app/calls';
import { JobHandlers, JobProcessor, Metrics, OutboxJobData, required } from '@app/platform';
import { ScoringRunsService } from '../application/scoring-runs.service';
import { ScoringService } from '../application/scoring.service';
import { ScoringModule } from '../scoring.module';
import { SCORING_FLOW, ScoringRunLauncher } from './scoring-run.launcher';
import { ScoringJobsConfig, scoringJobsConfig } from './scoring-jobs.config';
import { SCORING_JOBS, SCORING_QUEUE, ScoringJobs, UNCERTAINTY_QUEUE } from './scoring.jobs';
import { UncertaintyProcessor } from './uncertainty.processor';

type ScoringJob = Job<{ runId?: string }>;

/**
 * The scoring queue's one worker: each job, its own or an event it subscribes to, goes to one
 * handler that makes one service call; every service step is idempotent. The lock is shorter than
 * BullMQ's default so that the jobs of a killed worker are taken up again within seconds (the jobs
 * wait on SQL, never block the event loop, so renewing the lock is cheap).
 */
@Processor(SCORING_QUEUE, { lockDuration: 10_000, stalledInterval: 5_000, autorun: false })
export class ScoringProcessor extends JobProcessor<ScoringJobs> {
  private readonly logger = new Logger(ScoringProcessor.name);

  protected readonly handlers: JobHandlers<ScoringJobs> = {
    [SCORING_JOBS.rescoreCall]: (data) => this.rescore(data),
    [SCORING_JOBS.fullRun]: ({ runId }) => this.launcher.launch(required(runId)),
    [SCORING_JOBS.scoreChunk]: ({ runId, chunk }) => this.runs.scoreChunk(required(runId), required(chunk)),
    [SCORING_JOBS.finishRun]: ({ runId }) => this.runs.finish(required(runId)),
    // An application leaving or entering the ranking changes ranks only: a rescoring serves it.
    [APPLICATION_EVENTS.withdrawn]: (data) => this.rescore(data),
    [APPLICATION_EVENTS.eligibilityOverridden]: (data) => this.rescore(data),
    [CALL_EVENTS.reweighted]: async ({ callId, outboxId }) =>
      this.launcher.launch(await this.runs.startForEvent(required(callId), required(outboxId))),
  };

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
  override onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.SCORING_CONCURRENCY;
    super.onApplicationBootstrap();
  }

  override process(job: Job): Promise<unknown> {
    return this.handleTimed(job, this.metrics);
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

  private async rescore({ callId, outboxId }: { callId: string } & Partial<OutboxJobData>) {
    return { computed: await this.scoring.rescoreCall(required(callId), required(outboxId)) };
  }
}

/** The queues scoring processes, for the worker's relay. */
export const SCORING_RELAYED_QUEUES = [SCORING_QUEUE, UNCERTAINTY_QUEUE];

/** The scoring queue's processor, imported only by apps/worker. */
@Module({
  imports: [
    ScoringModule,
    ConfigModule.forFeature(scoringJobsConfig),
    BullModule.registerQueue({ name: SCORING_QUEUE }),
    BullModule.registerQueue({ name: UNCERTAINTY_QUEUE }),
    BullModule.registerFlowProducer({ name: SCORING_FLOW }),
  ],
  providers: [ScoringProcessor, UncertaintyProcessor, ScoringRunLauncher],
})
export class ScoringJobsModule {}
