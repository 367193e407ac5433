import { Injectable } from '@nestjs/common';
import { Transaction, Transactions } from '@app/platform';
import { SCORE_CALL_SQL } from './scoring.sql';

/** One row of application_results: an application's figures of DESIGN.md §5 as last computed. */
export interface ApplicationResult {
  applicationId: string;
  callId: string;
  rawScore: number;
  normalizedScore: number;
  score: number;
  evaluationCount: number;
  spread: number;
  stdDev: number;
  needsModeration: boolean;
  /** 1..n among rankable applications; null for the others. */
  rank: number | null;
  computedAt: Date;
}

interface ResultRow {
  application_id: string;
  call_id: string;
  raw_score: number;
  normalized_score: number;
  score: number;
  evaluation_count: number;
  spread: number;
  std_dev: number;
  needs_moderation: boolean;
  rank: number | null;
  computed_at: Date;
}

const RESULT_COLUMNS = `application_id, call_id, raw_score, normalized_score, score, evaluation_count, spread,
  std_dev, needs_moderation, rank, computed_at`;

/**
 * Set-based scoring (DESIGN.md §2): a call is scored by one SQL statement, never a loop per row.
 * The results agree with the pure `scoreCall` of ../domain to 1e-9, with identical ranks.
 */
@Injectable()
export class ScoringRepository {
  constructor(private readonly transactions: Transactions) {}

  /**
   * Recomputes and upserts the result of every application of the call that has a submitted
   * evaluation, and deletes the results of those that no longer have one. Idempotent.
   *
   * Runs of the same call are serialised by a transaction-scoped advisory lock taken before the
   * scoring statement, so that (in READ COMMITTED) the statement that waited sees the other run's
   * committed facts and the last writer always wrote from the latest ones.
   */
  async scoreCall(tx: Transaction, callId: string): Promise<{ applications: number }> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('scoring:' || $1::text, 0))`, [callId]);
    const [row] = (await tx.query(SCORE_CALL_SQL, [callId])) as Array<{ applications: number }>;
    return { applications: row?.applications ?? 0 };
  }

  /** The call's ranked applications, by rank. */
  async ranking(callId: string, tx: Transaction = this.transactions.none): Promise<ApplicationResult[]> {
    const rows = (await tx.query(
      `SELECT ${RESULT_COLUMNS} FROM application_results WHERE call_id = $1 AND rank IS NOT NULL ORDER BY rank`,
      [callId],
    )) as ResultRow[];
    return rows.map(toResult);
  }

  /** Every stored result of the call (ranked ones by rank, then the others by application id). */
  async results(callId: string, tx: Transaction = this.transactions.none): Promise<ApplicationResult[]> {
    const rows = (await tx.query(
      `SELECT ${RESULT_COLUMNS} FROM application_results WHERE call_id = $1 ORDER BY rank NULLS LAST, application_id`,
      [callId],
    )) as ResultRow[];
    return rows.map(toResult);
  }
}

function toResult(row: ResultRow): ApplicationResult {
  return {
    applicationId: row.application_id,
    callId: row.call_id,
    rawScore: row.raw_score,
    normalizedScore: row.normalized_score,
    score: row.score,
    evaluationCount: row.evaluation_count,
    spread: row.spread,
    stdDev: row.std_dev,
    needsModeration: row.needs_moderation,
    rank: row.rank,
    computedAt: row.computed_at,
  };
}
