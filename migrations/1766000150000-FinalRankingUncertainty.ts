import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rank uncertainty of a weighted final ranking (issue 16 item 2 for calls of several stages), owned by
 * scoring, in tables of their own beside the stages' (scoring_calibrations / scoring_rank_uncertainties
 * are per stage and tied to one fit; a final ranking is per call and made from several):
 * - scoring_final_ranking_uncertainties: per call, the fingerprint of every input the bootstrap read
 *   (each weighted stage's fit fingerprint, the point and consensus scores of the weighted stages,
 *   the last stage's ranks, the weights, the cohort size K), the seed of each resampled stage,
 *   replicates, K and when;
 * - scoring_final_rank_uncertainties: per application with a final rank, that rank and F, P(rank ≤ K),
 *   its 90% rank interval and its mean rank over the replicates.
 */
export class FinalRankingUncertainty1766000150000 implements MigrationInterface {
  name = 'FinalRankingUncertainty1766000150000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE scoring_final_ranking_uncertainties (
        call_id uuid PRIMARY KEY REFERENCES calls (id) ON DELETE CASCADE,
        fingerprint text NOT NULL,
        seeds jsonb NOT NULL,
        replicates integer NOT NULL CHECK (replicates >= 1),
        cohort_size integer NOT NULL CHECK (cohort_size >= 0),
        computed_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`
      CREATE TABLE scoring_final_rank_uncertainties (
        call_id uuid NOT NULL REFERENCES scoring_final_ranking_uncertainties (call_id) ON DELETE CASCADE,
        application_id uuid NOT NULL,
        rank integer NOT NULL CHECK (rank >= 1),
        score double precision NOT NULL,
        probability_in_cohort double precision NOT NULL CHECK (probability_in_cohort BETWEEN 0 AND 1),
        rank_lower integer NOT NULL CHECK (rank_lower >= 1),
        rank_upper integer NOT NULL CHECK (rank_upper >= rank_lower),
        mean_rank double precision NOT NULL,
        PRIMARY KEY (call_id, application_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS scoring_final_rank_uncertainties`);
    await q.query(`DROP TABLE IF EXISTS scoring_final_ranking_uncertainties`);
  }
}
