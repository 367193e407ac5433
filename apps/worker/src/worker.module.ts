import { Module } from '@nestjs/common';
import { HealthModule, OutboxRelayModule, PlatformModule, QueueModule } from '@app/platform';
import { SCORING_QUEUE } from '@app/scoring';
import { ScoringJobsModule } from '@app/scoring/jobs';

/** Background work: the outbox relay and the queues' processors, plus health endpoints. */
@Module({
  imports: [PlatformModule, HealthModule, QueueModule, OutboxRelayModule.forQueues([SCORING_QUEUE]), ScoringJobsModule],
})
export class WorkerModule {}
