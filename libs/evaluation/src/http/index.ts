import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { CallsModule } from '@app/calls';
import { EvaluationExport } from '../application/evaluation-export';
import { EvaluatorConfidenceQuery } from '../application/evaluator-confidence.query';
import { EvaluationModule } from '../evaluation.module';
import { EvaluationExportRepository } from '../infrastructure/evaluation-export.repository';
import { EvaluatorConfidenceRepository } from '../infrastructure/evaluator-confidence.repository';
import { AssignmentsController } from './assignments.controller';
import { EvaluationExportController } from './evaluation-export.controller';
import { EvaluatorConfidenceController } from './evaluator-confidence.controller';
import { ExpertiseController } from './expertise.controller';
import { PanelProgressController } from './panel-progress.controller';
import { PanelController } from './panel.controller';

/**
 * The evaluation context's HTTP edge, imported only by apps/api; the evaluations' export and the
 * evaluators' confidence serve only it.
 */
@Module({
  imports: [EvaluationModule, AuditModule, CallsModule],
  providers: [EvaluationExport, EvaluationExportRepository, EvaluatorConfidenceQuery, EvaluatorConfidenceRepository],
  controllers: [
    PanelController,
    PanelProgressController,
    AssignmentsController,
    EvaluationExportController,
    EvaluatorConfidenceController,
    ExpertiseController,
  ],
})
export class EvaluationHttpModule {}
