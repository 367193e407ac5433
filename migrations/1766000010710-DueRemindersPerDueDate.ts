import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A reminder of a due date is recorded for the due date it was computed for: a stage's due date moved
 * (later or earlier) reminds its evaluators once more at each offset, still once whichever worker
 * records it (docs/rules.md, "Due dates and reminders").
 */
export class DueRemindersPerDueDate1766000010710 implements MigrationInterface {
  name = 'DueRemindersPerDueDate1766000010710';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE evaluation_due_reminders DROP CONSTRAINT evaluation_due_reminders_pkey`);
    await q.query(
      `ALTER TABLE evaluation_due_reminders ADD PRIMARY KEY (evaluator_id, call_id, stage, due_at, offset_days)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    // The key of before holds one reminder per offset: the latest sent of each is kept.
    await q.query(`
      DELETE FROM evaluation_due_reminders r
       WHERE EXISTS (SELECT 1 FROM evaluation_due_reminders later
                      WHERE (later.evaluator_id, later.call_id, later.stage, later.offset_days)
                          = (r.evaluator_id, r.call_id, r.stage, r.offset_days)
                        AND (later.sent_at, later.due_at) > (r.sent_at, r.due_at))`);
    await q.query(`ALTER TABLE evaluation_due_reminders DROP CONSTRAINT evaluation_due_reminders_pkey`);
    await q.query(`ALTER TABLE evaluation_due_reminders ADD PRIMARY KEY (evaluator_id, call_id, stage, offset_days)`);
  }
}
