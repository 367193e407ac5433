import { MigrationInterface, QueryRunner } from 'typeorm';

/** The call's translated titles, shaped as the call's translations: `{ "fr": { "title": … }, … }`. */
const TITLE_TRANSLATIONS = `(SELECT coalesce(jsonb_object_agg(t.language, jsonb_build_object('title', t.title))
    FILTER (WHERE t.title IS NOT NULL), '{}') FROM call_translations t WHERE t.call_id = c.id)`;

/**
 * The automatic reminders name the call in each recipient's language: the views calls grants for
 * them (to evaluation and applications) carry the translated titles beside the English one.
 */
export class CallTitleTranslationsInReminderViews1766300000000 implements MigrationInterface {
  name = 'CallTitleTranslationsInReminderViews1766300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE VIEW calls_evaluation_due_dates AS
      SELECT s.call_id, s.position AS stage, s.name AS stage_name, s.evaluation_due_at AS due_at,
             c.status AS call_status, c.reference, c.title,
             COALESCE(s.reminder_days_before, ${offsets('evaluatorDaysBefore')}) AS days_before,
             COALESCE(s.reminder_days_after, ${offsets('evaluatorDaysAfter')}) AS days_after,
             ${TITLE_TRANSLATIONS} AS translations
      FROM call_stages s JOIN calls c ON c.id = s.call_id`);
    await q.query(`
      CREATE OR REPLACE VIEW calls_submission_deadlines AS
      SELECT c.id AS call_id, c.status AS call_status, c.closes_at, c.reference, c.title,
             ${offsets('applicantHoursBefore')} AS hours_before,
             ${TITLE_TRANSLATIONS} AS translations
      FROM calls c`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW calls_evaluation_due_dates`);
    await q.query(`
      CREATE VIEW calls_evaluation_due_dates AS
      SELECT s.call_id, s.position AS stage, s.name AS stage_name, s.evaluation_due_at AS due_at,
             c.status AS call_status, c.reference, c.title,
             COALESCE(s.reminder_days_before, ${offsets('evaluatorDaysBefore')}) AS days_before,
             COALESCE(s.reminder_days_after, ${offsets('evaluatorDaysAfter')}) AS days_after
      FROM call_stages s JOIN calls c ON c.id = s.call_id`);
    await q.query(`DROP VIEW calls_submission_deadlines`);
    await q.query(`
      CREATE VIEW calls_submission_deadlines AS
      SELECT c.id AS call_id, c.status AS call_status, c.closes_at, c.reference, c.title,
             ${offsets('applicantHoursBefore')} AS hours_before
      FROM calls c`);
  }
}

/** One of the call's reminder offsets (reminder_schedule), as an integer array. */
function offsets(key: string): string {
  return `ARRAY(SELECT jsonb_array_elements_text(c.reminder_schedule->'${key}')::int)`;
}
