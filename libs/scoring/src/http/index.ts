import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { CallsModule } from '@app/calls';
import { RankingExport } from '../application/ranking-export';
import { RankingQuery } from '../application/ranking.query';
import { RankingRepository } from '../infrastructure/ranking.repository';
import { ScoringModule } from '../scoring.module';
import { ScoringRunsController } from './scoring-runs.controller';
import { ScoringController } from './scoring.controller';

/** The scoring context's HTTP edge, imported only by apps/api; the ranking's read model and its export serve only it. */
@Module({
  imports: [ScoringModule, AuditModule, CallsModule],
  providers: [RankingQuery, RankingExport, RankingRepository],
  controllers: [ScoringController, ScoringRunsController],
})
export class ScoringHttpModule {}
