import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { CALL_EVENTS, CALL_EVENTS_QUEUE, CallEventPayload } from '@app/calls';
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

/** Scoring's subscription to the calls context's events: a reweighting rescores the call. */
@Processor(CALL_EVENTS_QUEUE)
export class CallEventsProcessor extends WorkerHost {
  constructor(private readonly scoring: ScoringService) {
    super();
  }

  async process(job: Job<CallEventPayload & OutboxJobData>): Promise<void> {
    if (job.name === CALL_EVENTS.reweighted) await this.scoring.rescoreCall(job.data.callId);
  }
}

/** The queues scoring processes, for the worker's relay. */
export const SCORING_RELAYED_QUEUES = [SCORING_QUEUE, CALL_EVENTS_QUEUE];

/** The scoring queue's processors, imported only by apps/worker. */
@Module({
  imports: [ScoringModule, BullModule.registerQueue({ name: SCORING_QUEUE }, { name: CALL_EVENTS_QUEUE })],
  providers: [ScoringProcessor, CallEventsProcessor],
})
export class ScoringJobsModule {}
