import { Module } from '@nestjs/common';
import { ApplicationsHttpModule } from '@app/applications/http';
import { AuditHttpModule } from '@app/audit/http';
import { CallsHttpModule } from '@app/calls/http';
import { EvaluationHttpModule } from '@app/evaluation/http';
import { ScoringHttpModule } from '@app/scoring/http';
import { IdentityHttpModule } from '@app/identity/http';
import { HealthModule, MetricsModule, PlatformModule, RequestContextModule } from '@app/platform';

/** The HTTP API: platform plumbing plus each context's HTTP edge. */
@Module({
  imports: [
    PlatformModule,
    RequestContextModule,
    HealthModule,
    MetricsModule,
    IdentityHttpModule,
    CallsHttpModule,
    ApplicationsHttpModule,
    EvaluationHttpModule,
    ScoringHttpModule,
    AuditHttpModule,
  ],
})
export class ApiModule {}
