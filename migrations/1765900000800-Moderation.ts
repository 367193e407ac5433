import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Moderation of flagged applications (issue 14), in a context of its own that owns these tables:
 * - moderation_chairs: the panel member the secretariat names chair of a call, who may moderate it;
 * - moderation_additions: the applications the secretariat adds to a stage's queue, with a reason;
 * - moderation_resolutions: every resolution of an application in a stage, kept as history; one is
 *   current (a partial unique index), the one a new resolution replaces stops being current.
 *
 * Scoring ranks an application by its current consensus score, read through the view
 * moderation_consensus_scores, and keeps it beside the figures in application_results, so that the
 * ranking, its exports and the published cohort (through scoring_application_results) say which
 * scores are consensus scores. Moderation
 * reads the figures and each evaluator's total through scoring's views. All three tables take the
 * published-call trigger of the Cohorts migration: after publication nothing is moderated.
 */
export class Moderation1765900000800 implements MigrationInterface {
  name = 'Moderation1765900000800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE moderation_chairs (
        call_id uuid PRIMARY KEY REFERENCES calls (id) ON DELETE CASCADE,
        chair_id uuid NOT NULL REFERENCES users (id),
        named_by uuid NOT NULL REFERENCES users (id),
        named_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE moderation_additions (
        application_id uuid NOT NULL REFERENCES applications (id),
        stage integer NOT NULL CHECK (stage >= 1),
        call_id uuid NOT NULL REFERENCES calls (id),
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
        added_by uuid NOT NULL REFERENCES users (id),
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (application_id, stage)
      )`);
    await q.query(`CREATE INDEX moderation_additions_by_call ON moderation_additions (call_id, stage)`);
    await q.query(`
      CREATE TABLE moderation_resolutions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        call_id uuid NOT NULL REFERENCES calls (id),
        application_id uuid NOT NULL REFERENCES applications (id),
        stage integer NOT NULL CHECK (stage >= 1),
        outcome text NOT NULL CHECK (outcome IN ('scores_stand', 'revisit', 'consensus')),
        note text NOT NULL CHECK (length(note) BETWEEN 1 AND 2000),
        consensus_score float8 CHECK (consensus_score BETWEEN 0 AND 100),
        revisiting_evaluator_ids uuid[] NOT NULL DEFAULT '{}',
        decided_by uuid NOT NULL REFERENCES users (id),
        decided_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        current boolean NOT NULL DEFAULT true,
        CHECK ((outcome = 'consensus') = (consensus_score IS NOT NULL)),
        CHECK ((outcome = 'revisit') = (cardinality(revisiting_evaluator_ids) > 0))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX moderation_resolutions_current ON moderation_resolutions (application_id, stage) WHERE current`,
    );
    await q.query(`CREATE INDEX moderation_resolutions_by_call ON moderation_resolutions (call_id, stage)`);
    for (const table of ['moderation_chairs', 'moderation_additions', 'moderation_resolutions']) {
      await q.query(`
        CREATE TRIGGER ${table}_frozen_after_publication BEFORE INSERT OR UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION refuse_writes_of_published_calls()`);
    }
    await q.query(`
      CREATE VIEW moderation_consensus_scores AS
      SELECT application_id, stage, consensus_score FROM moderation_resolutions WHERE current AND outcome = 'consensus'`);

    await q.query(`ALTER TABLE application_results ADD COLUMN consensus_score float8`);
    await q.query(`
      CREATE VIEW scoring_moderation_figures AS
      SELECT application_id, call_id, stage, raw_score, score, consensus_score, evaluation_count, spread, std_dev,
             needs_moderation, rank
      FROM application_results`);
    // The published cohort states which members a consensus score ranked, and the score.
    await q.query(`
      CREATE OR REPLACE VIEW scoring_application_results AS
      SELECT application_id, rank, score, evaluation_count, stage, consensus_score FROM application_results`);
    await q.query(`
      CREATE VIEW scoring_moderation_totals AS
      SELECT assignment_id, application_id, call_id, stage, evaluator_id, total FROM scoring_evaluation_totals`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW IF EXISTS scoring_moderation_totals`);
    await q.query(`DROP VIEW IF EXISTS scoring_moderation_figures`);
    await q.query(`DROP VIEW scoring_application_results`);
    await q.query(`
      CREATE VIEW scoring_application_results AS
      SELECT application_id, rank, score, evaluation_count, stage FROM application_results`);
    await q.query(`ALTER TABLE application_results DROP COLUMN IF EXISTS consensus_score`);
    await q.query(`DROP VIEW IF EXISTS moderation_consensus_scores`);
    await q.query(`DROP TABLE IF EXISTS moderation_resolutions`);
    await q.query(`DROP TABLE IF EXISTS moderation_additions`);
    await q.query(`DROP TABLE IF EXISTS moderation_chairs`);
  }
}
