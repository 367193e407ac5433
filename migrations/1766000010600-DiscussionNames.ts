import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What discussion needs to name people as each reader may see them:
 * - evaluation's view of assignments says when each was made: discussion numbers an application's
 *   evaluators in the order they were first assigned to it ("Evaluator 1", "Evaluator 2"…), an order
 *   later assignments never change (freed assignments stay as history);
 * - moderation grants the chair of each call, who sees the evaluators' names, as the secretariat does.
 */
export class DiscussionNames1766000010600 implements MigrationInterface {
  name = 'DiscussionNames1766000010600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE VIEW evaluation_assignment_states AS
      SELECT id AS assignment_id, call_id, application_id, evaluator_id, status, xmin::text::bigint AS version, stage,
             created_at AS assigned_at
      FROM assignments`);
    await q.query(`CREATE VIEW moderation_call_chairs AS SELECT call_id, chair_id FROM moderation_chairs`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW moderation_call_chairs`);
    await q.query(`DROP VIEW evaluation_assignment_states`);
    await q.query(`
      CREATE VIEW evaluation_assignment_states AS
      SELECT id AS assignment_id, call_id, application_id, evaluator_id, status, xmin::text::bigint AS version, stage
      FROM assignments`);
  }
}
