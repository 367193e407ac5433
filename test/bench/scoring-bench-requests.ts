import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { trackServerCpu } from './process-usage';
import { CALL_ID, SECRETARIAT_ID } from './scoring-bench-data';

/** The scoring bench's requests to the worker, made as the API makes them, and their timing. */

const POLL_MS = 25;
const TIMEOUT_MS = 10 * 60_000;

export interface TimedRequest {
  outboxId: string;
  /** From commit to completion. */
  ms: number;
  /** CPU of the database server meanwhile. */
  cpuMs: number;
}

export interface FullRun extends TimedRequest {
  runId: string;
}

async function backendPid(db: Client): Promise<number> {
  return (await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
}

/** Polls `done` until it answers true (or throws); answers the time since `since`. */
async function until(done: () => Promise<boolean>, since: number, what: string): Promise<number> {
  for (;;) {
    if (await done()) return performance.now() - since;
    if (performance.now() - since > TIMEOUT_MS) throw new Error(`${what} did not complete`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * Commits what `request` writes and times the worker's work until `done`. The tables a run churns
 * are vacuumed first, untimed, as autovacuum would have done between two runs (a test server may
 * run without it); plain VACUUM leaves the planner's statistics as they are.
 */
async function timed(
  db: Client,
  database: string,
  request: () => Promise<{ outboxId: string; done: () => Promise<boolean>; what: string }>,
): Promise<TimedRequest> {
  await db.query(
    'VACUUM application_results, scoring_evaluation_totals, scoring_evaluator_moments, scoring_total_counts, scoring_run_totals, scoring_run_chunks, scoring_runs, outbox',
  );
  const cpu = trackServerCpu(database, [await backendPid(db)]);
  await db.query('BEGIN');
  const { outboxId, done, what } = await request();
  await db.query('COMMIT');
  const ms = await until(done, performance.now(), what);
  return { outboxId, ms, cpuMs: cpu.stop() };
}

/** Requests a full run as ScoringRunsService.request does. */
export async function fullRun(db: Client, database: string): Promise<FullRun> {
  let runId = '';
  const timing = await timed(db, database, async () => {
    const outbox = await db.query<{ id: string; run_id: string }>(
      `INSERT INTO outbox (queue, job_name, payload)
       SELECT 'scoring', 'scoring.full-run', jsonb_build_object('callId', ${CALL_ID}, 'runId', r.id)
       FROM (SELECT gen_random_uuid() AS id) r RETURNING id, payload->>'runId' AS run_id`,
    );
    runId = outbox.rows[0].run_id;
    await db.query(
      `INSERT INTO scoring_runs (id, call_id, reason, requested_by, trigger_outbox_id)
       VALUES ($1, ${CALL_ID}, 'requested', ${SECRETARIAT_ID}, $2)`,
      [runId, outbox.rows[0].id],
    );
    const done = async () => {
      const { rows } = await db.query<{ status: string; error: string | null }>(
        'SELECT status, error FROM scoring_runs WHERE id = $1',
        [runId],
      );
      if (rows[0].status === 'failed') throw new Error(`scoring run ${runId} failed: ${rows[0].error}`);
      return rows[0].status === 'completed';
    };
    return { outboxId: outbox.rows[0].id, done, what: `scoring run ${runId}` };
  });
  return { ...timing, runId };
}

/** Requests an incremental rescoring, as a submitted evaluation does, after what `change` writes in the same transaction. */
export async function rescore(
  db: Client,
  database: string,
  change: () => Promise<void> = async () => undefined,
): Promise<TimedRequest> {
  return timed(db, database, async () => {
    await change();
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO outbox (queue, job_name, payload)
       VALUES ('scoring', 'scoring.rescore-call', jsonb_build_object('callId', ${CALL_ID})) RETURNING id`,
    );
    const done = async () =>
      (
        await db.query<{ done: boolean }>('SELECT completed_at IS NOT NULL AS done FROM outbox WHERE id = $1', [
          rows[0].id,
        ])
      ).rows[0].done;
    return { outboxId: rows[0].id, done, what: 'incremental rescoring' };
  });
}

/**
 * One evaluation resubmitted with one criterion scored differently (the `nth` submitted one of the
 * call), and its rescoring: what a reopening and a submission ask of the worker.
 */
export function resubmitOne(db: Client, database: string, nth: number): Promise<TimedRequest> {
  return rescore(db, database, async () => {
    const { rows } = await db.query<{ id: string }>(
      `SELECT id FROM assignments WHERE call_id = ${CALL_ID} AND status = 'submitted' ORDER BY id OFFSET $1 LIMIT 1`,
      [nth],
    );
    await db.query(
      `UPDATE criterion_scores SET score = (score + 3) % 11 WHERE assignment_id = $1 AND criterion_code = 'C1'`,
      [rows[0].id],
    );
    await db.query(`UPDATE assignments SET submitted_at = clock_timestamp() WHERE id = $1`, [rows[0].id]);
  });
}

/** The results are a full ranking: one result per application, ranks exactly 1..n. */
export async function verify(db: Client, applications: number): Promise<void> {
  const { rows } = await db.query<{ n: number; ranks: number; low: number; high: number }>(
    `SELECT count(*)::int AS n, count(DISTINCT rank)::int AS ranks, min(rank) AS low, max(rank) AS high
     FROM application_results WHERE call_id = ${CALL_ID}`,
  );
  const r = rows[0];
  if (r.n !== applications || r.ranks !== applications || r.low !== 1 || r.high !== applications)
    throw new Error(`unexpected results: ${JSON.stringify(r)}`);
}
