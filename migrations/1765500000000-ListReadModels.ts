import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Views for the list read models: the ranking (scoring) and the secretariat's list of applications
 * search and sort by who applied, which lives in identity and applications. Plain views, inlined by
 * the planner, so that a join the query does not need (no search, sort by rank) is removed.
 */
export class ListReadModels1765500000000 implements MigrationInterface {
  name = 'ListReadModels1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE VIEW identity_organisation_names AS SELECT id, name, city FROM organisations`);
    await q.query(`
      CREATE VIEW applications_organisations AS
      SELECT id AS application_id, call_id, organisation_id, country_code, region FROM applications`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW IF EXISTS applications_organisations`);
    await q.query(`DROP VIEW IF EXISTS identity_organisation_names`);
  }
}
