import { Module } from '@nestjs/common';
import {
  BackgroundDatabaseWorkloadModule,
  HealthModule,
  JobRoutingModule,
  MetricsModule,
  OutboxRelayModule,
  PlatformModule,
  QueueModule,
} from '@app/platform';
import { CallClosingModule } from '@app/calls/jobs';
import { NOTIFICATIONS_RELAYED_QUEUES, NotificationsJobsModule } from '@app/notifications/jobs';
import { SCORING_RELAYED_QUEUES, ScoringJobsModule } from '@app/scoring/jobs';

/** Background work: the outbox relay, the queues' processors and the closing of calls, plus health endpoints. */
@Module({
  imports: [
    PlatformModule,
    BackgroundDatabaseWorkloadModule,
    HealthModule,
    MetricsModule,
    QueueModule,
    OutboxRelayModule.forQueues([...SCORING_RELAYED_QUEUES, ...NOTIFICATIONS_RELAYED_QUEUES]),
    JobRoutingModule,
    ScoringJobsModule,
    NotificationsJobsModule,
    CallClosingModule,
  ],
})
export class WorkerModule {}
