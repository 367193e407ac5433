import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Full scoring runs (DESIGN.md §5): a run fans out in chunks of evaluations whose totals are staged
 * per run, then one step normalises, ranks and writes the results.
 */
export class ScoringRuns1764200000000 implements MigrationInterface {
  name = 'ScoringRuns1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE scoring_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        call_id uuid NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'completed', 'failed')),
        reason text NOT NULL CHECK (reason IN ('requested', 'reweighted')),
        requested_by uuid REFERENCES users (id),
        -- The outbox row that asked for the run (a request or a reweighting): one run per row.
        trigger_outbox_id uuid NOT NULL UNIQUE,
        -- Submitted evaluations to score and already scored, summed over the chunks.
        total integer NOT NULL DEFAULT 0 CHECK (total >= 0),
        done integer NOT NULL DEFAULT 0 CHECK (done >= 0 AND done <= total),
        -- The rescoring requests pending when the run was planned: the ones it reflects once completed.
        covered_requests uuid[] NOT NULL DEFAULT '{}',
        planned_at timestamptz,
        finished_at timestamptz,
        error text,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX scoring_runs_call_idx ON scoring_runs (call_id, created_at)`);

    await q.query(`
      CREATE TABLE scoring_run_chunks (
        run_id uuid NOT NULL REFERENCES scoring_runs (id) ON DELETE CASCADE,
        chunk integer NOT NULL CHECK (chunk >= 0),
        -- A range of the call's submitted assignments (evaluations), the key of their criterion scores.
        first_assignment_id uuid NOT NULL,
        last_assignment_id uuid NOT NULL,
        evaluations integer NOT NULL CHECK (evaluations > 0),
        done_at timestamptz,
        PRIMARY KEY (run_id, chunk)
      )`);

    // Written by a chunk in the transaction that marks it done, so a retried chunk never stages twice;
    // emptied when the run ends. No foreign key: checking one for each of 100,000s of rows costs a
    // sixth of a chunk, and nothing but a run's own steps writes or reads these rows.
    await q.query(`
      CREATE TABLE scoring_run_totals (
        run_id uuid NOT NULL,
        assignment_id uuid NOT NULL,
        application_id uuid NOT NULL,
        evaluator_id uuid NOT NULL,
        total double precision NOT NULL,
        PRIMARY KEY (run_id, assignment_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['scoring_run_totals', 'scoring_run_chunks', 'scoring_runs']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
