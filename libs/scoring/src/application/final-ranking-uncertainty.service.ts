import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Call, CallsService, stageAt } from '@app/calls';
import { Outbox, Transaction, Transactions } from '@app/platform';
import type { RankUncertainty } from '../domain/calibration-bootstrap';
import { type CalibrationTotal, fitCalibration } from '../domain/calibration';
import { weightedStages } from '../domain/final-ranking';
import { type CalibratedStageFit, bootstrapFinalRankingInSteps } from '../domain/final-ranking-bootstrap';
import type { ApplicationToScore } from '../domain/scoring.types';
import { CalibrationRepository } from '../infrastructure/calibration.repository';
import {
  FinalRankingResults,
  FinalRankingUncertaintyRepository,
  StoredFinalRankingUncertainty,
} from '../infrastructure/final-ranking-uncertainty.repository';
import { ScoringRepository } from '../infrastructure/scoring.repository';
import { UNCERTAINTY_JOBS, UNCERTAINTY_QUEUE, uncertaintyJob } from '../jobs/scoring.jobs';
import { type UncertaintyStatus, runYielding, uncertaintySeed } from './uncertainty-seed';

/** The stages a weighted final ranking reads, and those of them its bootstrap resamples. */
interface FinalRankingPlan {
  /** The weighted stages and the last one, ascending. */
  stages: number[];
  /** The weighted stages that are calibrated: resampled, each from its own seed. */
  calibrated: number[];
  lastStage: number;
  weights: Readonly<Record<string, number>>;
}

/** A final ranking has an uncertainty when it is weighted and at least one weighted stage is calibrated. */
export function finalRankingPlan(call: Call): FinalRankingPlan | null {
  if (call.finalRanking.rule !== 'weighted') return null;
  const { weights } = call.finalRanking;
  const weighted = weightedStages(weights).map((s) => s.stage);
  const calibrated = weighted.filter((stage) => stageAt(call, stage).scoring.normalization === 'calibrated');
  if (calibrated.length === 0) return null;
  const lastStage = call.stages.length;
  return { stages: [...new Set([...weighted, lastStage])].sort((a, b) => a - b), calibrated, lastStage, weights };
}

/** A weighted final ranking's stored intervals and whether they are of the current inputs. */
export interface FinalRankingUncertainty {
  status: UncertaintyStatus;
  stored: StoredFinalRankingUncertainty | null;
  uncertainties: RankUncertainty[];
}

/** The state of a weighted final ranking's intervals, as the call's statistics show it. */
export interface FinalRankingUncertaintyReport {
  status: UncertaintyStatus;
  /** The seed of each resampled stage, by position (each stage's own bootstrap seed). */
  seeds: Record<string, number>;
  replicates: number | null;
  cohortSize: number | null;
  computedAt: Date | null;
}

/** What the job read under the lock: the inputs of the bootstrap, the fits not yet refitted. */
interface ReadFacts {
  fingerprint: string;
  results: FinalRankingResults;
  stages: Array<{ stage: number; totals: CalibrationTotal[]; applications: ApplicationToScore[] }>;
}

const REQUESTS = [{ queue: UNCERTAINTY_QUEUE, name: UNCERTAINTY_JOBS.bootstrapFinalRanking }];

/**
 * Rank uncertainty of a weighted final ranking (issue 16 item 2 for calls of several stages): a
 * seeded bootstrap resampling each calibrated weighted stage as its own bootstrap does, run as a job
 * of the uncertainty queue after a scoring changed any of its inputs, and what the API shows of it.
 */
@Injectable()
export class FinalRankingUncertaintyService {
  constructor(
    private readonly repository: FinalRankingUncertaintyRepository,
    private readonly fits: CalibrationRepository,
    private readonly scoring: ScoringRepository,
    private readonly outbox: Outbox,
    private readonly transactions: Transactions,
    private readonly calls: CallsService,
  ) {}

  /** In the transaction of a scoring: a bootstrap of the call's final ranking if its inputs moved from those of the stored one. */
  async requestFor(tx: Transaction, callId: string): Promise<void> {
    const call = await this.calls.get(callId, tx);
    const plan = finalRankingPlan(call);
    if (plan === null) return;
    const stored = await this.repository.storedOf(callId, tx);
    if (stored?.fingerprint === (await this.fingerprint(call, plan, tx))) return;
    await this.outbox.publish(tx, uncertaintyJob(UNCERTAINTY_JOBS.bootstrapFinalRanking, { callId }));
  }

  /**
   * Bootstraps the call's final ranking from the fits and results as the last scoring left them,
   * unless the stored intervals are already of those inputs, and completes every request pending
   * before it read them. The replicates run outside any transaction, yielding between them; the
   * result is kept only if the inputs are still those read. Answers whether it computed.
   */
  async compute(callId: string, outboxId: string, replicates: number): Promise<boolean> {
    const auto = this.transactions.autocommit;
    if (await this.outbox.isCompleted(auto, outboxId)) return false;
    const covered = [...(await this.outbox.pendingIds(auto, { jobs: REQUESTS, payload: { callId } })), outboxId];
    const call = await this.calls.get(callId);
    const plan = finalRankingPlan(call);
    const facts = plan && (await this.transactions.run((tx) => this.readFacts(tx, call, plan)));
    if (plan === null || facts === null) {
      await this.transactions.run((tx) => this.outbox.complete(tx, covered));
      return false;
    }
    const seeds = Object.fromEntries(facts.stages.map(({ stage }) => [stage, uncertaintySeed(callId, stage)]));
    const calibrated = new Map<number, CalibratedStageFit>(
      facts.stages.map((s) => [
        s.stage,
        { fit: fitCalibration(s.totals), applications: s.applications, seed: seeds[s.stage] },
      ]),
    );
    const uncertainties = await runYielding(
      bootstrapFinalRankingInSteps(
        { weights: plan.weights, lastStage: plan.lastStage, ...facts.results, calibrated },
        { cohortSize: call.cohortSize, replicates },
      ),
    );
    await this.transactions.run(async (tx) => {
      await this.scoring.lockCall(tx, callId, 'exclusive');
      const now = await this.calls.get(callId, tx);
      const nowPlan = finalRankingPlan(now);
      if (nowPlan !== null && (await this.fingerprint(now, nowPlan, tx)) === facts.fingerprint) {
        await this.repository.keep(tx, callId, facts.fingerprint, {
          seeds,
          replicates,
          cohortSize: call.cohortSize,
          uncertainties,
        });
      }
      await this.outbox.complete(tx, covered);
    });
    return true;
  }

  /** The call's stored final-ranking intervals and their status; none unless the final ranking has an uncertainty. */
  async current(call: Call): Promise<FinalRankingUncertainty> {
    const plan = finalRankingPlan(call);
    if (plan === null) return { status: 'pending', stored: null, uncertainties: [] };
    const stored = await this.repository.storedOf(call.id);
    if (stored === null) return { status: 'pending', stored, uncertainties: [] };
    const status = await this.statusOf(call, plan, stored);
    return { status, stored, uncertainties: await this.repository.uncertainties(call.id) };
  }

  private async statusOf(
    call: Call,
    plan: FinalRankingPlan,
    stored: StoredFinalRankingUncertainty,
  ): Promise<UncertaintyStatus> {
    return stored.fingerprint === (await this.fingerprint(call, plan)) ? 'current' : 'stale';
  }

  /** The state of the call's final-ranking intervals; null unless its final ranking has an uncertainty. */
  async report(call: Call): Promise<FinalRankingUncertaintyReport | null> {
    const plan = finalRankingPlan(call);
    if (plan === null) return null;
    const stored = await this.repository.storedOf(call.id);
    const status = stored === null ? 'pending' : await this.statusOf(call, plan, stored);
    return {
      status,
      seeds:
        stored?.seeds ?? Object.fromEntries(plan.calibrated.map((stage) => [stage, uncertaintySeed(call.id, stage)])),
      replicates: stored?.replicates ?? null,
      cohortSize: stored?.cohortSize ?? null,
      computedAt: stored?.computedAt ?? null,
    };
  }

  /**
   * Under the call's shared lock: the bootstrap's inputs, or null when the stored intervals are
   * already of them (same fingerprint).
   */
  private async readFacts(tx: Transaction, call: Call, plan: FinalRankingPlan): Promise<ReadFacts | null> {
    await this.scoring.lockCall(tx, call.id, 'shared');
    const fingerprint = await this.fingerprint(call, plan, tx);
    if ((await this.repository.storedOf(call.id, tx))?.fingerprint === fingerprint) return null;
    const stages: ReadFacts['stages'] = [];
    for (const stage of plan.calibrated) {
      const facts = await this.fits.bootstrapFacts(tx, { callId: call.id, stage });
      if (facts !== null) stages.push({ stage, totals: facts.totals, applications: facts.applications });
    }
    return { fingerprint, results: await this.repository.results(tx, call.id, plan.stages, plan.lastStage), stages };
  }

  /**
   * Every input of the bootstrap: the weights, K, the stages resampled, each one's fit fingerprint
   * (its totals and ranking), and every result (rank, score, consensus score) of the stages read.
   */
  private async fingerprint(call: Call, plan: FinalRankingPlan, tx?: Transaction): Promise<string> {
    const digests = await this.repository.inputDigests(call.id, plan.stages, tx);
    const weights = weightedStages(plan.weights).map((s) => `${s.stage}=${s.weight}`);
    return createHash('sha256')
      .update(`${weights.join(',')}|${call.cohortSize}|${plan.calibrated.join(',')}|${digests.fits}|${digests.results}`)
      .digest('hex');
  }
}
