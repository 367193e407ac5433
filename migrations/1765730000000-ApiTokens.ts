import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Personal API tokens for integrations: a staff member's named, scoped, expiring bearer secrets,
 * stored only as their SHA-256 (the secret is shown once). Audit events record the token a request
 * was made with, by id and by the name it had then.
 */
export class ApiTokens1765730000000 implements MigrationInterface {
  name = 'ApiTokens1765730000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE api_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
        scopes text[] NOT NULL CHECK (
          cardinality(scopes) > 0 AND scopes <@ ARRAY['read', 'calls:write', 'applications:write', 'scoring:write']
        ),
        token_hash char(64) NOT NULL UNIQUE,
        prefix text NOT NULL,
        expires_at timestamptz NOT NULL,
        last_used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (expires_at > created_at)
      )`);
    await q.query(`CREATE INDEX api_tokens_user_idx ON api_tokens (user_id, created_at DESC, id)`);
    await q.query(`ALTER TABLE audit_events ADD COLUMN api_token_id uuid, ADD COLUMN api_token_name text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_events DROP COLUMN api_token_id, DROP COLUMN api_token_name`);
    await q.query(`DROP TABLE api_tokens`);
  }
}
