import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Incremental scoring, and the views through which scoring reads the other contexts' tables.
 *
 * Each view is owned, and named, by the context whose table it reads, and grants scoring the columns
 * it needs. They are plain projections (no aggregate, no DISTINCT), so the planner inlines them and
 * uses the tables' indexes as before.
 *
 * scoring_evaluation_totals keeps each submitted evaluation's total T (DESIGN.md §5.1), computed from
 * the version of the assignment row it was computed from (its xmin, the transaction that last wrote
 * it: a reopening or a resubmission writes the row, hence a new version); scoring_call_definitions keeps the scale and weights they
 * were computed with. A rescoring recomputes only the totals whose version or definition changed.
 */
export class ScoringIncremental1765100000000 implements MigrationInterface {
  name = 'ScoringIncremental1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW calls_scoring_settings AS
      SELECT id AS call_id,
             (scoring->>'scaleMin')::float8 AS scale_min,
             (scoring->>'scaleMax')::float8 - (scoring->>'scaleMin')::float8 AS scale_range,
             COALESCE(scoring->>'normalization', 'none') AS normalization,
             COALESCE((scoring->>'disagreementThreshold')::float8, 30) AS threshold
      FROM calls`);
    await q.query(`CREATE VIEW calls_scoring_criteria AS SELECT call_id, code, weight FROM criteria`);
    await q.query(`
      CREATE VIEW evaluation_assignment_states AS
      SELECT id AS assignment_id, call_id, application_id, evaluator_id, status, xmin::text::bigint AS version
      FROM assignments`);
    await q.query(`
      CREATE VIEW evaluation_criterion_scores AS
      SELECT assignment_id, criterion_code, score FROM criterion_scores`);
    await q.query(`
      CREATE VIEW applications_ranking_facts AS
      SELECT id AS application_id, call_id,
             status = 'submitted'
               AND COALESCE((eligibility_override->>'eligible')::boolean, (eligibility->>'eligible')::boolean, false)
               AS rankable,
             date_trunc('milliseconds', submitted_at) AS submitted_at
      FROM applications`);
    await q.query(`
      CREATE VIEW applications_statistics_facts AS
      SELECT call_id, status, country_code, region, organisation_id,
             COALESCE((eligibility_override->>'eligible')::boolean, (eligibility->>'eligible')::boolean, false)
               AS eligible
      FROM applications`);
    await q.query(`CREATE VIEW identity_organisation_types AS SELECT id AS organisation_id, type FROM organisations`);

    await q.query(`
      CREATE TABLE scoring_evaluation_totals (
        assignment_id uuid PRIMARY KEY,
        -- No foreign key: its check would cost more than computing a total; a call's totals go with its definition.
        call_id uuid NOT NULL,
        application_id uuid NOT NULL,
        evaluator_id uuid NOT NULL,
        assignment_version bigint NOT NULL,
        total double precision NOT NULL
      )`);
    await q.query(`CREATE INDEX scoring_evaluation_totals_call_idx ON scoring_evaluation_totals (call_id)`);
    await q.query(`
      CREATE TABLE scoring_call_definitions (
        call_id uuid PRIMARY KEY REFERENCES calls (id) ON DELETE CASCADE,
        definition text NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS scoring_call_definitions`);
    await q.query(`DROP TABLE IF EXISTS scoring_evaluation_totals`);
    for (const view of [
      'identity_organisation_types',
      'applications_statistics_facts',
      'applications_ranking_facts',
      'evaluation_criterion_scores',
      'evaluation_assignment_states',
      'calls_scoring_criteria',
      'calls_scoring_settings',
    ]) {
      await q.query(`DROP VIEW IF EXISTS ${view}`);
    }
  }
}
