import { Module } from '@nestjs/common';
import { ApplicationsHttpModule } from '@app/applications/http';
import { AuditHttpModule } from '@app/audit/http';
import { CALL_EVENTS_QUEUE } from '@app/calls';
import { CallsHttpModule } from '@app/calls/http';
import { EvaluationHttpModule } from '@app/evaluation/http';
import { SCORING_QUEUE } from '@app/scoring';
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
    QueueDashboardModule.forQueues([SCORING_QUEUE, CALL_EVENTS_QUEUE]),
    IdentityHttpModule,
    CallsHttpModule,
    ApplicationsHttpModule,
    EvaluationHttpModule,
    ScoringHttpModule,
    AuditHttpModule,
  ],
})
export class ApiModule {}
