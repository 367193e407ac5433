import { Module } from '@nestjs/common';
import { ApplicationsHttpModule } from '@app/applications/http';
import { AuditHttpModule } from '@app/audit/http';
import { CallsHttpModule } from '@app/calls/http';
import { COHORTS_QUEUE } from '@app/cohorts';
import { CohortsHttpModule } from '@app/cohorts/http';
import { DiscussionHttpModule } from '@app/discussion/http';
import { EvaluationHttpModule } from '@app/evaluation/http';
import { ModerationHttpModule } from '@app/moderation/http';
import { NOTIFICATIONS_QUEUE } from '@app/notifications';
import { NotificationsHttpModule } from '@app/notifications/http';
import { SCORING_QUEUE, UNCERTAINTY_QUEUE } from '@app/scoring';
import { ScoringHttpModule } from '@app/scoring/http';
import { IdentityHttpModule } from '@app/identity/http';
import {
  HealthModule,
  MetricsModule,
  PlatformModule,
  QueueDashboardModule,
  QueueModule,
  RequestContextModule,
} from '@app/platform';

/** The HTTP API: platform plumbing plus each context's HTTP edge, and the queue dashboard. */
@Module({
  imports: [
    PlatformModule,
    RequestContextModule,
    HealthModule,
    MetricsModule,
    QueueModule,
    QueueDashboardModule.forQueues([SCORING_QUEUE, UNCERTAINTY_QUEUE, NOTIFICATIONS_QUEUE, COHORTS_QUEUE]),
    IdentityHttpModule,
    CallsHttpModule,
    ApplicationsHttpModule,
    EvaluationHttpModule,
    ScoringHttpModule,
    CohortsHttpModule,
    AuditHttpModule,
    NotificationsHttpModule,
    DiscussionHttpModule,
    ModerationHttpModule,
  ],
})
export class ApiModule {}
