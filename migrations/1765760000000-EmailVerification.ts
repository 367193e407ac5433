import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Verified e-mail addresses: an applicant confirms its address (by a single-use link) before it may
 * submit. Accounts that existed before are taken as verified, so that nobody is locked out of a
 * round under way. The view gives applications the names of the members who submitted.
 */
export class EmailVerification1765760000000 implements MigrationInterface {
  name = 'EmailVerification1765760000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN email_verified_at timestamptz`);
    await q.query(`UPDATE users SET email_verified_at = created_at`);
    await q.query(`CREATE VIEW identity_user_names AS SELECT id AS user_id, display_name FROM users`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW IF EXISTS identity_user_names`);
    await q.query(`ALTER TABLE users DROP COLUMN email_verified_at`);
  }
}
