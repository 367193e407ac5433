import { MigrationInterface, QueryRunner } from 'typeorm';

/** SQLSTATE of a write refused because the call's cohort is published (mapped to 409 COHORT_PUBLISHED). */
const PUBLISHED = 'CP409';

/**
 * Cohorts (DESIGN.md §6) and the rule that a published cohort and everything that decided it are
 * immutable, enforced by the database whatever code runs against it: the cohort, the call, its
 * criteria (weights), applications, evaluations, scores and results.
 */
export class Cohorts1764400000000 implements MigrationInterface {
  name = 'Cohorts1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cohorts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        call_id uuid NOT NULL REFERENCES calls (id),
        status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'approved', 'published')),
        -- The constraints the proposal was computed with (the call's, or the secretariat's for this proposal).
        constraints jsonb NOT NULL,
        -- SHA-256 of the ranking and application facts the proposal was computed from: a cohort whose
        -- facts changed since (a withdrawal, a rescoring) is outdated and cannot be amended or published.
        facts_fingerprint char(64) NOT NULL,
        members jsonb NOT NULL,
        waitlist jsonb NOT NULL,
        -- Every application left out, 100,000s in a large call: json (kept as text, never queried
        -- inside) stores and reads back several times faster than jsonb.
        excluded json NOT NULL,
        unmet_constraints jsonb NOT NULL,
        -- Constraints the members break after the secretariat's overrides.
        violations jsonb NOT NULL DEFAULT '[]',
        -- Every override: { add, remove, reason, by, at }.
        overrides jsonb NOT NULL DEFAULT '[]',
        -- The public document as GET /public/cohorts/:id serves it, less contentHash, and its SHA-256.
        snapshot jsonb,
        content_hash char(64) CHECK (content_hash ~ '^[0-9a-f]{64}$'),
        version integer NOT NULL DEFAULT 1,
        created_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        approved_by uuid REFERENCES users (id),
        approved_at timestamptz,
        published_by uuid REFERENCES users (id),
        published_at timestamptz,
        CONSTRAINT cohorts_published_check CHECK (
          (status = 'published') = (snapshot IS NOT NULL AND content_hash IS NOT NULL AND published_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX cohorts_call_idx ON cohorts (call_id, created_at)`);
    await q.query(`CREATE UNIQUE INDEX cohorts_one_published_key ON cohorts (call_id) WHERE status = 'published'`);
    await q.query(`CREATE INDEX cohorts_published_idx ON cohorts (published_at DESC) WHERE status = 'published'`);

    await this.freezeAfterPublication(q);
  }

  private async freezeAfterPublication(q: QueryRunner): Promise<void> {
    // Rows that name their call: refused when that call is published (or archived), before or after.
    await q.query(`
      CREATE FUNCTION refuse_writes_of_published_calls() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        touched uuid[] := ARRAY[]::uuid[];
      BEGIN
        -- PL/pgSQL compiles a trigger function per table, so call_id resolves on each of them.
        IF TG_OP <> 'INSERT' THEN touched := touched || OLD.call_id; END IF;
        IF TG_OP <> 'DELETE' THEN touched := touched || NEW.call_id; END IF;
        IF EXISTS (SELECT 1 FROM calls WHERE id = ANY (touched) AND status IN ('published', 'archived')) THEN
          RAISE EXCEPTION 'the cohort of this call is published: % of % refused', TG_OP, TG_TABLE_NAME
            USING ERRCODE = '${PUBLISHED}';
        END IF;
        RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    for (const table of ['criteria', 'applications', 'cohorts', 'panel_members', 'conflicts', 'scoring_runs']) {
      await q.query(`
        CREATE TRIGGER ${table}_frozen_after_publication BEFORE INSERT OR UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION refuse_writes_of_published_calls()`);
    }

    // Tables written by the hundred thousand (scoring): one check per statement over the rows it touched.
    for (const [table, callsOf] of [
      ['assignments', (rows: string) => `SELECT call_id FROM ${rows}`],
      ['application_results', (rows: string) => `SELECT call_id FROM ${rows}`],
      [
        'criterion_scores',
        (rows: string) => `SELECT a.call_id FROM ${rows} r JOIN assignments a ON a.id = r.assignment_id`,
      ],
    ] as const) {
      const refusedIf = (rows: string) =>
        `IF EXISTS (SELECT 1 FROM calls WHERE status IN ('published', 'archived') AND id IN (${callsOf(rows)})) THEN
           RAISE EXCEPTION 'the cohort of this call is published: % of % refused', TG_OP, TG_TABLE_NAME
             USING ERRCODE = '${PUBLISHED}';
         END IF;`;
      // PL/pgSQL plans a statement when it first runs it, so each branch names only its event's tables.
      await q.query(`
        CREATE FUNCTION ${table}_frozen_after_publication() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP <> 'DELETE' THEN ${refusedIf('new_rows')} END IF;
          IF TG_OP <> 'INSERT' THEN ${refusedIf('old_rows')} END IF;
          RETURN NULL;
        END $$`);
      // A trigger with transition tables fires for one event only.
      for (const [event, referencing] of [
        ['INSERT', 'NEW TABLE AS new_rows'],
        ['UPDATE', 'NEW TABLE AS new_rows OLD TABLE AS old_rows'],
        ['DELETE', 'OLD TABLE AS old_rows'],
      ]) {
        await q.query(`
          CREATE TRIGGER ${table}_frozen_after_publication_${event.toLowerCase()} AFTER ${event} ON ${table}
          REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION ${table}_frozen_after_publication()`);
      }
    }

    // The call itself: once published, only archiving it remains possible.
    await q.query(`
      CREATE FUNCTION calls_frozen_after_publication() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR OLD.status = 'archived' OR NOT (
          NEW.status = 'archived'
          AND to_jsonb(NEW) - '{status,version,updated_at}'::text[] = to_jsonb(OLD) - '{status,version,updated_at}'::text[]
        ) THEN
          RAISE EXCEPTION 'the cohort of this call is published: % of the call refused', TG_OP
            USING ERRCODE = '${PUBLISHED}';
        END IF;
        RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await q.query(`
      CREATE TRIGGER calls_frozen_after_publication BEFORE UPDATE OR DELETE ON calls
      FOR EACH ROW WHEN (OLD.status IN ('published', 'archived')) EXECUTE FUNCTION calls_frozen_after_publication()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS calls_frozen_after_publication ON calls`);
    await q.query(`DROP FUNCTION IF EXISTS calls_frozen_after_publication()`);
    for (const table of ['assignments', 'application_results', 'criterion_scores']) {
      await q.query(`DROP FUNCTION IF EXISTS ${table}_frozen_after_publication() CASCADE`);
    }
    await q.query(`DROP FUNCTION IF EXISTS refuse_writes_of_published_calls() CASCADE`);
    await q.query(`DROP TABLE IF EXISTS cohorts`);
  }
}
