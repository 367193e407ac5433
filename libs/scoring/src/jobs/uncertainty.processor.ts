import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobHandlers, JobProcessor, Metrics, required } from '@app/platform';
import { FinalRankingUncertaintyService } from '../application/final-ranking-uncertainty.service';
import { RankUncertaintyService } from '../application/rank-uncertainty.service';
import { ScoringJobsConfig, scoringJobsConfig } from './scoring-jobs.config';
import { UNCERTAINTY_JOBS, UNCERTAINTY_QUEUE, UncertaintyJobs } from './scoring.jobs';

/**
 * The bootstrap of calibrated stages' ranks and of weighted final rankings, one at a time per worker: a long job that yields to the
 * event loop between replicates, so its lock is renewed and the worker's other queues keep running.
 * Idempotent: it recomputes from the fit kept in the database and keeps nothing once the fit moved on.
 */
@Processor(UNCERTAINTY_QUEUE, { lockDuration: 30_000, stalledInterval: 15_000, autorun: false, concurrency: 1 })
export class UncertaintyProcessor extends JobProcessor<UncertaintyJobs> {
  protected readonly handlers: JobHandlers<UncertaintyJobs> = {
    [UNCERTAINTY_JOBS.bootstrapRanks]: async ({ callId, stage, outboxId }) => ({
      computed: await this.uncertainty.compute(
        required(callId),
        required(stage),
        required(outboxId),
        this.config.SCORING_BOOTSTRAP_REPLICATES,
      ),
    }),
    [UNCERTAINTY_JOBS.bootstrapFinalRanking]: async ({ callId, outboxId }) => ({
      computed: await this.finalRanking.compute(
        required(callId),
        required(outboxId),
        this.config.SCORING_BOOTSTRAP_REPLICATES,
      ),
    }),
  };

  constructor(
    private readonly uncertainty: RankUncertaintyService,
    private readonly finalRanking: FinalRankingUncertaintyService,
    private readonly metrics: Metrics,
    @Inject(scoringJobsConfig.KEY) private readonly config: ScoringJobsConfig,
  ) {
    super();
  }

  override process(job: Job): Promise<unknown> {
    return this.handleTimed(job, this.metrics);
  }
}
