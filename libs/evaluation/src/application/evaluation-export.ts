import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { CallsService, stageAt } from '@app/calls';
import { AuthUser, ExportColumn, ExportFormat, ExportTable } from '@app/platform';
import { EvaluationExportRepository, ExportedEvaluation } from '../infrastructure/evaluation-export.repository';

/** Rows read from the database at a time: enough to stream, few enough to keep memory flat. */
const EXPORT_BATCH_SIZE = 1000;

const LEADING: ReadonlyArray<ExportColumn<ExportedEvaluation>> = [
  { header: 'assignment_id', cell: (e) => e.assignmentId },
  { header: 'evaluator_id', cell: (e) => e.evaluatorId },
  { header: 'evaluator', cell: (e) => e.evaluatorName },
  { header: 'application_id', cell: (e) => e.applicationId },
  { header: 'organisation', cell: (e) => e.organisation },
  { header: 'country_code', cell: (e) => e.countryCode },
  { header: 'status', cell: (e) => e.status },
  { header: 'confidence', cell: (e) => e.confidence },
];

const TRAILING: ReadonlyArray<ExportColumn<ExportedEvaluation>> = [
  { header: 'overall_comment', cell: (e) => e.overallComment },
  { header: 'submitted_at', cell: (e) => e.submittedAt },
];

/** The secretariat's export of a stage's evaluations: every assignment with each of the stage's criteria scored and commented. */
@Injectable()
export class EvaluationExport {
  constructor(
    private readonly evaluations: EvaluationExportRepository,
    private readonly calls: CallsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * A row per assignment of the stage (1 unless given), two columns per criterion of the stage in its
   * order; audited before any row is read.
   */
  async table(
    actor: AuthUser,
    callId: string,
    format: ExportFormat,
    stage = 1,
  ): Promise<ExportTable<ExportedEvaluation>> {
    const { criteria: stageCriteria } = stageAt(await this.calls.get(callId), stage);
    await this.audit.recordAlone({
      actorId: actor.id,
      action: 'call.evaluations_exported',
      entityType: 'call',
      entityId: callId,
      // A call of one stage is audited as before stages.
      after: stage === 1 ? { format } : { format, stage },
    });
    const criteria = stageCriteria.flatMap(({ code }): Array<ExportColumn<ExportedEvaluation>> => [
      { header: `${code}.score`, cell: (e) => e.scores[code]?.score ?? null },
      { header: `${code}.comment`, cell: (e) => e.scores[code]?.comment ?? null },
    ]);
    return {
      sheet: 'Evaluations',
      columns: [...LEADING, ...criteria, ...TRAILING],
      rows: (write) => this.evaluations.forEachBatch(callId, stage, EXPORT_BATCH_SIZE, write),
    };
  }
}
