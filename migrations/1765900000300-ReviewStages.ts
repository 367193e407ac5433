import { MigrationInterface, QueryRunner } from 'typeorm';

/** SQLSTATE of the publication guard (1764400000000-Cohorts), which these tables join. */
const PUBLISHED_GUARD = 'refuse_writes_of_published_calls()';

/**
 * Review stages (issue 14): a call has ordered stages 1..n, each with its own scale, normalisation,
 * evaluators per application, criteria and evaluation due date. Every existing call gets its stage 1
 * from its own fields, and everything keyed by the call before stages is stage 1's: criteria,
 * assignments, scoring results, kept totals and moments, runs. The call's own `scoring` and
 * `evaluators_per_application` stay as the v1 contract reads them; a trigger makes and keeps stage 1
 * from them, so that every call has its stage 1 whoever writes it.
 *
 * Between stages a shortlist (cohorts) says which applications advance; evaluation reads the confirmed
 * ones through `cohorts_stage_shortlisted`. The call's `final_ranking` says how the final ranking is
 * made: the last stage's, or a weighted combination of the stages' scores.
 */
export class ReviewStages1765900000300 implements MigrationInterface {
  name = 'ReviewStages1765900000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE call_stages (
        call_id uuid NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position >= 1),
        name text NOT NULL,
        scoring jsonb NOT NULL,
        evaluators_per_application integer NOT NULL CHECK (evaluators_per_application >= 1),
        evaluation_due_at timestamptz,
        PRIMARY KEY (call_id, position)
      )`);
    await q.query(`
      INSERT INTO call_stages (call_id, position, name, scoring, evaluators_per_application)
      SELECT id, 1, 'Evaluation', scoring, evaluators_per_application FROM calls`);
    await q.query(`
      CREATE FUNCTION calls_mirror_first_stage() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO call_stages AS s (call_id, position, name, scoring, evaluators_per_application)
        VALUES (NEW.id, 1, 'Evaluation', NEW.scoring, NEW.evaluators_per_application)
        ON CONFLICT (call_id, position) DO UPDATE
          SET scoring = EXCLUDED.scoring, evaluators_per_application = EXCLUDED.evaluators_per_application
          WHERE (s.scoring, s.evaluators_per_application)
            IS DISTINCT FROM (EXCLUDED.scoring, EXCLUDED.evaluators_per_application);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER calls_first_stage AFTER INSERT OR UPDATE OF scoring, evaluators_per_application ON calls
      FOR EACH ROW EXECUTE FUNCTION calls_mirror_first_stage()`);
    await q.query(`ALTER TABLE calls ADD COLUMN final_ranking jsonb NOT NULL DEFAULT '{"rule": "last-stage"}'`);

    // Criteria belong to a stage; codes are unique within it. The call and its stages are written in
    // one transaction, the criteria before the stages, hence the deferred check.
    await q.query(`ALTER TABLE criteria ADD COLUMN stage integer NOT NULL DEFAULT 1`);
    await q.query(`ALTER TABLE criteria DROP CONSTRAINT criteria_call_code_key`);
    await q.query(`ALTER TABLE criteria ADD CONSTRAINT criteria_call_stage_code_key UNIQUE (call_id, stage, code)`);
    await q.query(`
      ALTER TABLE criteria ADD CONSTRAINT criteria_stage_fkey FOREIGN KEY (call_id, stage)
      REFERENCES call_stages (call_id, position) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED`);

    await q.query(`
      CREATE OR REPLACE VIEW calls_scoring_settings AS
      SELECT call_id,
             (scoring->>'scaleMin')::float8 AS scale_min,
             (scoring->>'scaleMax')::float8 - (scoring->>'scaleMin')::float8 AS scale_range,
             COALESCE(scoring->>'normalization', 'none') AS normalization,
             COALESCE((scoring->>'disagreementThreshold')::float8, 30) AS threshold,
             position AS stage
      FROM call_stages`);
    await q.query(`CREATE OR REPLACE VIEW calls_scoring_criteria AS SELECT call_id, code, weight, stage FROM criteria`);
    await q.query(`
      CREATE OR REPLACE VIEW calls_criterion_titles AS
      SELECT call_id, code, title, weight, position, stage FROM criteria`);
    // How many stages each call has: cohorts select from the last one.
    await q.query(`
      CREATE VIEW calls_review_stages AS
      SELECT call_id, position AS stage, evaluators_per_application FROM call_stages`);

    // An evaluator holds at most one live slot per application and stage.
    await q.query(`ALTER TABLE assignments ADD COLUMN stage integer NOT NULL DEFAULT 1`);
    await q.query(`DROP INDEX assignments_live_key`);
    await q.query(`
      CREATE UNIQUE INDEX assignments_live_key ON assignments (application_id, evaluator_id, stage)
      WHERE status IN ('assigned', 'draft', 'submitted')`);
    await q.query(`
      CREATE OR REPLACE VIEW evaluation_assignment_states AS
      SELECT id AS assignment_id, call_id, application_id, evaluator_id, status, xmin::text::bigint AS version, stage
      FROM assignments`);
    await q.query(`
      CREATE OR REPLACE VIEW evaluation_submitted_evaluations AS
      SELECT id AS assignment_id, call_id, application_id, evaluator_id, submitted_at, overall_comment, stage
      FROM assignments
      WHERE status = 'submitted'`);

    // Scoring keeps its figures per stage.
    await q.query(`ALTER TABLE application_results ADD COLUMN stage integer NOT NULL DEFAULT 1`);
    await q.query(`ALTER TABLE application_results DROP CONSTRAINT application_results_pkey`);
    await q.query(`ALTER TABLE application_results ADD PRIMARY KEY (application_id, stage)`);
    await q.query(`DROP INDEX application_results_call_rank_idx`);
    await q.query(`CREATE INDEX application_results_call_rank_idx ON application_results (call_id, stage, rank)`);
    await q.query(`
      CREATE OR REPLACE VIEW scoring_application_results AS
      SELECT application_id, rank, score, evaluation_count, stage FROM application_results`);

    await q.query(`ALTER TABLE scoring_evaluation_totals ADD COLUMN stage integer NOT NULL DEFAULT 1`);
    await q.query(`DROP INDEX scoring_evaluation_totals_call_idx`);
    await q.query(`DROP INDEX scoring_evaluation_totals_evaluator_idx`);
    await q.query(`DROP INDEX scoring_evaluation_totals_application_idx`);
    await q.query(`CREATE INDEX scoring_evaluation_totals_call_idx ON scoring_evaluation_totals (call_id, stage)`);
    await q.query(
      `CREATE INDEX scoring_evaluation_totals_evaluator_idx ON scoring_evaluation_totals (call_id, stage, evaluator_id) INCLUDE (total)`,
    );
    await q.query(
      `CREATE INDEX scoring_evaluation_totals_application_idx ON scoring_evaluation_totals (call_id, stage, application_id) INCLUDE (evaluator_id, total)`,
    );
    await q.query(`ALTER TABLE scoring_evaluator_moments ADD COLUMN stage integer NOT NULL DEFAULT 1`);
    await q.query(`ALTER TABLE scoring_evaluator_moments DROP CONSTRAINT scoring_evaluator_moments_pkey`);
    await q.query(`ALTER TABLE scoring_evaluator_moments ADD PRIMARY KEY (call_id, stage, evaluator_id)`);
    await q.query(`ALTER TABLE scoring_call_definitions ADD COLUMN stage integer NOT NULL DEFAULT 1`);
    await q.query(`ALTER TABLE scoring_call_definitions DROP CONSTRAINT scoring_call_definitions_pkey`);
    await q.query(`ALTER TABLE scoring_call_definitions ADD PRIMARY KEY (call_id, stage)`);
    // A full run stages the totals of every stage's evaluations and scores each stage from its own.
    await q.query(`ALTER TABLE scoring_run_totals ADD COLUMN stage integer NOT NULL DEFAULT 1`);

    await q.query(`
      CREATE TABLE stage_shortlists (
        call_id uuid NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
        -- The stage the shortlisted applications advance to (2..n), from the ranking of the one before.
        stage integer NOT NULL CHECK (stage >= 2),
        status text NOT NULL CHECK (status IN ('proposed', 'confirmed')),
        rule jsonb NOT NULL,
        -- Every ranked application of the previous stage: [{applicationId, rank, score, advancing, reason, note?}].
        entries jsonb NOT NULL,
        proposed_by uuid NOT NULL REFERENCES users (id),
        proposed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        confirmed_by uuid REFERENCES users (id),
        confirmed_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        PRIMARY KEY (call_id, stage),
        CONSTRAINT stage_shortlists_confirmed_check CHECK ((status = 'confirmed') = (confirmed_at IS NOT NULL))
      )`);
    await q.query(`
      CREATE VIEW cohorts_stage_shortlisted AS
      SELECT s.call_id, s.stage, (e->>'applicationId')::uuid AS application_id
      FROM stage_shortlists s CROSS JOIN LATERAL jsonb_array_elements(s.entries) e
      WHERE s.status = 'confirmed' AND (e->>'advancing')::boolean`);

    for (const table of ['call_stages', 'stage_shortlists']) {
      await q.query(`
        CREATE TRIGGER ${table}_frozen_after_publication BEFORE INSERT OR UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION ${PUBLISHED_GUARD}`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW IF EXISTS cohorts_stage_shortlisted`);
    await q.query(`DROP TABLE IF EXISTS stage_shortlists`);
    await q.query(`DELETE FROM scoring_run_totals WHERE stage <> 1`);
    await q.query(`ALTER TABLE scoring_run_totals DROP COLUMN stage`);
    for (const [table, key] of [
      ['scoring_call_definitions', 'call_id'],
      ['scoring_evaluator_moments', 'call_id, evaluator_id'],
    ]) {
      await q.query(`DELETE FROM ${table} WHERE stage <> 1`);
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_pkey`);
      await q.query(`ALTER TABLE ${table} DROP COLUMN stage`);
      await q.query(`ALTER TABLE ${table} ADD PRIMARY KEY (${key})`);
    }
    await q.query(`DELETE FROM scoring_evaluation_totals WHERE stage <> 1`);
    await q.query(`DROP INDEX scoring_evaluation_totals_call_idx`);
    await q.query(`DROP INDEX scoring_evaluation_totals_evaluator_idx`);
    await q.query(`DROP INDEX scoring_evaluation_totals_application_idx`);
    await q.query(`DROP VIEW scoring_application_results`);
    await q.query(`DROP VIEW evaluation_submitted_evaluations`);
    await q.query(`DROP VIEW evaluation_assignment_states`);
    await q.query(`DROP VIEW calls_review_stages`);
    await q.query(`DROP VIEW calls_criterion_titles`);
    await q.query(`DROP VIEW calls_scoring_criteria`);
    await q.query(`DROP VIEW calls_scoring_settings`);
    await q.query(`ALTER TABLE scoring_evaluation_totals DROP COLUMN stage`);
    await q.query(`CREATE INDEX scoring_evaluation_totals_call_idx ON scoring_evaluation_totals (call_id)`);
    await q.query(
      `CREATE INDEX scoring_evaluation_totals_evaluator_idx ON scoring_evaluation_totals (call_id, evaluator_id) INCLUDE (total)`,
    );
    await q.query(
      `CREATE INDEX scoring_evaluation_totals_application_idx ON scoring_evaluation_totals (call_id, application_id) INCLUDE (evaluator_id, total)`,
    );
    await q.query(`DELETE FROM application_results WHERE stage <> 1`);
    await q.query(`DROP INDEX application_results_call_rank_idx`);
    await q.query(`ALTER TABLE application_results DROP CONSTRAINT application_results_pkey`);
    await q.query(`ALTER TABLE application_results DROP COLUMN stage`);
    await q.query(`ALTER TABLE application_results ADD PRIMARY KEY (application_id)`);
    await q.query(`CREATE INDEX application_results_call_rank_idx ON application_results (call_id, rank)`);
    await q.query(`DELETE FROM assignments WHERE stage <> 1`);
    await q.query(`DROP INDEX assignments_live_key`);
    await q.query(`ALTER TABLE assignments DROP COLUMN stage`);
    await q.query(`
      CREATE UNIQUE INDEX assignments_live_key ON assignments (application_id, evaluator_id)
      WHERE status IN ('assigned', 'draft', 'submitted')`);
    await q.query(`DELETE FROM criteria WHERE stage <> 1`);
    await q.query(`ALTER TABLE criteria DROP CONSTRAINT criteria_stage_fkey`);
    await q.query(`ALTER TABLE criteria DROP CONSTRAINT criteria_call_stage_code_key`);
    await q.query(`ALTER TABLE criteria DROP COLUMN stage`);
    await q.query(`ALTER TABLE criteria ADD CONSTRAINT criteria_call_code_key UNIQUE (call_id, code)`);
    await q.query(`ALTER TABLE calls DROP COLUMN final_ranking`);
    await q.query(`DROP TRIGGER calls_first_stage ON calls`);
    await q.query(`DROP FUNCTION calls_mirror_first_stage()`);
    await q.query(`DROP TABLE call_stages`);
    // The views as 1765100000000-ScoringIncremental and 1765200000000-ContextViews made them.
    await q.query(`
      CREATE VIEW calls_scoring_settings AS
      SELECT id AS call_id,
             (scoring->>'scaleMin')::float8 AS scale_min,
             (scoring->>'scaleMax')::float8 - (scoring->>'scaleMin')::float8 AS scale_range,
             COALESCE(scoring->>'normalization', 'none') AS normalization,
             COALESCE((scoring->>'disagreementThreshold')::float8, 30) AS threshold
      FROM calls`);
    await q.query(`CREATE VIEW calls_scoring_criteria AS SELECT call_id, code, weight FROM criteria`);
    await q.query(`CREATE VIEW calls_criterion_titles AS SELECT call_id, code, title, weight, position FROM criteria`);
    await q.query(`
      CREATE VIEW evaluation_assignment_states AS
      SELECT id AS assignment_id, call_id, application_id, evaluator_id, status, xmin::text::bigint AS version
      FROM assignments`);
    await q.query(`
      CREATE VIEW evaluation_submitted_evaluations AS
      SELECT id AS assignment_id, call_id, application_id, evaluator_id, submitted_at, overall_comment
      FROM assignments WHERE status = 'submitted'`);
    await q.query(`
      CREATE VIEW scoring_application_results AS
      SELECT application_id, rank, score, evaluation_count FROM application_results`);
  }
}
