import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reminders the secretariat sends to the applicants of drafts not yet submitted: at most one
 * per application and day (UTC), which the primary key enforces, so a repeated or concurrent bulk
 * reminder sends nothing twice.
 */
export class ApplicationReminders1765800000700 implements MigrationInterface {
  name = 'ApplicationReminders1765800000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE application_reminders (
        application_id uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
        day date NOT NULL,
        recipient_id uuid NOT NULL,
        sent_by uuid NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (application_id, day)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS application_reminders`);
  }
}
