import { Injectable } from '@nestjs/common';
import { Page, Transaction, Transactions } from '@app/platform';
import { EmailStatus, Notification, NotificationParams, NotificationWithRecipient } from '../domain/notification';

/** A notification to insert, already rendered in its recipient's language. */
export interface NewNotification {
  id: string;
  recipientId: string;
  template: string;
  locale: string;
  params: NotificationParams;
  subject: string;
  body: string;
}

export interface NotificationFilter {
  emailStatus?: EmailStatus;
  recipientId?: string;
  limit: number;
  offset: number;
}

/** What the worker needs to send a notification's e-mail, read under the row's lock. */
export interface PendingEmail {
  id: string;
  status: EmailStatus;
  attempts: number;
  lastError: string | null;
  locale: string;
  subject: string;
  body: string;
  /** The e-mail of an account link's template is written from these at send time. */
  template: Notification['template'];
  params: NotificationParams;
  recipient: { email: string; displayName: string };
}

interface NotificationRow {
  id: string;
  recipientId: string;
  template: Notification['template'];
  locale: string;
  subject: string;
  body: string;
  createdAt: Date;
  readAt: Date | null;
  emailStatus: EmailStatus;
  emailAttempts: number;
  emailSentAt: Date | null;
  emailError: string | null;
}

const COLUMNS = `n.id, n.recipient_id AS "recipientId", n.template, n.locale, n.subject, n.body,
  n.created_at AS "createdAt", n.read_at AS "readAt", n.email_status AS "emailStatus",
  n.email_attempts AS "emailAttempts", n.email_sent_at AS "emailSentAt", n.email_error AS "emailError"`;

const NEWEST_FIRST = `ORDER BY n.created_at DESC, n.id DESC`;

/** Notifications and the delivery state of their e-mails; plain SQL, set-based where it counts. */
@Injectable()
export class NotificationsRepository {
  constructor(private readonly transactions: Transactions) {}

  /** The users' languages, by id; unknown ids are left out. */
  async localesOf(tx: Transaction, userIds: string[]): Promise<Map<string, string>> {
    const rows = (await tx.query(
      `SELECT user_id AS id, locale FROM identity_user_contacts WHERE user_id = ANY ($1::uuid[])`,
      [userIds],
    )) as Array<{
      id: string;
      locale: string;
    }>;
    return new Map(rows.map((r) => [r.id, r.locale]));
  }

  /** Every notification in one statement, however many there are. */
  async insertMany(tx: Transaction, notifications: NewNotification[]): Promise<void> {
    if (notifications.length === 0) return;
    await tx.query(
      `INSERT INTO notifications (id, recipient_id, template, locale, params, subject, body)
       SELECT r.id, u.user_id, r.template, r.locale, r.params, r.subject, r.body
       FROM jsonb_to_recordset($1::jsonb)
         AS r ("id" uuid, "recipientId" uuid, template text, locale text, params jsonb, subject text, body text)
       JOIN identity_user_contacts u ON u.user_id = r."recipientId"`,
      [JSON.stringify(notifications)],
    );
  }

  async listForRecipient(recipientId: string, page: { limit: number; offset: number }): Promise<Page<Notification>> {
    const tx = this.transactions.autocommit;
    const items = (await tx.query(
      `SELECT ${COLUMNS} FROM notifications n WHERE n.recipient_id = $1 ${NEWEST_FIRST} LIMIT $2 OFFSET $3`,
      [recipientId, page.limit, page.offset],
    )) as NotificationRow[];
    const [count] = (await tx.query(`SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1`, [
      recipientId,
    ])) as Array<{ n: number }>;
    return { items: items.map(toNotification), total: count.n };
  }

  /** Marks the recipient's notification read (the first reading counts); null when it is not theirs. */
  async markRead(recipientId: string, id: string): Promise<Notification | null> {
    const [rows] = (await this.transactions.autocommit.query(
      `UPDATE notifications n SET read_at = coalesce(n.read_at, clock_timestamp())
       WHERE n.id = $1 AND n.recipient_id = $2 RETURNING ${COLUMNS}`,
      [id, recipientId],
    )) as [NotificationRow[], number];
    return rows[0] ? toNotification(rows[0]) : null;
  }

  /** Across recipients, for the secretariat; optionally of one recipient, or whose e-mail is in one state. */
  async listWithRecipients(filter: NotificationFilter): Promise<Page<NotificationWithRecipient>> {
    const tx = this.transactions.autocommit;
    const where = `WHERE ($1::text IS NULL OR n.email_status = $1) AND ($2::uuid IS NULL OR n.recipient_id = $2)`;
    const params = [filter.emailStatus ?? null, filter.recipientId ?? null];
    const items = (await tx.query(
      `SELECT ${COLUMNS}, u.email AS "recipientEmail", u.display_name AS "recipientName"
       FROM notifications n JOIN identity_user_contacts u ON u.user_id = n.recipient_id
       ${where} ${NEWEST_FIRST} LIMIT $3 OFFSET $4`,
      [...params, filter.limit, filter.offset],
    )) as Array<NotificationRow & { recipientEmail: string; recipientName: string }>;
    const [count] = (await tx.query(`SELECT count(*)::int AS n FROM notifications n ${where}`, params)) as Array<{
      n: number;
    }>;
    return {
      items: items.map((row) => ({
        ...toNotification(row),
        recipient: { id: row.recipientId, email: row.recipientEmail, displayName: row.recipientName },
      })),
      total: count.n,
    };
  }

  /** The notification's e-mail, its row locked until the transaction ends; null when it is gone. */
  async lockForDelivery(tx: Transaction, id: string): Promise<PendingEmail | null> {
    const rows = (await tx.query(
      `SELECT n.id, n.email_status AS status, n.email_attempts AS attempts, n.email_error AS "lastError",
              n.locale, n.subject, n.body, n.template, n.params, u.email, u.display_name AS "displayName"
       FROM notifications n JOIN identity_user_contacts u ON u.user_id = n.recipient_id
       WHERE n.id = $1 FOR UPDATE OF n`,
      [id],
    )) as Array<Omit<PendingEmail, 'recipient'> & { email: string; displayName: string }>;
    const row = rows[0];
    if (!row) return null;
    const { email, displayName, ...rest } = row;
    return { ...rest, recipient: { email, displayName } };
  }

  /** Counts an attempt as it starts, before anything is sent. */
  async countAttempt(tx: Transaction, id: string): Promise<void> {
    await tx.query(`UPDATE notifications SET email_attempts = email_attempts + 1 WHERE id = $1`, [id]);
  }

  async markSent(tx: Transaction, id: string, messageId: string): Promise<void> {
    await tx.query(
      `UPDATE notifications
       SET email_status = 'sent', email_sent_at = clock_timestamp(), email_message_id = $2, email_error = NULL
       WHERE id = $1 AND email_status = 'pending'`,
      [id, messageId],
    );
  }

  /** Ends a pending e-mail's delivery without sending it (no SMTP server, or no attempt left). */
  async markUndelivered(
    tx: Transaction,
    id: string,
    outcome: { status: 'failed' | 'not_sent'; error: string | null },
  ): Promise<void> {
    await tx.query(
      `UPDATE notifications SET email_status = $2, email_error = coalesce($3, email_error)
       WHERE id = $1 AND email_status = 'pending'`,
      [id, outcome.status, outcome.error],
    );
  }

  /** Keeps the error of a failed attempt, which BullMQ will retry. */
  async recordError(id: string, error: string): Promise<void> {
    await this.transactions.autocommit.query(
      `UPDATE notifications SET email_error = $2 WHERE id = $1 AND email_status = 'pending'`,
      [id, error],
    );
  }
}

function toNotification(row: NotificationRow): Notification {
  const { id, recipientId, template, locale, subject, body, createdAt, readAt } = row;
  return {
    id,
    recipientId,
    template,
    locale,
    subject,
    body,
    createdAt,
    readAt,
    email: { status: row.emailStatus, attempts: row.emailAttempts, sentAt: row.emailSentAt, error: row.emailError },
  };
}
