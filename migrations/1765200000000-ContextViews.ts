import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The views through which cohorts, notifications and the publication of outcomes read the other
 * contexts' tables. Each is owned, and named, by the context whose table it reads. They are plain
 * projections (no aggregate), so the planner inlines them and keeps the tables' indexes: publication
 * still reads each application's evaluations by its own index range.
 */
export class ContextViews1765200000000 implements MigrationInterface {
  name = 'ContextViews1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW identity_user_contacts AS
      SELECT id AS user_id, email, display_name, locale FROM users`);
    await q.query(`CREATE VIEW identity_country_names AS SELECT code, name_en, name_fr FROM countries`);
    await q.query(`
      CREATE VIEW calls_criterion_titles AS
      SELECT call_id, code, title, weight, position FROM criteria`);
    // Withdrawn applications stay among the facts: a withdrawal must outdate a proposal.
    await q.query(`
      CREATE VIEW applications_selection_facts AS
      SELECT id AS application_id, call_id,
             CASE WHEN status = 'withdrawn' THEN 'withdrawn' ELSE 'submitted' END AS status,
             COALESCE((eligibility_override->>'eligible')::boolean, (eligibility->>'eligible')::boolean, false)
               AS eligible,
             country_code, region
      FROM applications
      WHERE submitted_at IS NOT NULL`);
    await q.query(`
      CREATE VIEW evaluation_submitted_evaluations AS
      SELECT id AS assignment_id, call_id, application_id, evaluator_id, submitted_at, overall_comment
      FROM assignments
      WHERE status = 'submitted'`);
    await q.query(`
      CREATE VIEW evaluation_criterion_feedback AS
      SELECT assignment_id, criterion_code, score, comment FROM criterion_scores`);
    await q.query(`
      CREATE VIEW scoring_application_results AS
      SELECT application_id, rank, score, evaluation_count FROM application_results`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const view of [
      'scoring_application_results',
      'evaluation_criterion_feedback',
      'evaluation_submitted_evaluations',
      'applications_selection_facts',
      'calls_criterion_titles',
      'identity_country_names',
      'identity_user_contacts',
    ]) {
      await q.query(`DROP VIEW IF EXISTS ${view}`);
    }
  }
}
