import { Injectable } from '@nestjs/common';
import { Call, CallsService, stageAt } from '@app/calls';
import { Outbox, Transaction, Transactions } from '@app/platform';
import { type RankUncertainty, bootstrapRanksInSteps, greyZone } from '../domain/calibration-bootstrap';
import { fitCalibration } from '../domain/calibration';
import { CalibrationRepository, EvaluatorBias, StageCalibration } from '../infrastructure/calibration.repository';
import { ScoredCall, ScoringRepository } from '../infrastructure/scoring.repository';
import { UNCERTAINTY_JOBS, UNCERTAINTY_QUEUE, uncertaintyJob } from '../jobs/scoring.jobs';
import {
  FinalRankingUncertainty,
  FinalRankingUncertaintyReport,
  FinalRankingUncertaintyService,
} from './final-ranking-uncertainty.service';
import { type UncertaintyStatus, runYielding, uncertaintySeed } from './uncertainty-seed';

export { type UncertaintyStatus, uncertaintySeed } from './uncertainty-seed';

export interface CalibrationReport {
  ridge: number;
  iterations: number;
  relativeResidual: number;
  components: number;
  connected: boolean;
  evaluations: number;
  fittedAt: Date;
  uncertainty: {
    status: UncertaintyStatus;
    /** The facts of the intervals stored, null before any was computed. */
    seed: number | null;
    replicates: number | null;
    cohortSize: number | null;
    computedAt: Date | null;
  };
}

const REQUESTS = [{ queue: UNCERTAINTY_QUEUE, name: UNCERTAINTY_JOBS.bootstrapRanks }];

/**
 * Rank uncertainty of calibrated stages (issue 16 item 2): a seeded parametric bootstrap of the fit
 * a scoring kept, run as its own job after it, and what the API shows of the fit and the intervals.
 */
@Injectable()
export class RankUncertaintyService {
  constructor(
    private readonly fits: CalibrationRepository,
    private readonly scoring: ScoringRepository,
    private readonly outbox: Outbox,
    private readonly transactions: Transactions,
    private readonly calls: CallsService,
    private readonly finalRanking: FinalRankingUncertaintyService,
  ) {}

  /**
   * In the transaction of a scoring: a bootstrap of each calibrated stage whose intervals it put out
   * of date, and of the weighted final ranking when its inputs moved.
   */
  async requestFor(tx: Transaction, callId: string, scored: ScoredCall): Promise<void> {
    await this.finalRanking.requestFor(tx, callId);
    const stages = scored.uncertaintyOutdated ?? [];
    if (stages.length === 0) return;
    await this.outbox.publishMany(
      tx,
      stages.map((stage) => uncertaintyJob(UNCERTAINTY_JOBS.bootstrapRanks, { callId, stage })),
    );
  }

  /**
   * Bootstraps the stage's ranks from its fit as last kept, unless the stored intervals are already
   * of that fit and of the call's cohort size, and completes every request pending before it read
   * the facts: only the latest state matters. The replicates run outside any transaction and lock,
   * yielding between them; the intervals are kept only if the fit is still the one they are of (a
   * scoring meanwhile has requested another bootstrap). Answers whether it computed.
   */
  async compute(callId: string, stage: number, outboxId: string, replicates: number): Promise<boolean> {
    const auto = this.transactions.autocommit;
    if (await this.outbox.isCompleted(auto, outboxId)) return false;
    const of = { callId, stage };
    const covered = await this.outbox.pendingIds(auto, { jobs: REQUESTS, payload: { callId, stage } });
    const facts = await this.transactions.run(async (tx) => {
      await this.scoring.lockCall(tx, callId, 'shared');
      return this.fits.bootstrapFacts(tx, of);
    });
    const { cohortSize } = await this.calls.get(callId);
    if (
      facts === null ||
      (facts.uncertaintyFingerprint === facts.fingerprint && facts.uncertaintyCohortSize === cohortSize)
    ) {
      await this.transactions.run((tx) => this.outbox.complete(tx, [...covered, outboxId]));
      return false;
    }
    const seed = uncertaintySeed(callId, stage);
    const uncertainties = await runYielding(
      bootstrapRanksInSteps(fitCalibration(facts.totals), facts.applications, {
        cohortSize,
        seed,
        replicates,
      }),
    );
    await this.transactions.run(async (tx) => {
      await this.scoring.lockCall(tx, callId, 'exclusive');
      await this.fits.keepUncertainty(tx, of, facts.fingerprint, { seed, replicates, cohortSize, uncertainties });
      await this.outbox.complete(tx, [...covered, outboxId]);
    });
    return true;
  }

  /** The stage's fit and the state of its intervals; null unless the stage is calibrated and fitted. */
  async calibration(call: Call, stage = 1): Promise<CalibrationReport | null> {
    if (stageAt(call, stage).scoring.normalization !== 'calibrated') return null;
    const fit = await this.fits.calibrationOf({ callId: call.id, stage });
    if (fit === null) return null;
    const { fingerprint: _f, uncertainty, ...facts } = fit;
    return {
      ...facts,
      uncertainty: {
        status: statusOf(fit, call.cohortSize),
        seed: uncertainty?.seed ?? null,
        replicates: uncertainty?.replicates ?? null,
        cohortSize: uncertainty?.cohortSize ?? null,
        computedAt: uncertainty?.computedAt ?? null,
      },
    };
  }

  /** Each evaluator's bias in the stage's fit, by evaluator id; empty unless the stage is calibrated and fitted. */
  async evaluatorBiases(call: Call, stage = 1): Promise<Map<string, EvaluatorBias>> {
    if (stageAt(call, stage).scoring.normalization !== 'calibrated') return new Map();
    const biases = await this.fits.evaluatorBiases({ callId: call.id, stage });
    return new Map(biases.map((b) => [b.evaluatorId, b]));
  }

  /**
   * The stage's rank intervals if they are of its current fit (else none: stale intervals would
   * mark the wrong candidates), with the grey zone at `seats`: the ranked applications whose 90%
   * interval straddles the last seat.
   */
  async greyZone(
    callId: string,
    stage: number,
    seats: number,
  ): Promise<{ uncertainties: RankUncertainty[]; greyZone: string[] }> {
    const fit = await this.fits.calibrationOf({ callId, stage });
    if (fit === null || fit.uncertainty?.fingerprint !== fit.fingerprint) return { uncertainties: [], greyZone: [] };
    const uncertainties = await this.fits.rankUncertainties({ callId, stage });
    return { uncertainties, greyZone: greyZone(uncertainties, seats) };
  }

  /** The state of the weighted final ranking's intervals; null unless it has an uncertainty. */
  finalRankingReport(call: Call): Promise<FinalRankingUncertaintyReport | null> {
    return this.finalRanking.report(call);
  }

  /**
   * The weighted final ranking's stored intervals, their status, and its grey zone at `seats`: the
   * applications whose 90% interval straddles the last seat, only while the intervals are current.
   */
  async finalRankingUncertainty(call: Call, seats: number): Promise<FinalRankingUncertainty & { greyZone: string[] }> {
    const found = await this.finalRanking.current(call);
    return { ...found, greyZone: found.status === 'current' ? greyZone(found.uncertainties, seats) : [] };
  }
}

function statusOf(fit: StageCalibration, cohortSize: number): UncertaintyStatus {
  if (fit.uncertainty === null) return 'pending';
  return fit.uncertainty.fingerprint === fit.fingerprint && fit.uncertainty.cohortSize === cohortSize
    ? 'current'
    : 'stale';
}
