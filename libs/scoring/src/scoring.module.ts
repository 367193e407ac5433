import { Module } from '@nestjs/common';
import { ApplicationsModule } from '@app/applications';
import { CallsModule } from '@app/calls';
import { IdentityModule } from '@app/identity';
import { ScoringService } from './application/scoring.service';
import { CallStatisticsRepository } from './infrastructure/call-statistics.repository';
import { ScoringRepository } from './infrastructure/scoring.repository';

@Module({
  imports: [CallsModule, ApplicationsModule, IdentityModule],
  providers: [ScoringService, ScoringRepository, CallStatisticsRepository],
  exports: [ScoringService],
})
export class ScoringModule {}
