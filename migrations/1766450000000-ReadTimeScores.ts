import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scores that move with the stage's moments are computed where read (docs/rules.md "Normalised
 * scores computed where read"). A submission moves the stage's μ and σ, hence every normalised score: stored,
 * each one was rewritten on every submission. Each result now keeps the parts of its normalised
 * score that do not move with μ and σ (standardized_sum: Σ (T − μ_e)/σ_e over its evaluators with a
 * usable deviation; centred_sum: Σ (T − μ_e) over the others), the stage keeps μ and σ
 * (scoring_stage_moments), and the view scoring_results gives
 *   normalized_score = μ + (σ · standardized_sum + centred_sum) / evaluation_count,
 * and the score likewise where the stage is normalised by z-scores. A stored normalized_score or
 * score (a calibrated stage's, a raw stage's score, or one computed before this migration) is
 * read as stored. Every reader of the scores reads scoring_results, never the table.
 *
 * The kept aggregates are dropped: they are a cache of the live facts, and the next rescoring of
 * each call, finding none, computes every result's parts afresh. Results not rescored since keep
 * their stored scores, which are still those of their facts.
 */
export class ReadTimeScores1766450000000 implements MigrationInterface {
  name = 'ReadTimeScores1766450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE application_results
        ADD COLUMN standardized_sum double precision,
        ADD COLUMN centred_sum double precision,
        ALTER COLUMN normalized_score DROP NOT NULL,
        ALTER COLUMN score DROP NOT NULL`);
    await q.query(`
      CREATE TABLE scoring_stage_moments (
        call_id uuid NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
        stage integer NOT NULL,
        mu double precision NOT NULL,
        sigma double precision NOT NULL,
        computed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (call_id, stage)
      )`);
    // After publication the published scores must not move: the stage's moments are frozen as its results
    // are, by the results' check of the rows a statement touched (an upsert that changes nothing passes).
    for (const [event, referencing] of [
      ['INSERT', 'NEW TABLE AS new_rows'],
      ['UPDATE', 'NEW TABLE AS new_rows OLD TABLE AS old_rows'],
      ['DELETE', 'OLD TABLE AS old_rows'],
    ]) {
      await q.query(`
        CREATE TRIGGER scoring_stage_moments_frozen_after_publication_${event.toLowerCase()} AFTER ${event}
        ON scoring_stage_moments REFERENCING ${referencing}
        FOR EACH STATEMENT EXECUTE FUNCTION application_results_frozen_after_publication()`);
    }
    await q.query(`
      CREATE VIEW scoring_results AS
      SELECT r.application_id, r.call_id, r.stage, r.raw_score,
             COALESCE(r.normalized_score, m.mu + (m.sigma * r.standardized_sum + r.centred_sum) / r.evaluation_count)
               AS normalized_score,
             COALESCE(r.score, m.mu + (m.sigma * r.standardized_sum + r.centred_sum) / r.evaluation_count) AS score,
             r.evaluation_count, r.spread, r.std_dev, r.needs_moderation, r.consensus_score, r.rank,
             -- A score computed where read was last computed when its parts or the moments last changed.
             CASE WHEN r.normalized_score IS NULL THEN GREATEST(r.computed_at, m.computed_at) ELSE r.computed_at END
               AS computed_at
      FROM application_results r
      LEFT JOIN scoring_stage_moments m ON m.call_id = r.call_id AND m.stage = r.stage`);
    await grantViewsOf(q, 'scoring_results');
    await dropKeptAggregates(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE application_results r SET normalized_score = s.normalized_score, score = s.score
      FROM scoring_results s WHERE s.application_id = r.application_id AND s.stage = r.stage
        AND (r.normalized_score IS NULL OR r.score IS NULL)`);
    await grantViewsOf(q, 'application_results');
    await q.query(`DROP VIEW scoring_results`);
    await q.query(`DROP TABLE scoring_stage_moments`);
    await q.query(`
      ALTER TABLE application_results
        DROP COLUMN standardized_sum,
        DROP COLUMN centred_sum,
        ALTER COLUMN normalized_score SET NOT NULL,
        ALTER COLUMN score SET NOT NULL`);
    await dropKeptAggregates(q);
  }
}

/** The views scoring grants other contexts, of the results as read from `results`. */
async function grantViewsOf(q: QueryRunner, results: string): Promise<void> {
  await q.query(`
    CREATE OR REPLACE VIEW scoring_moderation_figures AS
    SELECT application_id, call_id, stage, raw_score, score, consensus_score, evaluation_count, spread, std_dev,
           needs_moderation, rank
    FROM ${results}`);
  await q.query(`
    CREATE OR REPLACE VIEW scoring_application_results AS
    SELECT application_id, rank, score, evaluation_count, stage, consensus_score FROM ${results}`);
}

/** The kept totals of calls not yet published (their counts and moments follow), rebuilt at the next rescoring. */
async function dropKeptAggregates(q: QueryRunner): Promise<void> {
  await q.query(`
    DELETE FROM scoring_evaluation_totals t USING calls c
    WHERE c.id = t.call_id AND c.status NOT IN ('published', 'archived')`);
  await q.query(`
    DELETE FROM scoring_evaluator_moments m USING calls c
    WHERE c.id = m.call_id AND c.status NOT IN ('published', 'archived')`);
}
