import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Single sign-on: the accounts of an OpenID Connect provider (its issuer and the subject it names
 * the user by) linked to platform users. A user signs in through the link from then on, whatever
 * e-mail address the provider gives later.
 */
export class UserIdentities1765720000000 implements MigrationInterface {
  name = 'UserIdentities1765720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_identities (
        issuer text NOT NULL,
        subject text NOT NULL,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        email text NOT NULL,
        linked_at timestamptz NOT NULL DEFAULT now(),
        last_sign_in_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (issuer, subject)
      )`);
    await q.query(`CREATE INDEX user_identities_user_idx ON user_identities (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE user_identities`);
  }
}
