import { MigrationInterface, QueryRunner } from 'typeorm';

/** The call's offsets, as 1765900000700-DueDateReminders granted them. */
const CALL_DAYS_BEFORE = `ARRAY(SELECT jsonb_array_elements_text(c.reminder_schedule->'evaluatorDaysBefore')::int)`;
const CALL_DAYS_AFTER = `ARRAY(SELECT jsonb_array_elements_text(c.reminder_schedule->'evaluatorDaysAfter')::int)`;

/**
 * Each review stage may remind its evaluators on days of its own before and after its due date
 * (docs/rules.md, "Due dates and reminders"); a stage without them (null) follows the call's schedule.
 * The view evaluation reads gives each stage the offsets that apply to it.
 */
export class StageReminderOffsets1766000010700 implements MigrationInterface {
  name = 'StageReminderOffsets1766000010700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE call_stages
        ADD COLUMN reminder_days_before integer[],
        ADD COLUMN reminder_days_after integer[]`);
    await this.createView(
      q,
      `COALESCE(s.reminder_days_before, ${CALL_DAYS_BEFORE})`,
      `COALESCE(s.reminder_days_after, ${CALL_DAYS_AFTER})`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await this.createView(q, CALL_DAYS_BEFORE, CALL_DAYS_AFTER);
    await q.query(`ALTER TABLE call_stages DROP COLUMN reminder_days_before, DROP COLUMN reminder_days_after`);
  }

  private async createView(q: QueryRunner, daysBefore: string, daysAfter: string): Promise<void> {
    await q.query(`
      CREATE OR REPLACE VIEW calls_evaluation_due_dates AS
      SELECT s.call_id, s.position AS stage, s.name AS stage_name, s.evaluation_due_at AS due_at,
             c.status AS call_status, c.reference, c.title,
             ${daysBefore} AS days_before,
             ${daysAfter} AS days_after
      FROM call_stages s JOIN calls c ON c.id = s.call_id`);
  }
}
