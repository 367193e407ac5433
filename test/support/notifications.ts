import { sql } from './applications';
import { connectDb } from './calls-e2e';
import { TestApi } from './test-app';

/** Helpers of the suites that follow notifications and their e-mails. */

/**
 * The environment of a worker that relays the notifications queue. test-env.ts keeps every other
 * suite's worker away from it: whichever worker relays a notification sends its e-mail, to its own
 * SMTP server or to none, so it must belong to the suite that waits for that e-mail.
 */
export const RELAYS_NOTIFICATIONS = { OUTBOX_RELAY_EXCLUDE: '' };

/** Any number that no other advisory lock of the test database uses. */
const NOTIFICATIONS_TURN = 7_364_300_001;

/**
 * Waits for, then holds, the turn of the suites whose worker relays notifications (in this or any
 * concurrent test run on the same database): two such workers would take each other's e-mails.
 * Answers the release; a suite that dies releases it with its connection.
 */
export async function takeNotificationsTurn(): Promise<() => Promise<void>> {
  const db = await connectDb();
  await db.query('SELECT pg_advisory_lock($1)', [NOTIFICATIONS_TURN]);
  return async () => {
    await db.query('SELECT pg_advisory_unlock($1)', [NOTIFICATIONS_TURN]);
    await db.end();
  };
}

export interface NotificationView {
  id: string;
  template: string;
  locale: string;
  subject: string;
  body: string;
  createdAt: string;
  readAt: string | null;
  email: { status: string; attempts: number; sentAt: string | null; error: string | null };
}

/** The caller's notifications (the first 500), newest first. */
export async function inbox(api: TestApi, token: string): Promise<NotificationView[]> {
  const res = await api.get('/api/v1/me/notifications', { token, query: { limit: 500 } });
  if (res.status !== 200) throw new Error(`inbox failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.items as NotificationView[];
}

/** The caller's notifications of one template. */
export async function inboxOf(api: TestApi, token: string, template: string): Promise<NotificationView[]> {
  return (await inbox(api, token)).filter((n) => n.template === template);
}

export interface EmailJobRow {
  id: string;
  queue: string;
  jobName: string;
  completedAt: Date | null;
}

/** The notification's outbox row (its e-mail job), as stored. */
export async function emailJobRow(api: TestApi, notificationId: string): Promise<EmailJobRow> {
  const [row] = await sql<EmailJobRow>(
    api,
    `SELECT id, queue, job_name AS "jobName", completed_at AS "completedAt" FROM outbox
      WHERE payload @> jsonb_build_object('notificationId', $1::text)`,
    [notificationId],
  );
  if (!row) throw new Error(`no outbox row for notification ${notificationId}`);
  return row;
}
