import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A full scoring run reads a call's submitted evaluations by ranges of their ids (its chunks) and
 * plans its chunks in id order. With the id in the index, a chunk is one index range and the plan
 * one ordered index scan, whatever the planner's statistics say; on (call_id, status) alone, a
 * planner without fresh statistics read every evaluation of the call for each chunk.
 */
export class AssignmentRanges1764900000000 implements MigrationInterface {
  name = 'AssignmentRanges1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX assignments_call_status_id_idx ON assignments (call_id, status, id)`);
    await q.query(`DROP INDEX assignments_call_status_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX assignments_call_status_idx ON assignments (call_id, status)`);
    await q.query(`DROP INDEX assignments_call_status_id_idx`);
  }
}
