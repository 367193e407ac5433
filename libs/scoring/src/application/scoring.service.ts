import { Injectable } from '@nestjs/common';
import { ApplicationsService } from '@app/applications';
import { CALL_EVENTS, CALL_EVENTS_QUEUE, CallsService } from '@app/calls';
import { OrganisationsService } from '@app/identity';
import { Outbox, Transaction, Transactions, databaseNow } from '@app/platform';
import { groupBy } from '../domain/group-by';
import { krippendorffAlphaInterval } from '../domain/krippendorff';
import { CallCounts, CallStatisticsRepository } from '../infrastructure/call-statistics.repository';
import { ApplicationResult, ScoringRepository } from '../infrastructure/scoring.repository';
import { RescoreCallPayload, SCORING_JOBS, SCORING_QUEUE } from '../jobs/scoring.jobs';

export interface ScoringStatus {
  /** True only when every submitted evaluation is reflected in the results. */
  upToDate: boolean;
  /** Rescoring requests not yet served. */
  pending: number;
  lastComputedAt: Date | null;
}

export interface CallStatisticsReport extends CallCounts {
  /** Krippendorff's alpha (interval) over the evaluator totals per application; null when undefined. */
  interRaterReliability: number | null;
}

/** The outbox rows that ask for a call's scores to be recomputed: evaluation changes and reweightings. */
const RESCORE_REQUESTS = [
  { queue: SCORING_QUEUE, name: SCORING_JOBS.rescoreCall },
  { queue: CALL_EVENTS_QUEUE, name: CALL_EVENTS.reweighted },
];

@Injectable()
export class ScoringService {
  constructor(
    private readonly scoring: ScoringRepository,
    private readonly outbox: Outbox,
    private readonly transactions: Transactions,
    private readonly calls: CallsService,
    private readonly applications: ApplicationsService,
    private readonly organisations: OrganisationsService,
    private readonly statistics: CallStatisticsRepository,
  ) {}

  /** Asks, inside the caller's transaction, for the call to be rescored once it commits. */
  requestRescore(tx: Transaction, callId: string): Promise<string> {
    const payload: RescoreCallPayload = { callId };
    return this.outbox.add(tx, { queue: SCORING_QUEUE, name: SCORING_JOBS.rescoreCall, payload: { ...payload } });
  }

  /**
   * Recomputes the call from the database and, in the same transaction, marks done every request
   * made before the computation began: they are all reflected. Running it twice changes nothing.
   */
  async rescoreCall(callId: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      const startedAt = await databaseNow(tx);
      await this.scoring.scoreCall(tx, callId);
      for (const request of RESCORE_REQUESTS) {
        await this.outbox.completeCovered(tx, { ...request, payload: { callId }, until: startedAt });
      }
    });
  }

  /** Computed from the database (pending requests), never from queue counters. */
  async status(callId: string): Promise<ScoringStatus> {
    await this.calls.get(callId);
    const [row] = (await this.transactions.none.query(
      `SELECT
         (SELECT count(*)::int FROM outbox
          WHERE (queue, job_name) IN (SELECT * FROM unnest($2::text[], $3::text[]))
            AND completed_at IS NULL AND payload @> $4::jsonb) AS pending,
         (SELECT max(computed_at) FROM application_results WHERE call_id = $1) AS last_computed_at`,
      [callId, RESCORE_REQUESTS.map((r) => r.queue), RESCORE_REQUESTS.map((r) => r.name), JSON.stringify({ callId })],
    )) as Array<{ pending: number; last_computed_at: Date | null }>;
    return { upToDate: row.pending === 0, pending: row.pending, lastComputedAt: row.last_computed_at };
  }

  /** The call's application, assignment and reliability figures, for the secretariat. */
  async callStatistics(callId: string): Promise<CallStatisticsReport> {
    await this.calls.get(callId);
    const [counts, totals] = await Promise.all([
      this.statistics.counts(callId),
      this.statistics.evaluationTotals(callId),
    ]);
    const units = [...groupBy(totals, (t) => t.applicationId).values()].map((group) => group.map((t) => t.total));
    return { ...counts, interRaterReliability: krippendorffAlphaInterval(units) };
  }

  /** The ranked results with who applied, for the secretariat. */
  async rankingWithOrganisations(callId: string) {
    await this.calls.get(callId);
    const ranked = await this.scoring.ranking(callId);
    const applications = new Map(
      (await this.applications.findByIds(ranked.map((r) => r.applicationId))).map((a) => [a.id, a]),
    );
    const names = await this.organisations.namesOf([...applications.values()].map((a) => a.organisationId));
    return ranked.flatMap((result) => {
      const application = applications.get(result.applicationId);
      if (!application || result.rank === null) return [];
      return [
        {
          ...rankingFigures(result),
          rank: result.rank,
          organisation: {
            name: names.get(application.organisationId) ?? '',
            countryCode: application.countryCode,
            region: application.region,
          },
        },
      ];
    });
  }
}

function rankingFigures(result: ApplicationResult) {
  const { applicationId, score, rawScore, normalizedScore, evaluationCount, spread, stdDev, needsModeration } = result;
  return { applicationId, score, rawScore, normalizedScore, evaluationCount, spread, stdDev, needsModeration };
}
