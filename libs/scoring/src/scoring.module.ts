import { Module } from '@nestjs/common';
import { ApplicationsModule } from '@app/applications';
import { AuditModule } from '@app/audit';
import { CallsModule } from '@app/calls';
import { IdentityModule } from '@app/identity';
import { ScoringRunsService } from './application/scoring-runs.service';
import { ScoringService } from './application/scoring.service';
import { CallStatisticsRepository } from './infrastructure/call-statistics.repository';
import { ScoringRunsRepository } from './infrastructure/scoring-runs.repository';
import { ScoringRepository } from './infrastructure/scoring.repository';

@Module({
  imports: [CallsModule, ApplicationsModule, IdentityModule, AuditModule],
  providers: [ScoringService, ScoringRunsService, ScoringRepository, ScoringRunsRepository, CallStatisticsRepository],
  exports: [ScoringService, ScoringRunsService],
})
export class ScoringModule {}
