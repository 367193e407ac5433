import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Transaction, Transactions } from '@app/platform';
import type { RankUncertainty } from '../domain/calibration-bootstrap';
import { type CalibrationFit, type CalibrationTotal, fitCalibration } from '../domain/calibration';
import type { ApplicationToScore } from '../domain/scoring.types';
import {
  BOOTSTRAP_FACTS_SQL,
  CALIBRATION_EVALUATORS_SQL,
  CALIBRATION_OF_STAGE_SQL,
  FORGET_CALIBRATION_SQL,
  KEEP_CALIBRATION_SQL,
  KEEP_RANK_UNCERTAINTY_SQL,
  KEPT_TOTALS_OF_STAGE_SQL,
  RANK_UNCERTAINTIES_SQL,
  SCORE_CALIBRATED_SQL,
} from './calibration.sql';
import { EVALUATION_TOTALS_SQL } from './scoring.sql';
import { withoutNestedLoops } from './without-nested-loops';

export interface CalibratedStage {
  callId: string;
  stage: number;
}

/** What one write of calibrated scores did (as RANK_STAGE_SQL answers), and the ranking's digest. */
export interface CalibratedWrite {
  applications: number;
  unscored: number;
  ranking: string;
}

/** A stage's fit, ready to write: the scores as arrays, the fit itself, and the totals' digest. */
export interface StageFit {
  fit: CalibrationFit | null;
  applicationIds: string[];
  scores: number[];
  totalsDigest: string;
}

/** What a bootstrap of a stage reads: the fit's fingerprint, the totals it was fitted on and the ranking facts. */
export interface BootstrapFacts {
  fingerprint: string;
  uncertaintyFingerprint: string | null;
  uncertaintyCohortSize: number | null;
  totals: CalibrationTotal[];
  applications: ApplicationToScore[];
}

export interface StageCalibration {
  ridge: number;
  iterations: number;
  relativeResidual: number;
  components: number;
  connected: boolean;
  evaluations: number;
  fingerprint: string;
  fittedAt: Date;
  uncertainty: {
    fingerprint: string;
    seed: number;
    replicates: number;
    cohortSize: number;
    computedAt: Date;
  } | null;
}

export interface EvaluatorBias {
  evaluatorId: string;
  bias: number;
  component: number;
  evaluations: number;
}

export interface KeptUncertainty {
  seed: number;
  replicates: number;
  cohortSize: number;
  uncertainties: readonly RankUncertainty[];
}

interface CalibrationRow {
  ridge: number;
  iterations: number;
  relative_residual: number;
  components: number;
  connected: boolean;
  evaluations: number;
  fingerprint: string;
  fitted_at: Date;
  uncertainty_fingerprint: string | null;
  uncertainty_seed: string | null;
  uncertainty_replicates: number | null;
  uncertainty_cohort_size: number | null;
  uncertainty_computed_at: Date | null;
}

/**
 * The persistence of calibrated scores (issue 16): a stage's totals read in one ordered statement,
 * fitted in TypeScript (../domain/calibration), the scores and the fit's facts written set-based.
 */
@Injectable()
export class CalibrationRepository {
  constructor(private readonly transactions: Transactions) {}

  /**
   * Fits the stage over its kept totals (`kept`), or over the totals of its submitted evaluations
   * computed afresh (`live`, when a run scored the call from the live facts without keeping them:
   * the same expression, so the same numbers).
   */
  async fitStage(tx: Transaction, of: CalibratedStage, source: 'kept' | 'live'): Promise<StageFit> {
    const totals = await this.totals(tx, of, source);
    if (totals.length === 0) return { fit: null, applicationIds: [], scores: [], totalsDigest: '' };
    const fit = fitCalibration(totals);
    const { graph } = fit;
    const digest = createHash('sha256');
    graph.totals.forEach((total, i) =>
      digest.update(
        `${graph.applicationIds[graph.applicationOf[i]]}/${graph.evaluatorIds[graph.evaluatorOf[i]]}/${total};`,
      ),
    );
    return {
      fit,
      applicationIds: fit.applications.map((a) => a.applicationId),
      scores: fit.applications.map((a) => a.score),
      totalsDigest: digest.digest('hex'),
    };
  }

  /** Writes the fit's scores and the ranks they give; `written` are results already written by the caller. */
  async writeScores(tx: Transaction, of: CalibratedStage, fit: StageFit, written: string[]): Promise<CalibratedWrite> {
    const parameters = [of.callId, of.stage, fit.applicationIds, fit.scores, written];
    return withoutNestedLoops(
      tx,
      async () => ((await tx.query(SCORE_CALIBRATED_SQL, parameters)) as CalibratedWrite[])[0],
    );
  }

  /**
   * Keeps the fit's facts and evaluator biases beside the results just written, with the
   * fingerprint of the totals and the ranking (`ranking`, from `writeScores`). Answers whether the
   * stage's rank uncertainty is now out of date (its fingerprint another), so that one is requested.
   */
  async keepFit(tx: Transaction, of: CalibratedStage, stageFit: StageFit, ranking: string): Promise<boolean> {
    const { fit } = stageFit;
    if (fit === null) {
      await tx.query(FORGET_CALIBRATION_SQL, [of.callId, of.stage]);
      return false;
    }
    const fingerprint = calibrationFingerprint(fit.ridge, stageFit.totalsDigest, ranking);
    const [row] = (await tx.query(KEEP_CALIBRATION_SQL, [
      of.callId,
      of.stage,
      fit.ridge,
      fit.iterations,
      fit.relativeResidual,
      fit.components.length,
      fit.components.length <= 1,
      fit.graph.totals.length,
      fingerprint,
      fit.evaluators.map((e) => e.evaluatorId),
      fit.evaluators.map((e) => e.bias),
      fit.evaluators.map((e) => e.component),
      fit.evaluators.map((e) => e.evaluationCount),
    ])) as Array<{ uncertainty_fingerprint: string | null }>;
    return row.uncertainty_fingerprint !== fingerprint;
  }

  /**
   * The facts a bootstrap of the stage needs, as the last scoring left them; null when the stage has
   * no fit. The caller holds the call's lock, so that the totals, the results and the fingerprint agree.
   */
  async bootstrapFacts(tx: Transaction, of: CalibratedStage): Promise<BootstrapFacts | null> {
    const [row] = (await tx.query(BOOTSTRAP_FACTS_SQL, [of.callId, of.stage])) as Array<{
      fingerprint: string;
      uncertainty_fingerprint: string | null;
      uncertainty_cohort_size: number | null;
      applications: Array<{ id: string; rankable: boolean; consensusScore: number | null; submittedAt: string }>;
    }>;
    if (!row) return null;
    return {
      fingerprint: row.fingerprint,
      uncertaintyFingerprint: row.uncertainty_fingerprint,
      uncertaintyCohortSize: row.uncertainty_cohort_size,
      totals: await this.totals(tx, of, 'kept'),
      applications: row.applications.map((a) => ({
        id: a.id,
        rankable: a.rankable,
        submittedAt: new Date(a.submittedAt),
        ...(a.consensusScore === null ? {} : { consensusScore: a.consensusScore }),
      })),
    };
  }

  /** Keeps a bootstrap's result if the stage's fit is still the one (`fingerprint`) it was computed from. */
  async keepUncertainty(
    tx: Transaction,
    of: CalibratedStage,
    fingerprint: string,
    kept: KeptUncertainty,
  ): Promise<boolean> {
    const u = kept.uncertainties;
    const [row] = (await tx.query(KEEP_RANK_UNCERTAINTY_SQL, [
      of.callId,
      of.stage,
      fingerprint,
      kept.seed,
      kept.replicates,
      kept.cohortSize,
      u.map((x) => x.applicationId),
      u.map((x) => x.probabilityInCohort),
      u.map((x) => x.rankInterval.lower),
      u.map((x) => x.rankInterval.upper),
      u.map((x) => x.meanRank),
    ])) as Array<{ kept: boolean }>;
    return row.kept;
  }

  /** The stage's fit and its uncertainty's facts; null unless the stage is calibrated and has been fitted. */
  async calibrationOf(of: CalibratedStage): Promise<StageCalibration | null> {
    const [row] = (await this.transactions.autocommit.query(CALIBRATION_OF_STAGE_SQL, [
      of.callId,
      of.stage,
    ])) as CalibrationRow[];
    return row ? toCalibration(row) : null;
  }

  async evaluatorBiases(of: CalibratedStage): Promise<EvaluatorBias[]> {
    const rows = (await this.transactions.autocommit.query(CALIBRATION_EVALUATORS_SQL, [
      of.callId,
      of.stage,
    ])) as Array<{
      evaluator_id: string;
      bias: number;
      component: number;
      evaluations: number;
    }>;
    return rows.map((r) => ({
      evaluatorId: r.evaluator_id,
      bias: r.bias,
      component: r.component,
      evaluations: r.evaluations,
    }));
  }

  /** The stage's stored rank uncertainty of every ranked application, by rank. */
  async rankUncertainties(
    of: CalibratedStage,
    tx: Transaction = this.transactions.autocommit,
  ): Promise<RankUncertainty[]> {
    const rows = (await tx.query(RANK_UNCERTAINTIES_SQL, [of.callId, of.stage])) as RankUncertaintyRow[];
    return rows.map(toRankUncertainty);
  }

  private async totals(tx: Transaction, of: CalibratedStage, source: 'kept' | 'live'): Promise<CalibrationTotal[]> {
    const sql = source === 'kept' ? KEPT_TOTALS_OF_STAGE_SQL : EVALUATION_TOTALS_SQL;
    const rows = (await tx.query(sql, [of.callId, of.stage])) as Array<{
      application_id: string;
      evaluator_id: string;
      total?: number;
      t?: number;
    }>;
    return rows.map((r) => ({
      applicationId: r.application_id,
      evaluatorId: r.evaluator_id,
      total: (r.total ?? r.t) as number, // kept totals are `total`, live ones `t`
    }));
  }
}

/**
 * What a stage's rank uncertainty depends on: the ridge, every total fitted (application, evaluator,
 * value, in the fit's order) and every result's rank and consensus score. The same fingerprint means
 * the same bootstrap input, hence, with the same seed, replicates and K, the same intervals.
 */
export function calibrationFingerprint(ridge: number, totalsDigest: string, ranking: string): string {
  return createHash('sha256').update(`${ridge}|${totalsDigest}|${ranking}`).digest('hex');
}

/** A stored rank uncertainty as its tables' columns read (a stage's, or a weighted final ranking's). */
export interface RankUncertaintyRow {
  application_id: string;
  rank: number;
  score: number;
  probability_in_cohort: number;
  rank_lower: number;
  rank_upper: number;
  mean_rank: number;
}

export function toRankUncertainty(r: RankUncertaintyRow): RankUncertainty {
  return {
    applicationId: r.application_id,
    rank: r.rank,
    score: r.score,
    probabilityInCohort: r.probability_in_cohort,
    rankInterval: { lower: r.rank_lower, upper: r.rank_upper },
    meanRank: r.mean_rank,
  };
}

function toCalibration(row: CalibrationRow): StageCalibration {
  return {
    ridge: row.ridge,
    iterations: row.iterations,
    relativeResidual: row.relative_residual,
    components: row.components,
    connected: row.connected,
    evaluations: row.evaluations,
    fingerprint: row.fingerprint,
    fittedAt: row.fitted_at,
    uncertainty:
      row.uncertainty_fingerprint === null
        ? null
        : {
            fingerprint: row.uncertainty_fingerprint,
            seed: Number(row.uncertainty_seed),
            replicates: row.uncertainty_replicates as number,
            cohortSize: row.uncertainty_cohort_size as number,
            computedAt: row.uncertainty_computed_at as Date,
          },
  };
}
