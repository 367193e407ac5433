import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Single-use account links (invitations, password resets, e-mail checks): only the SHA-256 of a
 * link's token is stored, and the token itself is a keyed hash of the link's id that nobody can
 * compute without ACCOUNT_LINK_SECRET. Invited people get a user row at once (the recipient of the
 * invitation's e-mail), without a password and inactive until they accept: `invited` tells them
 * from deactivated accounts.
 */
export class AccountLinks1765750000000 implements MigrationInterface {
  name = 'AccountLinks1765750000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL`);
    await q.query(`ALTER TABLE users ADD COLUMN invited boolean NOT NULL DEFAULT false`);
    await q.query(`
      CREATE TABLE account_links (
        id uuid PRIMARY KEY,
        purpose text NOT NULL CHECK (purpose IN ('invitation', 'password_reset', 'email_verification')),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash char(64) NOT NULL UNIQUE,
        payload jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT account_links_used_or_revoked CHECK (used_at IS NULL OR revoked_at IS NULL)
      )`);
    await q.query(`CREATE INDEX account_links_by_user ON account_links (user_id, purpose, created_at DESC)`);
    await q.query(`CREATE INDEX account_links_by_purpose ON account_links (purpose, created_at DESC, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE account_links`);
    await q.query(`ALTER TABLE users DROP COLUMN invited`);
    await q.query(`UPDATE users SET password_hash = '!' WHERE password_hash IS NULL`);
    await q.query(`ALTER TABLE users ALTER COLUMN password_hash SET NOT NULL`);
  }
}
