import { BullModule, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Module, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigModule, ConfigType, registerAs } from '@nestjs/config';
import { IsInt, Max, Min } from 'class-validator';
import type { Job } from 'bullmq';
import { CALL_EVENTS, CALL_EVENTS_QUEUE, CallEventPayload } from '@app/calls';
import { Metrics, readEnv } from '@app/platform';
import { ScoringService } from '../application/scoring.service';
import { ScoringModule } from '../scoring.module';
import { OutboxJobData, RescoreCallPayload, SCORING_JOBS, SCORING_QUEUE } from './scoring.jobs';

class ScoringJobsEnv {
  /** Scoring jobs one worker runs at once (runs of one call wait for each other in the database). */
  @IsInt()
  @Min(1)
  @Max(64)
  SCORING_CONCURRENCY: number = 2;
}

const scoringJobsConfig = registerAs('scoringJobs', () => readEnv(ScoringJobsEnv));

/** Parses the payload and makes one service call; the service is idempotent. */
@Processor(SCORING_QUEUE)
export class ScoringProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly scoring: ScoringService,
    private readonly metrics: Metrics,
    @Inject(scoringJobsConfig.KEY) private readonly config: ConfigType<typeof scoringJobsConfig>,
  ) {
    super();
  }

  /** The BullMQ worker exists once the module has started; its concurrency is ours to set. */
  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.SCORING_CONCURRENCY;
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
  imports: [
    ScoringModule,
    ConfigModule.forFeature(scoringJobsConfig),
    BullModule.registerQueue({ name: SCORING_QUEUE }, { name: CALL_EVENTS_QUEUE }),
  ],
  providers: [ScoringProcessor, CallEventsProcessor],
})
export class ScoringJobsModule {}
