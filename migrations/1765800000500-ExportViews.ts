import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the exports of the ranking and of the evaluations read of other contexts: an application's
 * status and the eligibility in force (the secretariat's decision, else the computed one; null for a
 * draft) join the view of who applied, appended so that its readers are unchanged.
 */
export class ExportViews1765800000500 implements MigrationInterface {
  name = 'ExportViews1765800000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE VIEW applications_organisations AS
      SELECT id AS application_id, call_id, organisation_id, country_code, region, status,
             COALESCE((eligibility_override->>'eligible')::boolean, (eligibility->>'eligible')::boolean) AS eligible
      FROM applications`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW applications_organisations`);
    await q.query(`
      CREATE VIEW applications_organisations AS
      SELECT id AS application_id, call_id, organisation_id, country_code, region FROM applications`);
  }
}
