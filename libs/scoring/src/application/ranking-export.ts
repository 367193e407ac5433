import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { CallsService, stageAt } from '@app/calls';
import { AuthUser, ExportColumn, ExportFormat, ExportTable } from '@app/platform';
import { ExportedRankingEntry, RankingCriteria, RankingRepository } from '../infrastructure/ranking.repository';

/** Rows read from the database at a time: enough to stream, few enough to keep memory flat. */
const EXPORT_BATCH_SIZE = 1000;

const COLUMNS: ReadonlyArray<ExportColumn<ExportedRankingEntry>> = [
  { header: 'rank', cell: (e) => e.rank },
  { header: 'application_id', cell: (e) => e.applicationId },
  { header: 'organisation', cell: (e) => e.organisation.name },
  { header: 'country_code', cell: (e) => e.organisation.countryCode },
  { header: 'region', cell: (e) => e.organisation.region },
  { header: 'score', cell: (e) => e.score },
  { header: 'raw_score', cell: (e) => e.rawScore },
  { header: 'normalized_score', cell: (e) => e.normalizedScore },
  { header: 'evaluation_count', cell: (e) => e.evaluationCount },
  { header: 'spread', cell: (e) => e.spread },
  { header: 'std_dev', cell: (e) => e.stdDev },
  { header: 'needs_moderation', cell: (e) => e.needsModeration },
  // Empty unless a moderator recorded a consensus score, which the rank is then by.
  { header: 'consensus_score', cell: (e) => e.consensusScore },
  { header: 'eligible', cell: (e) => e.eligible },
  { header: 'status', cell: (e) => e.status },
  // Empty unless the stage is calibrated and its rank intervals computed (docs/rules.md).
  { header: 'probability_in_cohort', cell: (e) => e.uncertainty?.probabilityInCohort ?? null },
  { header: 'rank_interval_lower', cell: (e) => e.uncertainty?.rankInterval.lower ?? null },
  { header: 'rank_interval_upper', cell: (e) => e.uncertainty?.rankInterval.upper ?? null },
  { header: 'mean_rank', cell: (e) => e.uncertainty?.meanRank ?? null },
];

/** The secretariat's export of the ranking: every score of every ranked application. */
@Injectable()
export class RankingExport {
  constructor(
    private readonly ranking: RankingRepository,
    private readonly calls: CallsService,
    private readonly audit: AuditService,
  ) {}

  /** The ranked applications the search finds, in the order asked; audited before any row is read (404 for an unknown call). */
  async table(
    actor: AuthUser,
    callId: string,
    criteria: RankingCriteria,
    format: ExportFormat,
  ): Promise<ExportTable<ExportedRankingEntry>> {
    const { stage = 1, ...searched } = criteria;
    stageAt(await this.calls.get(callId), stage);
    await this.audit.recordAlone({
      actorId: actor.id,
      action: 'call.ranking_exported',
      entityType: 'call',
      entityId: callId,
      // A call of one stage is audited as before stages.
      after: { format, ...searched, ...(stage === 1 ? {} : { stage }) },
    });
    return {
      sheet: 'Ranking',
      columns: COLUMNS,
      rows: (write) => this.ranking.forEachBatch(callId, criteria, EXPORT_BATCH_SIZE, write),
    };
  }
}
