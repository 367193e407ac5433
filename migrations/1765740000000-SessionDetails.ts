import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions a user can see and end: each refresh token keeps the user agent and address of the
 * request that obtained it (sign-in or refresh); the user's tokens are found by one index, to list
 * their sessions and to end them all at once (deactivation, password change).
 */
export class SessionDetails1765740000000 implements MigrationInterface {
  name = 'SessionDetails1765740000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE refresh_tokens ADD COLUMN user_agent text, ADD COLUMN ip text`);
    await q.query(`CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id, family_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX refresh_tokens_user_idx`);
    await q.query(`ALTER TABLE refresh_tokens DROP COLUMN user_agent, DROP COLUMN ip`);
  }
}
