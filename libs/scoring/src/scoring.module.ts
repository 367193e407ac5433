import { Module } from '@nestjs/common';
import { ApplicationsModule } from '@app/applications';
import { AuditModule } from '@app/audit';
import { CallsModule } from '@app/calls';
import { IdentityModule } from '@app/identity';
import { Subscriptions } from '@app/platform';
import { ScoringRunsService } from './application/scoring-runs.service';
import { ScoringService } from './application/scoring.service';
import { CallStatisticsRepository } from './infrastructure/call-statistics.repository';
import { CalibrationRepository } from './infrastructure/calibration.repository';
import { FinalRankingUncertaintyRepository } from './infrastructure/final-ranking-uncertainty.repository';
import { ScoringRunsRepository } from './infrastructure/scoring-runs.repository';
import { ScoringRepository } from './infrastructure/scoring.repository';
import { FinalRankingUncertaintyService } from './application/final-ranking-uncertainty.service';
import { RankUncertaintyService } from './application/rank-uncertainty.service';
import { SCORING_QUEUE_JOBS, UNCERTAINTY_QUEUE_JOBS } from './jobs/scoring.jobs';

@Module({
  imports: [
    CallsModule,
    ApplicationsModule,
    IdentityModule,
    AuditModule,
    Subscriptions.declare(SCORING_QUEUE_JOBS),
    Subscriptions.declare(UNCERTAINTY_QUEUE_JOBS),
  ],
  providers: [
    ScoringService,
    ScoringRunsService,
    RankUncertaintyService,
    ScoringRepository,
    ScoringRunsRepository,
    CalibrationRepository,
    FinalRankingUncertaintyRepository,
    FinalRankingUncertaintyService,
    CallStatisticsRepository,
  ],
  exports: [ScoringService, ScoringRunsService, RankUncertaintyService, FinalRankingUncertaintyService],
})
export class ScoringModule {}
