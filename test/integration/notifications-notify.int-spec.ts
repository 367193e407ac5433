import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { NotificationsModule, NotificationsService, notificationRequest } from '@app/notifications';
import { PlatformModule, Transaction, Transactions } from '@app/platform';

const RECIPIENTS = 5_000;

/** A transaction whose statements are counted. */
function counting(tx: Transaction): { tx: Transaction; statements: () => number } {
  let statements = 0;
  const proxy = new Proxy(tx, {
    get(target, property, receiver) {
      if (property !== 'query') return Reflect.get(target, property, receiver) as unknown;
      return (...args: Parameters<Transaction['query']>) => {
        statements++;
        return target.query(...args);
      };
    },
  });
  return { tx: proxy, statements: () => statements };
}

class Rollback extends Error {}

/**
 * NotificationsService.notify at the scale of a large call's publication: set-based, in the caller's
 * transaction. Each test rolls back, leaving no e-mail job behind for another suite's worker.
 */
describe('notifications: notify inside the caller’s transaction', () => {
  let context: INestApplicationContext;
  let notifications: NotificationsService;
  let transactions: Transactions;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [PlatformModule, NotificationsModule] }).compile();
    context = await moduleRef.init();
    notifications = context.get(NotificationsService);
    transactions = context.get(Transactions);
  });
  afterAll(() => context.close());

  /** Runs the work in a transaction that is then rolled back. */
  const rolledBack = (work: (tx: Transaction) => Promise<void>) =>
    expect(
      transactions.run(async (tx) => {
        await work(tx);
        throw new Rollback();
      }),
    ).rejects.toBeInstanceOf(Rollback);

  const insertUsers = (tx: Transaction, count: number) =>
    tx.query(
      `INSERT INTO users (email, password_hash, role, display_name, locale)
       SELECT 'bulk-' || $1 || '-' || i || '@test.example', 'not-a-hash', 'applicant', 'Bulk ' || i,
              CASE WHEN i % 3 = 0 THEN 'fr' ELSE 'en' END
       FROM generate_series(1, $2::int) AS i RETURNING id`,
      [randomUUID().slice(0, 8), count],
    ) as Promise<Array<{ id: string }>>;

  it(`records ${RECIPIENTS} notifications in their recipients’ languages, with an e-mail job each, in three statements`, async () => {
    await rolledBack(async (tx) => {
      const ids = (await insertUsers(tx, RECIPIENTS)).map((u) => u.id);
      const params = { callReference: 'BDT/BULK/1', callTitle: 'Bulk call', publicUrl: 'https://example.org/c/1' };
      const counted = counting(tx);
      await notifications.notify(
        counted.tx,
        ids.map((id) => notificationRequest(id, 'cohort.not_selected', params)),
      );

      expect(counted.statements()).toBe(3);
      const stored = (await tx.query(
        `SELECT n.locale, u.locale AS "userLocale", n.subject, n.email_status AS status, count(o.id)::int AS jobs
         FROM notifications n JOIN users u ON u.id = n.recipient_id
         LEFT JOIN outbox o ON o.payload = jsonb_build_object('notificationId', n.id::text)
           AND o.queue = 'notifications' AND o.job_name = 'notifications.send-email' AND o.completed_at IS NULL
         WHERE n.recipient_id = ANY ($1::uuid[])
         GROUP BY n.id, u.locale`,
        [ids],
      )) as Array<{ locale: string; userLocale: string; subject: string; status: string; jobs: number }>;
      expect(stored).toHaveLength(RECIPIENTS);
      expect(stored.filter((n) => n.locale !== n.userLocale || n.status !== 'pending' || n.jobs !== 1)).toEqual([]);
      const subjects = new Set(stored.map((n) => `${n.locale}: ${n.subject}`));
      expect(subjects).toEqual(
        new Set(['en: Outcome of your application – BDT/BULK/1', 'fr: Résultat de votre candidature – BDT/BULK/1']),
      );
    });
  }, 60_000);

  it('does nothing for no request, and refuses an unknown recipient', async () => {
    await rolledBack(async (tx) => {
      const counted = counting(tx);
      await notifications.notify(counted.tx, []);
      expect(counted.statements()).toBe(0);
      const unknown = notificationRequest(randomUUID(), 'assignment.created', {
        callReference: 'R',
        callTitle: 'T',
        count: 1,
      });
      await expect(notifications.notify(tx, [unknown])).rejects.toThrow(/unknown user/);
    });
  });
});
