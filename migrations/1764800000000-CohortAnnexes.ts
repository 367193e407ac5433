import { MigrationInterface, QueryRunner } from 'typeorm';

/** SQLSTATE of a write refused because the call's cohort is published (mapped to 409 COHORT_PUBLISHED). */
const PUBLISHED = 'CP409';

/**
 * The annexes of published cohorts, rendered once (at publication, or on first request for cohorts
 * published before this table existed) and served as stored: a row is written only for a published
 * cohort, carries the SHA-256 of its bytes (the ETag), and never changes or goes away.
 */
export class CohortAnnexes1764800000000 implements MigrationInterface {
  name = 'CohortAnnexes1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cohort_annexes (
        cohort_id uuid NOT NULL REFERENCES cohorts (id),
        format text NOT NULL CHECK (format IN ('csv', 'pdf')),
        -- The language of the annex ('en', 'fr', ...); the CSV is written in English.
        locale text NOT NULL CHECK (locale ~ '^[a-z]{2}$'),
        content bytea NOT NULL,
        sha256 char(64) NOT NULL CHECK (sha256 = encode(sha256(content), 'hex')),
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (cohort_id, format, locale)
      )`);
    await q.query(`
      CREATE FUNCTION cohort_annexes_written_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          RAISE EXCEPTION 'the annexes of a published cohort are fixed: % refused', TG_OP USING ERRCODE = '${PUBLISHED}';
        END IF;
        IF NOT EXISTS (SELECT 1 FROM cohorts WHERE id = NEW.cohort_id AND status = 'published') THEN
          RAISE EXCEPTION 'only a published cohort has annexes' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER cohort_annexes_written_once BEFORE INSERT OR UPDATE OR DELETE ON cohort_annexes
      FOR EACH ROW EXECUTE FUNCTION cohort_annexes_written_once()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS cohort_annexes`);
    await q.query(`DROP FUNCTION IF EXISTS cohort_annexes_written_once()`);
  }
}
