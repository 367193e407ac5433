import { Module } from '@nestjs/common';
import { HealthModule, MetricsModule, OutboxRelayModule, PlatformModule, QueueModule } from '@app/platform';
import { CallClosingModule } from '@app/calls/jobs';
import { SCORING_QUEUE } from '@app/scoring';
import { ScoringJobsModule } from '@app/scoring/jobs';

/** Background work: the outbox relay, the queues' processors and the closing of calls, plus health endpoints. */
@Module({
  imports: [
    PlatformModule,
    HealthModule,
    MetricsModule,
    QueueModule,
    OutboxRelayModule.forQueues([SCORING_QUEUE]),
    ScoringJobsModule,
    CallClosingModule,
  ],
})
export class WorkerModule {}
