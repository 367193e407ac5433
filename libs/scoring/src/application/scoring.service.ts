import { Injectable } from '@nestjs/common';
import { CallsService, stageAt } from '@app/calls';
import { UsersService } from '@app/identity';
import { Outbox, Transaction, Transactions } from '@app/platform';
import { markingDistribution } from '../domain/evaluator-distribution';
import { groupBy } from '../domain/group-by';
import { krippendorffAlphaInterval } from '../domain/krippendorff';
import { CallCounts, CallStatisticsRepository } from '../infrastructure/call-statistics.repository';
import { ApplicationResult, ScoringRepository } from '../infrastructure/scoring.repository';
import { SCORING_JOBS, scoringJob } from '../jobs/scoring.jobs';
import { CalibrationReport, RankUncertaintyService } from './rank-uncertainty.service';
import type { FinalRankingUncertaintyReport } from './final-ranking-uncertainty.service';
import { INCREMENTAL_REQUESTS, RESCORE_REQUESTS, forCall } from './rescore-requests';

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
  /** The stage's calibration fit; null unless the stage is calibrated and fitted. */
  calibration: CalibrationReport | null;
  /** The weighted final ranking's intervals; null unless the final ranking is weighted with a calibrated stage. */
  finalRankingUncertainty: FinalRankingUncertaintyReport | null;
}

@Injectable()
export class ScoringService {
  constructor(
    private readonly scoring: ScoringRepository,
    private readonly outbox: Outbox,
    private readonly transactions: Transactions,
    private readonly calls: CallsService,
    private readonly users: UsersService,
    private readonly statistics: CallStatisticsRepository,
    private readonly uncertainty: RankUncertaintyService,
  ) {}

  /** Asks, inside the caller's transaction, for the call to be rescored once it commits. */
  async requestRescore(tx: Transaction, callId: string): Promise<void> {
    await this.outbox.publish(tx, scoringJob(SCORING_JOBS.rescoreCall, { callId }));
  }

  /**
   * Recomputes the call from the database, incrementally (the results of a full run at the cost of
   * what changed), and, in the same transaction, completes every request committed before the
   * computation read the facts: they are all reflected. A request that an
   * earlier run already served is not computed again, so a burst of requests costs one or two runs.
   * Answers whether it computed.
   */
  async rescoreCall(callId: string, outboxId: string): Promise<boolean> {
    // Checked before waiting for the lock too, so that the tail of a burst does not queue up for it.
    if (await this.outbox.isCompleted(this.transactions.autocommit, outboxId)) return false;
    return this.transactions.run(async (tx) => {
      await this.scoring.lockCall(tx, callId, 'exclusive');
      if (await this.outbox.isCompleted(tx, outboxId)) return false;
      const covered = await this.outbox.pendingIds(tx, forCall(INCREMENTAL_REQUESTS, callId));
      const scored = await this.scoring.rescoreIncrementally(tx, callId);
      await this.uncertainty.requestFor(tx, callId, scored);
      await this.outbox.complete(tx, covered);
      return true;
    });
  }

  /**
   * Computed from the database (pending requests), never from queue counters; in the caller's
   * transaction when given one (publication reads it while holding the call's lock).
   */
  async status(callId: string, tx: Transaction = this.transactions.autocommit): Promise<ScoringStatus> {
    await this.calls.get(callId, tx);
    // Pending first, then the results: a later statement sees every commit the earlier one saw, so
    // "up to date" always comes with the results of the work it counts as done (read side by side,
    // the results could be read before the commit that completed the last request).
    const pending = await this.outbox.countPending(tx, forCall(RESCORE_REQUESTS, callId));
    const lastComputedAt = await this.scoring.lastComputedAt(callId, tx);
    return { upToDate: pending === 0, pending, lastComputedAt };
  }

  /** One application's figures in a stage as last computed (null before any submitted evaluation counts there). */
  async applicationResult(callId: string, applicationId: string, stage = 1): Promise<ApplicationResult | null> {
    stageAt(await this.calls.get(callId), stage);
    return this.scoring.resultOf(callId, applicationId, stage);
  }

  /** The call's application figures, a stage's assignments and the reliability of its evaluations, for the secretariat. */
  async callStatistics(callId: string, stage = 1): Promise<CallStatisticsReport> {
    const call = await this.calls.get(callId);
    stageAt(call, stage);
    const [counts, totals, calibration, finalRankingUncertainty] = await Promise.all([
      this.statistics.counts(callId, stage),
      this.statistics.evaluationTotals(callId, stage),
      this.uncertainty.calibration(call, stage),
      this.uncertainty.finalRankingReport(call),
    ]);
    const units = [...groupBy(totals, (t) => t.applicationId).values()].map((group) => group.map((t) => t.total));
    return {
      ...counts,
      interRaterReliability: krippendorffAlphaInterval(units),
      calibration,
      finalRankingUncertainty,
    };
  }

  /** Who marks harshly and who leniently in a stage of the call, with every evaluator's totals. */
  async markingDistribution(callId: string, stage = 1) {
    const call = await this.calls.get(callId);
    stageAt(call, stage);
    const [totals, biases] = await Promise.all([
      this.statistics.evaluationTotals(callId, stage),
      this.uncertainty.evaluatorBiases(call, stage),
    ]);
    const distribution = markingDistribution(totals);
    const names = new Map(
      (await this.users.getMany(distribution.evaluators.map((e) => e.evaluatorId))).map((u) => [u.id, u.displayName]),
    );
    return {
      callMean: distribution.callMean,
      callStdDev: distribution.callStdDev,
      items: distribution.evaluators.map((e) => {
        const fitted = biases.get(e.evaluatorId);
        return {
          ...e,
          displayName: names.get(e.evaluatorId) ?? '',
          calibration: fitted ? { bias: fitted.bias, component: fitted.component } : null,
        };
      }),
    };
  }
}
