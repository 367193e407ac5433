import { MigrationInterface, QueryRunner } from 'typeorm';

/** Per-application scoring results (DESIGN.md §5), recomputed set-based by the scoring repository. */
export class ScoringResults1764100000000 implements MigrationInterface {
  name = 'ScoringResults1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE application_results (
        application_id uuid PRIMARY KEY REFERENCES applications (id) ON DELETE CASCADE,
        call_id uuid NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
        raw_score double precision NOT NULL,
        normalized_score double precision NOT NULL,
        score double precision NOT NULL,
        evaluation_count integer NOT NULL CHECK (evaluation_count >= 1),
        spread double precision NOT NULL,
        std_dev double precision NOT NULL,
        needs_moderation boolean NOT NULL,
        -- 1..n among rankable applications (§5.6); null for the others.
        rank integer CHECK (rank >= 1),
        computed_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX application_results_call_rank_idx ON application_results (call_id, rank)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS application_results`);
  }
}
