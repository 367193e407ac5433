import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Discussion threads of an application among its evaluators and the secretariat (discussion owns
 * them). A post keeps its current text; each edit appends the text it replaced to
 * discussion_post_versions, so the history is never rewritten. Mentions are user ids. Both tables
 * take the published-call trigger of the Cohorts migration: once a call's cohort is published its
 * discussions are frozen whatever code runs.
 *
 * Discussion reads who may take part through views: identity grants the secretariat's active
 * accounts (identity_staff_names), evaluation already grants the assignment states.
 */
export class Discussion1765900000400 implements MigrationInterface {
  name = 'Discussion1765900000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE discussion_posts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        call_id uuid NOT NULL REFERENCES calls (id),
        application_id uuid NOT NULL REFERENCES applications (id),
        author_id uuid NOT NULL REFERENCES users (id),
        author_kind text NOT NULL CHECK (author_kind IN ('evaluator', 'secretariat')),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
        mention_ids uuid[] NOT NULL DEFAULT '{}',
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        edited_at timestamptz
      )`);
    await q.query(`CREATE INDEX discussion_posts_by_application ON discussion_posts (application_id, created_at, id)`);
    await q.query(`
      CREATE TABLE discussion_post_versions (
        post_id uuid NOT NULL REFERENCES discussion_posts (id),
        version integer NOT NULL,
        call_id uuid NOT NULL REFERENCES calls (id),
        body text NOT NULL,
        mention_ids uuid[] NOT NULL,
        written_at timestamptz NOT NULL,
        replaced_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (post_id, version)
      )`);
    for (const table of ['discussion_posts', 'discussion_post_versions']) {
      await q.query(`
        CREATE TRIGGER ${table}_frozen_after_publication BEFORE INSERT OR UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION refuse_writes_of_published_calls()`);
    }
    await q.query(`
      CREATE VIEW identity_staff_names AS
      SELECT id AS user_id, display_name FROM users WHERE role IN ('secretariat', 'admin') AND active`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW IF EXISTS identity_staff_names`);
    await q.query(`DROP TABLE IF EXISTS discussion_post_versions`);
    await q.query(`DROP TABLE IF EXISTS discussion_posts`);
  }
}
