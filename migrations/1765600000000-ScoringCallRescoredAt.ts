import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a call was last rescored: an incremental rescoring writes only the results that changed, so
 * when nothing changed the results' own computed_at no longer tells when scores were last brought
 * up to date (scoring-status' lastComputedAt).
 */
export class ScoringCallRescoredAt1765600000000 implements MigrationInterface {
  name = 'ScoringCallRescoredAt1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE scoring_call_definitions ADD COLUMN rescored_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE scoring_call_definitions DROP COLUMN rescored_at`);
  }
}
