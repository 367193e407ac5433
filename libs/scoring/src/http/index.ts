import { Module } from '@nestjs/common';
import { CallsModule } from '@app/calls';
import { RankingQuery } from '../application/ranking.query';
import { RankingRepository } from '../infrastructure/ranking.repository';
import { ScoringModule } from '../scoring.module';
import { ScoringRunsController } from './scoring-runs.controller';
import { ScoringController } from './scoring.controller';

/** The scoring context's HTTP edge, imported only by apps/api; the ranking's read model serves only it. */
@Module({
  imports: [ScoringModule, CallsModule],
  providers: [RankingQuery, RankingRepository],
  controllers: [ScoringController, ScoringRunsController],
})
export class ScoringHttpModule {}
