import { MigrationInterface, QueryRunner } from 'typeorm';

/** What a call reminds, and when, unless the secretariat says otherwise (docs/rules.md, "Reminders"). */
const DEFAULT_SCHEDULE =
  '{"evaluatorDaysBefore": [7, 1], "evaluatorDaysAfter": [1, 3], "applicantHoursBefore": [72, 24]}';

/**
 * Automatic reminders (issue 14): each call says how many days before and after a stage's evaluation
 * due date its evaluators with unfinished assignments are reminded, and how many hours before its
 * deadline the applicants of drafts are. What is due is a query any worker runs; each reminder sent is
 * a row whose primary key (recipient, call and stage, offset) lets only one worker send it, whatever
 * Redis holds or loses.
 *
 * Calls grant evaluation the stages' due dates and applications the deadlines, each with the call's
 * schedule. The secretariat's own reminder to evaluators may carry a message, kept with it.
 */
export class DueDateReminders1765900000700 implements MigrationInterface {
  name = 'DueDateReminders1765900000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE calls ADD COLUMN reminder_schedule jsonb NOT NULL DEFAULT '${DEFAULT_SCHEDULE}'`);
    await q.query(`
      CREATE VIEW calls_evaluation_due_dates AS
      SELECT s.call_id, s.position AS stage, s.name AS stage_name, s.evaluation_due_at AS due_at,
             c.status AS call_status, c.reference, c.title,
             ARRAY(SELECT jsonb_array_elements_text(c.reminder_schedule->'evaluatorDaysBefore')::int) AS days_before,
             ARRAY(SELECT jsonb_array_elements_text(c.reminder_schedule->'evaluatorDaysAfter')::int) AS days_after
      FROM call_stages s JOIN calls c ON c.id = s.call_id`);
    await q.query(`
      CREATE VIEW calls_submission_deadlines AS
      SELECT id AS call_id, status AS call_status, closes_at, reference, title,
             ARRAY(SELECT jsonb_array_elements_text(reminder_schedule->'applicantHoursBefore')::int) AS hours_before
      FROM calls`);

    // offset_days: negative before the due date, positive after it.
    await q.query(`
      CREATE TABLE evaluation_due_reminders (
        evaluator_id uuid NOT NULL REFERENCES users (id),
        call_id uuid NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
        stage integer NOT NULL,
        offset_days integer NOT NULL CHECK (offset_days <> 0),
        due_at timestamptz NOT NULL,
        open integer NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (evaluator_id, call_id, stage, offset_days)
      )`);
    await q.query(`
      CREATE TABLE application_deadline_reminders (
        recipient_id uuid NOT NULL REFERENCES users (id),
        call_id uuid NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
        hours_before integer NOT NULL CHECK (hours_before > 0),
        application_id uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
        sent_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (recipient_id, call_id, hours_before)
      )`);
    await q.query(`ALTER TABLE evaluator_reminders ADD COLUMN message text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE evaluator_reminders DROP COLUMN message`);
    await q.query(`DROP TABLE application_deadline_reminders`);
    await q.query(`DROP TABLE evaluation_due_reminders`);
    await q.query(`DROP VIEW calls_submission_deadlines`);
    await q.query(`DROP VIEW calls_evaluation_due_dates`);
    await q.query(`ALTER TABLE calls DROP COLUMN reminder_schedule`);
  }
}
