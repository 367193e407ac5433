import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Access tokens follow their user: a deactivated user signs in no more, and the token version,
 * bumped on deactivation, ends every access token issued before.
 */
export class UserAccountState1764700000000 implements MigrationInterface {
  name = 'UserAccountState1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE users ADD COLUMN active boolean NOT NULL DEFAULT true,
                         ADD COLUMN token_version integer NOT NULL DEFAULT 0`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN active, DROP COLUMN token_version`);
  }
}
