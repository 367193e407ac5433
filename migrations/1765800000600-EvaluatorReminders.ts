import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders the secretariat sends evaluators with evaluations left in a call: at most one per
 * evaluator, call and UTC day (the primary key), so a repeated request sends nothing twice.
 */
export class EvaluatorReminders1765800000600 implements MigrationInterface {
  name = 'EvaluatorReminders1765800000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE evaluator_reminders (
        call_id uuid NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
        evaluator_id uuid NOT NULL REFERENCES users (id),
        reminded_on date NOT NULL,
        reminded_at timestamptz NOT NULL DEFAULT now(),
        reminded_by uuid REFERENCES users (id),
        PRIMARY KEY (call_id, evaluator_id, reminded_on)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS evaluator_reminders`);
  }
}
