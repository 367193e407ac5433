import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * In-app notifications, each also an e-mail whose delivery is recorded on the row (DESIGN.md §2:
 * the worker sends it through the outbox). Subject and body are rendered at creation, in the
 * recipient's language of that moment, so the text a user once read never changes.
 */
export class Notifications1764300000000 implements MigrationInterface {
  name = 'Notifications1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recipient_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        template text NOT NULL,
        locale text NOT NULL CHECK (locale IN ('en', 'fr')),
        params jsonb NOT NULL DEFAULT '{}',
        subject text NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        read_at timestamptz,
        -- not_sent: no SMTP server configured; recorded as such so that it is visible, not lost.
        email_status text NOT NULL DEFAULT 'pending'
          CHECK (email_status IN ('pending', 'sent', 'failed', 'not_sent')),
        -- Counted when an attempt starts, so that attempts cut short by a crash count too.
        email_attempts integer NOT NULL DEFAULT 0 CHECK (email_attempts >= 0),
        email_error text,
        email_sent_at timestamptz,
        email_message_id text,
        CHECK (email_status <> 'sent' OR email_sent_at IS NOT NULL)
      )`);
    // A user's inbox, newest first.
    await q.query(`CREATE INDEX notifications_recipient_idx ON notifications (recipient_id, created_at DESC, id DESC)`);
    // The secretariat's view of e-mails that could not be delivered: few rows among many sent ones.
    await q.query(
      `CREATE INDEX notifications_email_failed_idx ON notifications (created_at DESC, id DESC)
       WHERE email_status = 'failed'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS notifications`);
  }
}
