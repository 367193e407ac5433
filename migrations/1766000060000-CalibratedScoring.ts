import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Calibrated scores and rank uncertainty (issue 16 items 1–2), owned by scoring.
 *
 * `normalization: 'calibrated'` lives in the calls' `scoring` JSONB (calls and call_stages), which
 * no constraint limits to `none`/`zscore`: the API's validation is what allows it, and
 * calls_scoring_settings passes it through as it is. What the fit of a calibrated stage finds is
 * kept beside its results, written in the same transaction:
 * - scoring_calibrations: per call and stage, the ridge λ, the solver's iterations, the number of
 *   connected components, whether the evaluator–application graph is connected, and `fingerprint`,
 *   the SHA-256 of the totals fitted and of the ranking they gave; then the rank uncertainty's own
 *   facts (the fingerprint it was computed from, seed, replicates, cohort size K, when);
 * - scoring_calibration_evaluators: each evaluator's bias b_e and component;
 * - scoring_rank_uncertainties: per ranked application, P(rank ≤ K), its 90% rank interval and its
 *   mean rank over the bootstrap's replicates.
 */
export class CalibratedScoring1766000060000 implements MigrationInterface {
  name = 'CalibratedScoring1766000060000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE scoring_calibrations (
        call_id uuid NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
        stage integer NOT NULL,
        ridge double precision NOT NULL CHECK (ridge >= 0),
        iterations integer NOT NULL CHECK (iterations >= 0),
        relative_residual double precision NOT NULL,
        components integer NOT NULL CHECK (components >= 0),
        connected boolean NOT NULL,
        evaluations integer NOT NULL CHECK (evaluations >= 0),
        fingerprint text NOT NULL,
        fitted_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        uncertainty_fingerprint text,
        uncertainty_seed bigint,
        uncertainty_replicates integer CHECK (uncertainty_replicates >= 1),
        uncertainty_cohort_size integer CHECK (uncertainty_cohort_size >= 0),
        uncertainty_computed_at timestamptz,
        PRIMARY KEY (call_id, stage)
      )`);
    await q.query(`
      CREATE TABLE scoring_calibration_evaluators (
        call_id uuid NOT NULL,
        stage integer NOT NULL,
        evaluator_id uuid NOT NULL,
        bias double precision NOT NULL,
        component integer NOT NULL CHECK (component >= 0),
        evaluations integer NOT NULL CHECK (evaluations >= 1),
        PRIMARY KEY (call_id, stage, evaluator_id),
        FOREIGN KEY (call_id, stage) REFERENCES scoring_calibrations (call_id, stage) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE scoring_rank_uncertainties (
        call_id uuid NOT NULL,
        stage integer NOT NULL,
        application_id uuid NOT NULL,
        probability_in_cohort double precision NOT NULL CHECK (probability_in_cohort BETWEEN 0 AND 1),
        rank_lower integer NOT NULL CHECK (rank_lower >= 1),
        rank_upper integer NOT NULL CHECK (rank_upper >= rank_lower),
        mean_rank double precision NOT NULL,
        PRIMARY KEY (call_id, stage, application_id),
        FOREIGN KEY (call_id, stage) REFERENCES scoring_calibrations (call_id, stage) ON DELETE CASCADE
      )`);
    // The ranking reads an application's uncertainty by its key in the results: (application, stage).
    await q.query(
      `CREATE INDEX scoring_rank_uncertainties_application_idx ON scoring_rank_uncertainties (application_id, stage)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS scoring_rank_uncertainties`);
    await q.query(`DROP TABLE IF EXISTS scoring_calibration_evaluators`);
    await q.query(`DROP TABLE IF EXISTS scoring_calibrations`);
  }
}
