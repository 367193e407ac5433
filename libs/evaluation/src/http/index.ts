import { Module } from '@nestjs/common';
import { EvaluationModule } from '../evaluation.module';
import { AssignmentsController } from './assignments.controller';
import { PanelProgressController } from './panel-progress.controller';
import { PanelController } from './panel.controller';

/** The evaluation context's HTTP edge, imported only by apps/api. */
@Module({ imports: [EvaluationModule], controllers: [PanelController, PanelProgressController, AssignmentsController] })
export class EvaluationHttpModule {}
