import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the paged list of a call's panel reads of its members' accounts: their name, e-mail address,
 * country and affiliation, so that it sorts and pages them in one statement. A plain projection, which
 * the planner inlines.
 */
export class PanelMemberProfiles1765900000100 implements MigrationInterface {
  name = 'PanelMemberProfiles1765900000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW identity_user_profiles AS
      SELECT id AS user_id, display_name, email, country_code, affiliation FROM users`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW IF EXISTS identity_user_profiles`);
  }
}
