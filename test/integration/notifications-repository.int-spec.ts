import { randomUUID } from 'node:crypto';
import { Transaction } from '@app/platform';
import {
  NewNotification,
  NotificationsRepository,
} from '../../libs/notifications/src/infrastructure/notifications.repository';
import { RepositoryDb, rolledBack, startRepositories } from '../support/repository-db';

describe('NotificationsRepository on PostgreSQL', () => {
  let repo: RepositoryDb;
  let notifications: NotificationsRepository;

  beforeAll(async () => {
    repo = await startRepositories([NotificationsRepository]);
    notifications = repo.get(NotificationsRepository);
  });
  afterAll(() => repo.close());

  const rendered = (recipientId: string, subject = `Subject ${randomUUID()}`): NewNotification => ({
    id: randomUUID(),
    recipientId,
    template: 'cohort.selected',
    locale: 'en',
    params: { callReference: 'BDT/1', callTitle: 'A call', count: 3 },
    subject,
    body: `Body of ${subject}`,
  });

  /** Inserts each notification in a statement of its own, so that they are created in this order. */
  async function insertEach(list: NewNotification[]): Promise<void> {
    for (const notification of list) await repo.transactions.run((tx) => notifications.insertMany(tx, [notification]));
  }

  const emailOf = async (id: string) =>
    (
      (await repo.db.query(
        `SELECT email_status AS status, email_attempts AS attempts, email_error AS error, email_message_id AS "messageId",
              email_sent_at AS "sentAt"
       FROM notifications WHERE id = $1`,
        [id],
      )) as Array<{
        status: string;
        attempts: number;
        error: string | null;
        messageId: string | null;
        sentAt: Date | null;
      }>
    )[0];

  it('answers the languages of the users asked for, leaving unknown ids out, and nothing for no ids', async () => {
    const [en, fr] = [await repo.seed.user({ locale: 'en' }), await repo.seed.user({ locale: 'fr' })];

    const locales = await notifications.localesOf(repo.transactions.autocommit, [en, fr, randomUUID()]);

    expect(locales).toEqual(
      new Map([
        [en, 'en'],
        [fr, 'fr'],
      ]),
    );
    expect(await notifications.localesOf(repo.transactions.autocommit, [])).toEqual(new Map());
  });

  it('inserts many notifications in one statement, skipping recipients that do not exist, with a pending e-mail', async () => {
    const recipient = await repo.seed.user();
    const list = [rendered(recipient), rendered(recipient), rendered(randomUUID())];
    await repo.transactions.run(async (tx) => {
      await notifications.insertMany(tx, []);
      await notifications.insertMany(tx, list);
    });

    const page = await notifications.listForRecipient(recipient, { limit: 10, offset: 0 });
    expect(page.total).toBe(2);
    expect(page.items.map((n) => n.id).sort()).toEqual([list[0].id, list[1].id].sort());
    expect(page.items[0]).toMatchObject({
      recipientId: recipient,
      template: 'cohort.selected',
      locale: 'en',
      readAt: null,
      email: { status: 'pending', attempts: 0, sentAt: null, error: null },
    });
    const [{ params }] = (await repo.db.query(`SELECT params FROM notifications WHERE id = $1`, [
      list[0].id,
    ])) as Array<{
      params: unknown;
    }>;
    expect(params).toEqual(list[0].params);
    expect(await emailOf(list[2].id)).toBeUndefined();
  });

  it('pages a recipient’s notifications newest first, with the total of all of them', async () => {
    const recipient = await repo.seed.user();
    const list = [1, 2, 3, 4, 5].map((i) => rendered(recipient, `n${i}`));
    await insertEach(list);
    await insertEach([rendered(await repo.seed.user())]);

    const first = await notifications.listForRecipient(recipient, { limit: 2, offset: 0 });
    const last = await notifications.listForRecipient(recipient, { limit: 2, offset: 4 });
    const beyond = await notifications.listForRecipient(recipient, { limit: 2, offset: 5 });

    expect(first).toMatchObject({ total: 5, items: [{ subject: 'n5' }, { subject: 'n4' }] });
    expect(last).toMatchObject({ total: 5, items: [{ subject: 'n1' }] });
    expect(beyond).toEqual({ items: [], total: 5 });
    expect(await notifications.listForRecipient(randomUUID(), { limit: 2, offset: 0 })).toEqual({
      items: [],
      total: 0,
    });
  });

  it('marks a notification read for its recipient only, keeping the time of the first reading', async () => {
    const [recipient, stranger] = [await repo.seed.user(), await repo.seed.user()];
    const notification = rendered(recipient);
    await insertEach([notification]);

    expect(await notifications.markRead(stranger, notification.id)).toBeNull();
    expect(await notifications.markRead(recipient, randomUUID())).toBeNull();
    const first = await notifications.markRead(recipient, notification.id);
    const again = await notifications.markRead(recipient, notification.id);

    expect(first?.readAt).toBeInstanceOf(Date);
    expect(again?.readAt).toEqual(first?.readAt);
    expect(again).toMatchObject({ id: notification.id, subject: notification.subject, recipientId: recipient });
  });

  it('lists across recipients with each recipient, filtered by recipient and by e-mail state', async () => {
    const recipient = await repo.seed.user({ displayName: 'Ada Recipient' });
    const [sent, failed, pending] = [rendered(recipient), rendered(recipient), rendered(recipient)];
    await insertEach([sent, failed, pending]);
    await repo.transactions.run(async (tx) => {
      await notifications.markSent(tx, sent.id, 'message-1');
      await notifications.markUndelivered(tx, failed.id, { status: 'failed', error: 'mailbox full' });
    });

    const all = await notifications.listWithRecipients({ recipientId: recipient, limit: 10, offset: 0 });
    expect(all.total).toBe(3);
    expect(all.items.map((n) => n.id)).toEqual([pending.id, failed.id, sent.id]);
    expect(all.items[0].recipient).toEqual({
      id: recipient,
      email: expect.stringContaining('@test.example'),
      displayName: 'Ada Recipient',
    });

    const failedOnes = await notifications.listWithRecipients({
      recipientId: recipient,
      emailStatus: 'failed',
      limit: 10,
      offset: 0,
    });
    expect(failedOnes).toMatchObject({
      total: 1,
      items: [{ id: failed.id, email: { status: 'failed', error: 'mailbox full' } }],
    });
    const paged = await notifications.listWithRecipients({ recipientId: recipient, limit: 1, offset: 1 });
    expect(paged).toMatchObject({ total: 3, items: [{ id: failed.id }] });

    const everyonesFailed = await notifications.listWithRecipients({ emailStatus: 'failed', limit: 500, offset: 0 });
    expect(everyonesFailed.items.every((n) => n.email.status === 'failed')).toBe(true);
    expect(everyonesFailed.items.map((n) => n.id)).toContain(failed.id);
  });

  it('locks a notification for delivery: another transaction cannot take it until the first ends', async () => {
    const recipient = await repo.seed.user({ displayName: 'Locked Recipient', locale: 'fr' });
    const notification = { ...rendered(recipient), locale: 'fr' };
    await insertEach([notification]);

    await rolledBack(repo.transactions, async (tx) => {
      const pending = await notifications.lockForDelivery(tx, notification.id);
      expect(pending).toEqual({
        id: notification.id,
        status: 'pending',
        attempts: 0,
        lastError: null,
        locale: 'fr',
        template: notification.template,
        params: notification.params,
        subject: notification.subject,
        body: notification.body,
        recipient: { email: expect.stringContaining('@test.example'), displayName: 'Locked Recipient' },
      });
      await expect(
        repo.db.query(`SELECT 1 FROM notifications WHERE id = $1 FOR UPDATE NOWAIT`, [notification.id]),
      ).rejects.toThrow(/could not obtain lock/);
    });
    await expect(
      repo.db.query(`SELECT 1 FROM notifications WHERE id = $1 FOR UPDATE NOWAIT`, [notification.id]),
    ).resolves.toHaveLength(1);
    expect(await repo.transactions.run((tx) => notifications.lockForDelivery(tx, randomUUID()))).toBeNull();
  });

  it('counts attempts, and records a sent e-mail once: a sent or ended e-mail changes no more', async () => {
    const notification = rendered(await repo.seed.user());
    await insertEach([notification]);
    const inTx = (work: (tx: Transaction) => Promise<void>) => repo.transactions.run(work);

    await inTx((tx) => notifications.countAttempt(tx, notification.id));
    await notifications.recordError(notification.id, 'connection refused');
    await inTx((tx) => notifications.countAttempt(tx, notification.id));
    expect(await emailOf(notification.id)).toMatchObject({
      status: 'pending',
      attempts: 2,
      error: 'connection refused',
    });

    await inTx((tx) => notifications.markSent(tx, notification.id, 'message-42'));
    const sent = await emailOf(notification.id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, error: null, messageId: 'message-42' });
    expect(sent.sentAt).toBeInstanceOf(Date);

    await inTx((tx) => notifications.markSent(tx, notification.id, 'message-43'));
    await inTx((tx) => notifications.markUndelivered(tx, notification.id, { status: 'failed', error: 'late' }));
    await notifications.recordError(notification.id, 'late error');
    expect(await emailOf(notification.id)).toEqual(sent);
  });

  it('ends a pending e-mail undelivered, keeping the last error when no new one is given', async () => {
    const [notSent, failed] = [rendered(await repo.seed.user()), rendered(await repo.seed.user())];
    await insertEach([notSent, failed]);
    await notifications.recordError(failed.id, 'timeout');

    await repo.transactions.run(async (tx) => {
      await notifications.markUndelivered(tx, notSent.id, { status: 'not_sent', error: null });
      await notifications.markUndelivered(tx, failed.id, { status: 'failed', error: null });
    });

    expect(await emailOf(notSent.id)).toMatchObject({ status: 'not_sent', error: null, sentAt: null });
    expect(await emailOf(failed.id)).toMatchObject({ status: 'failed', error: 'timeout' });
  });
});
