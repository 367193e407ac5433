import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { CallsService } from '@app/calls';
import { AuthUser, ExportColumn, ExportFormat, ExportTable } from '@app/platform';
import { effectiveEligibility } from '../domain/application';
import { answerCell } from '../domain/people-answers';
import {
  ApplicationListCriteria,
  ApplicationListRepository,
  ListedApplication,
} from '../infrastructure/application-list.repository';

/** Rows read from the database at a time: enough to stream, few enough to keep memory flat. */
const EXPORT_BATCH_SIZE = 1000;

const COLUMNS: ReadonlyArray<ExportColumn<ListedApplication>> = [
  { header: 'application_id', cell: (a) => a.id },
  { header: 'organisation', cell: (a) => a.organisation.name },
  { header: 'city', cell: (a) => a.organisation.city },
  { header: 'country_code', cell: (a) => a.countryCode },
  { header: 'region', cell: (a) => a.region },
  { header: 'status', cell: (a) => a.status },
  { header: 'eligible', cell: (a) => effectiveEligibility(a)?.eligible ?? null },
  {
    header: 'eligibility_reasons',
    cell: (a) => (effectiveEligibility(a)?.reasons ?? []).map((r) => `${r.code}: ${r.message}`).join('; '),
  },
  { header: 'submitted_at', cell: (a) => a.submittedAt },
  { header: 'withdrawn_at', cell: (a) => a.withdrawnAt },
  { header: 'created_at', cell: (a) => a.createdAt },
];

/** A registration call's replies also carry the secretariat's decision and the sessions they ask for. */
const REPLY_COLUMNS: ReadonlyArray<ExportColumn<ListedApplication>> = [
  { header: 'decision_reason', cell: (a) => a.replyDecision?.reason ?? null },
  { header: 'decided_at', cell: (a) => a.replyDecision?.decidedAt ?? null },
];

const SESSION_COLUMNS: ReadonlyArray<ExportColumn<ListedApplication>> = [
  { header: 'session_preferences', cell: (a) => a.sessionPreferences.join('; ') },
];

/** The secretariat's export of a call's applications: the list's rows, with every answer. */
@Injectable()
export class ApplicationExport {
  constructor(
    private readonly list: ApplicationListRepository,
    private readonly calls: CallsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * The applications the list holds with these criteria, in its order, a column per question; the
   * export is audited before any row is read (404 for an unknown call).
   */
  async table(
    actor: AuthUser,
    callId: string,
    criteria: ApplicationListCriteria,
    format: ExportFormat,
  ): Promise<ExportTable<ListedApplication>> {
    const call = await this.calls.get(callId);
    await this.audit.recordAlone({
      actorId: actor.id,
      action: 'call.applications_exported',
      entityType: 'call',
      entityId: callId,
      after: { format, ...criteria },
    });
    const answers = call.questions.map((q): ExportColumn<ListedApplication> => ({
      header: `answer.${q.key}`,
      cell: (a) => answerCell(a.answers[q.key]),
    }));
    return {
      sheet: 'Applications',
      columns: [
        ...COLUMNS,
        ...(call.kind === 'registration' ? REPLY_COLUMNS : []),
        ...(call.sessions.length > 0 ? SESSION_COLUMNS : []),
        ...answers,
      ],
      rows: (write) => this.list.forEachBatch(callId, criteria, EXPORT_BATCH_SIZE, write),
    };
  }
}
