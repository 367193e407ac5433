import { Injectable } from '@nestjs/common';
import { Transaction, Transactions } from '@app/platform';
import type { RankUncertainty } from '../domain/calibration-bootstrap';
import type { StageScore } from '../domain/final-ranking';
import { RankUncertaintyRow, toRankUncertainty } from './calibration.repository';
import {
  FINAL_RANKING_INPUTS_SQL,
  FINAL_RANKING_RESULTS_SQL,
  FINAL_RANKING_UNCERTAINTY_OF_CALL_SQL,
  FINAL_RANK_UNCERTAINTIES_SQL,
  KEEP_FINAL_RANKING_UNCERTAINTY_SQL,
} from './final-ranking-uncertainty.sql';

/** The results a final ranking is made from: each stage's scores, and the last stage's ranks. */
export interface FinalRankingResults {
  stageScores: StageScore[];
  lastStageRanks: Array<{ applicationId: string; rank: number | null }>;
}

export interface StoredFinalRankingUncertainty {
  fingerprint: string;
  /** The seed of each resampled stage, by position. */
  seeds: Record<string, number>;
  replicates: number;
  cohortSize: number;
  computedAt: Date;
}

export interface KeptFinalRankingUncertainty {
  seeds: Record<string, number>;
  replicates: number;
  cohortSize: number;
  uncertainties: readonly RankUncertainty[];
}

/** The persistence of a weighted final ranking's rank uncertainty (issue 16), set-based. */
@Injectable()
export class FinalRankingUncertaintyRepository {
  constructor(private readonly transactions: Transactions) {}

  /** Digests of the fits and results of the stages given, which a final ranking's fingerprint covers. */
  async inputDigests(
    callId: string,
    stages: number[],
    tx: Transaction = this.transactions.autocommit,
  ): Promise<{ fits: string; results: string }> {
    const [row] = (await tx.query(FINAL_RANKING_INPUTS_SQL, [callId, stages])) as Array<{
      fits: string;
      results: string;
    }>;
    return row;
  }

  /** The scored results of the given stages; the last stage's ranks are those of `lastStage`. */
  async results(tx: Transaction, callId: string, stages: number[], lastStage: number): Promise<FinalRankingResults> {
    const rows = (await tx.query(FINAL_RANKING_RESULTS_SQL, [callId, stages])) as Array<{
      application_id: string;
      stage: number;
      rank: number | null;
      score: number;
      consensus_score: number | null;
    }>;
    return {
      stageScores: rows.map((r) => ({
        applicationId: r.application_id,
        stage: r.stage,
        score: r.score,
        consensusScore: r.consensus_score,
      })),
      lastStageRanks: rows
        .filter((r) => r.stage === lastStage)
        .map((r) => ({ applicationId: r.application_id, rank: r.rank })),
    };
  }

  async storedOf(
    callId: string,
    tx: Transaction = this.transactions.autocommit,
  ): Promise<StoredFinalRankingUncertainty | null> {
    const [row] = (await tx.query(FINAL_RANKING_UNCERTAINTY_OF_CALL_SQL, [callId])) as Array<{
      fingerprint: string;
      seeds: Record<string, number>;
      replicates: number;
      cohort_size: number;
      computed_at: Date;
    }>;
    return row
      ? {
          fingerprint: row.fingerprint,
          seeds: row.seeds,
          replicates: row.replicates,
          cohortSize: row.cohort_size,
          computedAt: row.computed_at,
        }
      : null;
  }

  async keep(tx: Transaction, callId: string, fingerprint: string, kept: KeptFinalRankingUncertainty): Promise<void> {
    const u = kept.uncertainties;
    await tx.query(KEEP_FINAL_RANKING_UNCERTAINTY_SQL, [
      callId,
      fingerprint,
      JSON.stringify(kept.seeds),
      kept.replicates,
      kept.cohortSize,
      u.map((x) => x.applicationId),
      u.map((x) => x.rank),
      u.map((x) => x.score),
      u.map((x) => x.probabilityInCohort),
      u.map((x) => x.rankInterval.lower),
      u.map((x) => x.rankInterval.upper),
      u.map((x) => x.meanRank),
    ]);
  }

  /** The call's stored final-ranking uncertainty of every application with a final rank, by final rank. */
  async uncertainties(callId: string, tx: Transaction = this.transactions.autocommit): Promise<RankUncertainty[]> {
    const rows = (await tx.query(FINAL_RANK_UNCERTAINTIES_SQL, [callId])) as RankUncertaintyRow[];
    return rows.map(toRankUncertainty);
  }
}
