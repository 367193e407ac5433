import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { Metrics } from '@app/platform';
import { ScoringService } from '../application/scoring.service';
import { ScoringModule } from '../scoring.module';
import { OutboxJobData, RescoreCallPayload, SCORING_JOBS, SCORING_QUEUE } from './scoring.jobs';

/** Parses the payload and makes one service call; the service is idempotent. */
@Processor(SCORING_QUEUE)
export class ScoringProcessor extends WorkerHost {
  constructor(
    private readonly scoring: ScoringService,
    private readonly metrics: Metrics,
  ) {
    super();
  }

  async process(job: Job<RescoreCallPayload & OutboxJobData>): Promise<void> {
    const stop = this.metrics.jobDuration.startTimer({ queue: SCORING_QUEUE, name: job.name });
    try {
      if (job.name !== SCORING_JOBS.rescoreCall) throw new Error(`Unknown scoring job ${job.name}`);
      await this.scoring.rescoreCall(job.data.callId);
      stop({ outcome: 'completed' });
    } catch (error) {
      stop({ outcome: 'failed' });
      throw error;
    }
  }
}

/** The scoring queue's processors, imported only by apps/worker. */
@Module({
  imports: [ScoringModule, BullModule.registerQueue({ name: SCORING_QUEUE })],
  providers: [ScoringProcessor],
})
export class ScoringJobsModule {}
