import { MigrationInterface, QueryRunner } from 'typeorm';

/** Evaluator panels, conflicts of interest, assignments, evaluations and their criterion scores. */
export class Evaluation1763900000000 implements MigrationInterface {
  name = 'Evaluation1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE panel_members (
        call_id uuid NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
        evaluator_id uuid NOT NULL REFERENCES users (id),
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (call_id, evaluator_id)
      )`);

    await q.query(`
      CREATE TABLE conflicts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        call_id uuid NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
        evaluator_id uuid NOT NULL REFERENCES users (id),
        application_id uuid NOT NULL REFERENCES applications (id),
        reason text NOT NULL,
        source text NOT NULL DEFAULT 'declared' CHECK (source IN ('declared', 'automatic')),
        declared_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT conflicts_evaluator_application_key UNIQUE (evaluator_id, application_id)
      )`);
    await q.query(`CREATE INDEX conflicts_call_idx ON conflicts (call_id)`);

    await q.query(`
      CREATE TABLE assignments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        call_id uuid NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
        application_id uuid NOT NULL REFERENCES applications (id),
        evaluator_id uuid NOT NULL REFERENCES users (id),
        status text NOT NULL DEFAULT 'assigned'
          CHECK (status IN ('assigned', 'draft', 'submitted', 'declined', 'released')),
        -- Why the slot was freed (declined by the evaluator or released by the secretariat).
        end_reason text,
        overall_comment text,
        submitted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT assignments_submitted_check CHECK ((status = 'submitted') = (submitted_at IS NOT NULL))
      )`);
    // An evaluator holds at most one live slot per application; freed slots stay as history.
    await q.query(`
      CREATE UNIQUE INDEX assignments_live_key ON assignments (application_id, evaluator_id)
      WHERE status IN ('assigned', 'draft', 'submitted')`);
    await q.query(`CREATE INDEX assignments_call_evaluator_idx ON assignments (call_id, evaluator_id)`);
    await q.query(`CREATE INDEX assignments_call_status_idx ON assignments (call_id, status)`);

    await q.query(`
      CREATE TABLE criterion_scores (
        assignment_id uuid NOT NULL REFERENCES assignments (id) ON DELETE CASCADE,
        criterion_code text NOT NULL,
        score integer NOT NULL,
        comment text,
        PRIMARY KEY (assignment_id, criterion_code)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['criterion_scores', 'assignments', 'conflicts', 'panel_members']) {
      await q.query(`DROP TABLE IF EXISTS ${table} CASCADE`);
    }
  }
}
