import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { CallsModule } from '@app/calls';
import { EvaluationExport } from '../application/evaluation-export';
import { EvaluationModule } from '../evaluation.module';
import { EvaluationExportRepository } from '../infrastructure/evaluation-export.repository';
import { AssignmentsController } from './assignments.controller';
import { EvaluationExportController } from './evaluation-export.controller';
import { PanelProgressController } from './panel-progress.controller';
import { PanelController } from './panel.controller';

/** The evaluation context's HTTP edge, imported only by apps/api; the evaluations' export serves only it. */
@Module({
  imports: [EvaluationModule, AuditModule, CallsModule],
  providers: [EvaluationExport, EvaluationExportRepository],
  controllers: [PanelController, PanelProgressController, AssignmentsController, EvaluationExportController],
})
export class EvaluationHttpModule {}
