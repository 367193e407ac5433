import { Injectable } from '@nestjs/common';
import { Transaction, Transactions } from '@app/platform';
import { PLAN_RUN_CHUNKS_SQL, STAGE_RUN_TOTALS_SQL } from './scoring.sql';

export type ScoringRunStatus = 'queued' | 'running' | 'completed' | 'failed';
export type ScoringRunReason = 'requested' | 'reweighted';

export interface ScoringRun {
  id: string;
  callId: string;
  status: ScoringRunStatus;
  reason: ScoringRunReason;
  /** Submitted evaluations to score, and those already scored by the run's chunks. */
  total: number;
  done: number;
  /** The outbox row that asked for the run; done when the run is. */
  triggerOutboxId: string;
  /** The rescoring requests pending when the run was planned (its trigger among them), which it reflects once completed. */
  coveredRequests: string[];
  createdAt: Date;
  /** When the run was planned and its chunks began. */
  startedAt: Date | null;
  finishedAt: Date | null;
  error: string | null;
}

/**
 * What the chunks of a run and its finishing statement read, besides the run's own tables. Every
 * chunk compares a range of the kept totals: planned as an empty table, each would read them all.
 */
const READ_BY_RUNS = [
  'assignments',
  'criterion_scores',
  'criteria',
  'applications',
  'application_results',
  'scoring_evaluation_totals',
];

const COLUMNS = `id, call_id AS "callId", status, reason, total, done, trigger_outbox_id AS "triggerOutboxId",
  covered_requests AS "coveredRequests",
  created_at AS "createdAt", planned_at AS "startedAt", finished_at AS "finishedAt", error`;

/** Full scoring runs, their chunks and the evaluator totals they stage. */
@Injectable()
export class ScoringRunsRepository {
  constructor(private readonly transactions: Transactions) {}

  async insert(
    tx: Transaction,
    run: { id?: string; callId: string; reason: ScoringRunReason; requestedBy?: string; triggerOutboxId: string },
  ): Promise<string | null> {
    const rows = (await tx.query(
      `INSERT INTO scoring_runs (id, call_id, reason, requested_by, trigger_outbox_id)
       VALUES (coalesce($1, gen_random_uuid()), $2, $3, $4, $5)
       ON CONFLICT (trigger_outbox_id) DO NOTHING RETURNING id`,
      [run.id ?? null, run.callId, run.reason, run.requestedBy ?? null, run.triggerOutboxId],
    )) as Array<{ id: string }>;
    return rows[0]?.id ?? null;
  }

  async findByTrigger(tx: Transaction, outboxId: string): Promise<string | null> {
    const rows = (await tx.query(`SELECT id FROM scoring_runs WHERE trigger_outbox_id = $1`, [outboxId])) as Array<{
      id: string;
    }>;
    return rows[0]?.id ?? null;
  }

  async findById(id: string, tx: Transaction = this.transactions.autocommit): Promise<ScoringRun | null> {
    const rows = (await tx.query(`SELECT ${COLUMNS} FROM scoring_runs WHERE id = $1`, [id])) as ScoringRun[];
    return rows[0] ?? null;
  }

  async lock(tx: Transaction, id: string): Promise<ScoringRun | null> {
    const rows = (await tx.query(`SELECT ${COLUMNS} FROM scoring_runs WHERE id = $1 FOR UPDATE`, [id])) as ScoringRun[];
    return rows[0] ?? null;
  }

  /** Splits the call's submitted evaluations into chunks and starts the run; answers the chunk numbers. */
  async plan(tx: Transaction, run: ScoringRun, chunkSize: number, coveredRequests: string[]): Promise<number[]> {
    await this.refreshStaleStatistics(tx);
    const chunks = (await tx.query(PLAN_RUN_CHUNKS_SQL, [run.callId, run.id, chunkSize])) as Array<{
      chunk: number;
      evaluations: number;
    }>;
    await tx.query(
      `UPDATE scoring_runs SET status = 'running', planned_at = clock_timestamp(), total = $2, covered_requests = $3
       WHERE id = $1`,
      [run.id, chunks.reduce((sum, c) => sum + c.evaluations, 0), coveredRequests],
    );
    return chunks.map((c) => c.chunk).sort((a, b) => a - b);
  }

  /**
   * Analyses those of the tables runs read that changed much since their last analysis, by
   * autovacuum's own rule (50 rows and 10% of the table), as after a bulk import that autovacuum
   * has not caught up with, or with autovacuum off: planned on the statistics of an emptier table,
   * every chunk reads its scores row by row (8 times slower at 40,000 applications). ANALYZE
   * samples a bounded number of rows, so this costs at most about a second, once per run.
   */
  private async refreshStaleStatistics(tx: Transaction): Promise<void> {
    const stale = (await tx.query(
      `SELECT s.relname FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
       WHERE s.schemaname = current_schema() AND s.relname = ANY ($1::text[])
         AND s.n_mod_since_analyze > current_setting('autovacuum_analyze_threshold')::float8
               + current_setting('autovacuum_analyze_scale_factor')::float8 * greatest(c.reltuples, 0)`,
      [READ_BY_RUNS],
    )) as Array<{ relname: string }>;
    for (const { relname } of stale) await tx.query(`ANALYZE ${relname}`);
  }

  async chunkNumbers(tx: Transaction, runId: string): Promise<number[]> {
    const rows = (await tx.query(`SELECT chunk FROM scoring_run_chunks WHERE run_id = $1 ORDER BY chunk`, [
      runId,
    ])) as Array<{ chunk: number }>;
    return rows.map((r) => r.chunk);
  }

  /**
   * Stages the chunk's evaluator totals that differ from the kept ones and marks it done, once: a
   * chunk already done stages nothing. Answers whether this call did the work. A chunk compares the
   * ids from its first to the next chunk's first (the first chunk from the lowest id, the last to
   * the highest), so that the kept totals of evaluations no longer submitted are compared too.
   */
  async stageChunk(tx: Transaction, run: ScoringRun, chunk: number): Promise<boolean> {
    const rows = (await tx.query(
      `SELECT CASE WHEN c.chunk = 0 THEN '00000000-0000-0000-0000-000000000000'::uuid ELSE c.first_assignment_id END AS "from",
              (SELECT n.first_assignment_id FROM scoring_run_chunks n WHERE n.run_id = c.run_id AND n.chunk = c.chunk + 1) AS "until",
              c.evaluations, c.done_at IS NOT NULL AS done
       FROM scoring_run_chunks c WHERE c.run_id = $1 AND c.chunk = $2 FOR UPDATE OF c`,
      [run.id, chunk],
    )) as Array<{ from: string; until: string | null; evaluations: number; done: boolean }>;
    const found = rows[0];
    if (!found || found.done) return false;
    // The chunk's scores are sorted by evaluation and criterion (the exact sums of §5.1 need that
    // order): in memory at this size, where the default work_mem spills them to disk.
    await tx.query(`SET LOCAL work_mem = '32MB'`);
    await tx.query(STAGE_RUN_TOTALS_SQL, [run.callId, run.id, found.from, found.until]);
    await tx.query(`UPDATE scoring_run_chunks SET done_at = clock_timestamp() WHERE run_id = $1 AND chunk = $2`, [
      run.id,
      chunk,
    ]);
    // An increment, not a recount: two chunks committing at once would each count only their own.
    await tx.query(`UPDATE scoring_runs SET done = done + $2 WHERE id = $1`, [run.id, found.evaluations]);
    return true;
  }

  async pendingChunks(tx: Transaction, runId: string): Promise<number> {
    const [row] = (await tx.query(
      `SELECT count(*)::int AS n FROM scoring_run_chunks WHERE run_id = $1 AND done_at IS NULL`,
      [runId],
    )) as Array<{ n: number }>;
    return row.n;
  }

  /** Ends the run; its staged totals are no longer needed. */
  async finish(tx: Transaction, runId: string, outcome: { status: 'completed' | 'failed'; error?: string }) {
    await tx.query(`DELETE FROM scoring_run_totals WHERE run_id = $1`, [runId]);
    await tx.query(`UPDATE scoring_runs SET status = $2, error = $3, finished_at = clock_timestamp() WHERE id = $1`, [
      runId,
      outcome.status,
      outcome.error ?? null,
    ]);
  }
}
