import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A chunk of a scoring run is the range from its first assignment id to the next chunk's first, so its
 * last id was written and never read.
 */
export class ScoringRunChunksWithoutLastId1766000010000 implements MigrationInterface {
  name = 'ScoringRunChunksWithoutLastId1766000010000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE scoring_run_chunks DROP COLUMN last_assignment_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Chunks are emptied when their run ends; those of a running run get their last id back.
    await q.query(`ALTER TABLE scoring_run_chunks ADD COLUMN last_assignment_id uuid`);
    await q.query(`
      UPDATE scoring_run_chunks c SET last_assignment_id = COALESCE((
        SELECT max(s.assignment_id::text)::uuid FROM evaluation_assignment_states s
        JOIN scoring_runs r ON r.id = c.run_id
        WHERE s.call_id = r.call_id AND s.assignment_id >= c.first_assignment_id AND s.status = 'submitted'
          AND s.assignment_id < COALESCE(
            (SELECT n.first_assignment_id FROM scoring_run_chunks n WHERE n.run_id = c.run_id AND n.chunk = c.chunk + 1),
            'ffffffff-ffff-ffff-ffff-ffffffffffff')), c.first_assignment_id)`);
    await q.query(`ALTER TABLE scoring_run_chunks ALTER COLUMN last_assignment_id SET NOT NULL`);
  }
}
