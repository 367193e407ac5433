import { Injectable } from '@nestjs/common';
import { Transaction, Transactions } from '@app/platform';
import {
  ANY_KEPT_TOTAL_SQL,
  FORGET_STALE_TOTALS_SQL,
  FORGET_TOTALS_OF_OLD_DEFINITION_SQL,
  KEEP_EVERY_TOTAL_SQL,
  KEEP_MISSING_TOTALS_SQL,
} from './incremental-scoring.sql';
import { SCORE_CALL_FROM_KEPT_TOTALS_SQL, SCORE_CALL_FROM_RUN_SQL, SCORE_CALL_SQL } from './scoring.sql';

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
   * Serialises the scoring of a call in the caller's transaction: whatever writes results holds it
   * exclusively, chunks of a run that only stage totals hold it shared. Taken before reading, so that
   * (in READ COMMITTED) a statement that waited sees the facts the previous holder committed.
   */
  async lockCall(tx: Transaction, callId: string, mode: 'exclusive' | 'shared'): Promise<void> {
    const lock = mode === 'exclusive' ? 'pg_advisory_xact_lock' : 'pg_advisory_xact_lock_shared';
    await tx.query(`SELECT ${lock}(hashtextextended('scoring:' || $1::text, 0))`, [callId]);
  }

  /**
   * Recomputes and upserts the result of every application of the call that has a submitted
   * evaluation, and deletes the results of those that no longer have one. Idempotent. The caller
   * holds the call's lock (`lockCall`).
   */
  async scoreCall(tx: Transaction, callId: string): Promise<{ applications: number }> {
    return firstCount(await tx.query(SCORE_CALL_SQL, [callId]));
  }

  /**
   * The same results as `scoreCall`, bit for bit, at the cost of the evaluations that changed since
   * the last rescoring (their totals) plus one pass over the call's kept totals (moments, ranks);
   * writes only the results that changed. Idempotent; the caller holds the call's lock.
   */
  async rescoreIncrementally(tx: Transaction, callId: string): Promise<{ applications: number }> {
    await tx.query(FORGET_TOTALS_OF_OLD_DEFINITION_SQL, [callId]);
    const [{ any }] = (await tx.query(ANY_KEPT_TOTAL_SQL, [callId])) as Array<{ any: boolean }>;
    if (any) {
      await tx.query(FORGET_STALE_TOTALS_SQL, [callId]);
      await tx.query(KEEP_MISSING_TOTALS_SQL, [callId]);
    } else {
      await tx.query(KEEP_EVERY_TOTAL_SQL, [callId]);
    }
    // The pass over the kept totals sorts them several times: in memory, not in files, at 100,000 applications.
    await tx.query(`SET LOCAL work_mem = '64MB'`);
    const written = firstCount(await tx.query(SCORE_CALL_FROM_KEPT_TOTALS_SQL, [callId]));
    await tx.query(`UPDATE scoring_call_definitions SET rescored_at = clock_timestamp() WHERE call_id = $1`, [callId]);
    return written;
  }

  /** Like `scoreCall`, from the evaluator totals that a run staged instead of the live scores. */
  async scoreCallFromRun(tx: Transaction, callId: string, runId: string): Promise<{ applications: number }> {
    return firstCount(await tx.query(SCORE_CALL_FROM_RUN_SQL, [callId, runId]));
  }

  /**
   * When the call's results were last brought up to date: an incremental rescoring that changed no
   * result wrote none, so its own time counts too.
   */
  async lastComputedAt(callId: string, tx: Transaction = this.transactions.autocommit): Promise<Date | null> {
    const [row] = (await tx.query(
      `SELECT greatest(
         (SELECT max(computed_at) FROM application_results WHERE call_id = $1),
         (SELECT rescored_at FROM scoring_call_definitions WHERE call_id = $1)) AS at`,
      [callId],
    )) as Array<{ at: Date | null }>;
    return row.at;
  }

  /** Every stored result of the call (ranked ones by rank, then the others by application id). */
  async results(callId: string, tx: Transaction = this.transactions.autocommit): Promise<ApplicationResult[]> {
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

function firstCount(rows: Array<{ applications: number }>): { applications: number } {
  return { applications: rows[0]?.applications ?? 0 };
}
