import { Module } from '@nestjs/common';
import { ScoringModule } from '../scoring.module';
import { ScoringRunsController } from './scoring-runs.controller';
import { ScoringController } from './scoring.controller';

/** The scoring context's HTTP edge, imported only by apps/api. */
@Module({ imports: [ScoringModule], controllers: [ScoringController, ScoringRunsController] })
export class ScoringHttpModule {}
