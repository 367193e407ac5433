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
import { DeadlineRemindersModule } from '@app/applications/jobs';
import { CallClosingModule } from '@app/calls/jobs';
import {
  AgreementRemindersModule,
  COHORTS_RELAYED_QUEUES,
  CohortsJobsModule,
  OfferExpiryModule,
} from '@app/cohorts/jobs';
import { DueRemindersModule } from '@app/evaluation/jobs';
import { NOTIFICATIONS_RELAYED_QUEUES, NotificationsJobsModule } from '@app/notifications/jobs';
import { SCORING_RELAYED_QUEUES, ScoringJobsModule } from '@app/scoring/jobs';

/**
 * Background work: the outbox relay, the queues' processors (scoring, notifications, the cohorts'
 * subscription to copied calls), the closing of calls, the reminders of due dates and deadlines, the
 * expiry of offers and the reminders of unsigned agreements, plus health endpoints.
 */
@Module({
  imports: [
    PlatformModule,
    BackgroundDatabaseWorkloadModule,
    HealthModule,
    MetricsModule,
    QueueModule,
    OutboxRelayModule.forQueues([
      ...SCORING_RELAYED_QUEUES,
      ...NOTIFICATIONS_RELAYED_QUEUES,
      ...COHORTS_RELAYED_QUEUES,
    ]),
    JobRoutingModule,
    ScoringJobsModule,
    NotificationsJobsModule,
    CohortsJobsModule,
    CallClosingModule,
    DueRemindersModule,
    DeadlineRemindersModule,
    OfferExpiryModule,
    AgreementRemindersModule,
  ],
})
export class WorkerModule {}
