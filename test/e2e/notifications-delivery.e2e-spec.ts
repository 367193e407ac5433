import { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { bullConnection } from '@app/platform';
import { sql } from '../support/applications';
import { eventually, withEnv } from '../support/async';
import {
  autoAssign,
  callWithSubmissions,
  createApplicantsFrom,
  createEvaluators,
  seatPanel,
  secretariatOf,
} from '../support/evaluation-fixtures';
import { Actor, Applicant, createApplicant } from '../support/fixtures';
import {
  NotificationView,
  RELAYS_NOTIFICATIONS,
  emailJobRow,
  inboxOf,
  takeNotificationsTurn,
} from '../support/notifications';
import { RedisServer } from '../support/redis-server';
import { SmtpTestServer } from '../support/smtp-server';
import { TestApi } from '../support/test-app';
import { startWorker } from '../support/worker';

/**
 * Notifications end to end: the API records them with the change they announce, the worker's relay
 * and processor send their e-mails to an SMTP server in the test's process. The worker has a Redis of
 * its own, and relays the notifications queue only while this suite holds the notifications suites'
 * turn: no other suite's worker takes these e-mails, nor this one any that another suite waits for.
 */
describe('notifications: e-mail delivery', () => {
  let releaseTurn: (() => Promise<void>) | undefined;
  let redis: RedisServer;
  let smtp: SmtpTestServer;
  let api: TestApi;
  let worker: INestApplicationContext | undefined;
  let queue: Queue;
  let secretariat: Actor;
  let english: Applicant, french: Applicant, refused: Applicant;
  let evaluators: Actor[];
  let callId: string;
  let callReference: string;

  const workerEnv = () => ({ REDIS_URL: redis.url, ...RELAYS_NOTIFICATIONS, OUTBOX_POLL_MS: '50' });
  const settled = (n: NotificationView | undefined) => n !== undefined && n.email.status !== 'pending';
  /** The only notification of this template once its e-mail is settled (sent, failed or not sent). */
  const delivered = async (actor: Actor, template: string, timeoutMs?: number) => {
    const found = await eventually(async () => (await inboxOf(api, actor.token, template))[0], settled, timeoutMs);
    expect(found).toBeDefined();
    return found!;
  };

  // The wait for the turn may last as long as another notifications suite.
  beforeAll(async () => {
    releaseTurn = await takeNotificationsTurn();
  }, 600_000);

  beforeAll(async () => {
    [redis, smtp] = await Promise.all([RedisServer.start(), SmtpTestServer.start()]);
    api = await withEnv({ REDIS_URL: redis.url }, () => TestApi.start());
    queue = new Queue('notifications', { connection: bullConnection(redis.url) });
    worker = await startWorker({ ...workerEnv(), SMTP_URL: smtp.url });
    secretariat = await secretariatOf(api);
    [[english, refused], french, evaluators] = await Promise.all([
      createApplicantsFrom(api, [{ countryCode: 'KE' }, { countryCode: 'IN' }]),
      createApplicant(api, 'SN', { name: 'Centre d’innovation de Dakar', city: 'Dakar' }, 'fr'),
      createEvaluators(api, [{ countryCode: 'DE' }, { countryCode: 'JP' }, { countryCode: 'MX' }]),
    ]);
    smtp.refuse(refused.email);
    // The refused e-mail's retries (about 15 s of backoff) run while the first tests do.
    ({ callId } = await callWithSubmissions(api, [english, french, refused]));
    const call = await api.get(`/api/v1/calls/${callId}`, { token: secretariat.token });
    callReference = call.body.reference as string;
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await queue?.close();
    await api?.close();
    await smtp?.close();
    await redis?.stop();
    await releaseTurn?.();
  });

  it('tells an applicant who submits, in-app and by e-mail, in English', async () => {
    const notification = await delivered(english, 'application.received');
    expect(notification).toMatchObject({
      locale: 'en',
      subject: `Application received – ${callReference}`,
      email: { status: 'sent', attempts: 1, error: null, sentAt: expect.any(String) },
    });
    expect(notification.body).toContain(`on behalf of Hub ${english.email} in response to call ${callReference}`);

    const [email] = smtp.to(english.email);
    expect(email.subject).toBe(notification.subject);
    expect(email.text.trim()).toBe(notification.body);
    expect(email.headers.get('content-language')).toBe('en');
    expect(email.headers.get('from')).toBe('ITU BDT Accelerator Network <no-reply@accelerators.example.org>');
    const [stored] = await sql<{ messageId: string }>(
      api,
      `SELECT email_message_id AS "messageId" FROM notifications WHERE id = $1`,
      [notification.id],
    );
    expect(stored.messageId).toBe(email.headers.get('message-id'));
    expect(await emailJobRow(api, notification.id)).toMatchObject({
      queue: 'notifications',
      jobName: 'notifications.send-email',
      completedAt: expect.any(Date),
    });
  });

  it('writes to a French-speaking applicant in French, in-app and by e-mail alike', async () => {
    const notification = await delivered(french, 'application.received');
    expect(notification).toMatchObject({
      locale: 'fr',
      subject: `Accusé de réception de votre candidature – ${callReference}`,
      email: { status: 'sent' },
    });
    expect(notification.body).toContain(
      'Nous accusons réception de la candidature déposée au nom de Centre d’innovation',
    );

    const [email] = smtp.to(french.email);
    expect(email.subject).toBe(notification.subject);
    expect(email.text.trim()).toBe(notification.body);
    expect(email.headers.get('content-language')).toBe('fr');
  });

  it('gives each evaluator one notice per automatic assignment, with its count', async () => {
    await seatPanel(api, callId, evaluators);
    const report = await autoAssign(api, callId);
    expect(report.status).toBe(200);
    const loads = report.body.assignmentsPerEvaluator as Record<string, number>;
    expect(Object.values(loads)).toEqual([2, 2, 2]);
    expect((await autoAssign(api, callId)).body.created).toBe(0);

    for (const evaluator of evaluators) {
      const notice = await delivered(evaluator, 'assignment.created');
      expect(await inboxOf(api, evaluator.token, 'assignment.created')).toHaveLength(1);
      expect(notice.subject).toBe(`Applications assigned to you for evaluation – ${callReference}`);
      expect(notice.body).toContain(`Number of applications newly assigned to you: ${loads[evaluator.id]}.`);
      expect(notice.email.status).toBe('sent');
      expect(smtp.to(evaluator.email).map((m) => m.subject)).toEqual([notice.subject]);
    }
  });

  it('retries an e-mail the SMTP server refuses, then shows it failed to its recipient and to the secretariat', async () => {
    // BullMQ's backoff between the five attempts: 1 + 2 + 4 + 8 s.
    const notification = await delivered(refused, 'application.received', 60_000);
    expect(notification.email).toMatchObject({ status: 'failed', attempts: 5, sentAt: null });
    expect(notification.email.error).toMatch(/550 Mailbox .* unavailable/);
    expect(smtp.refusals.filter((address) => address === refused.email.toLowerCase())).toHaveLength(5);
    expect(smtp.to(refused.email)).toEqual([]);
    expect((await emailJobRow(api, notification.id)).completedAt).toEqual(expect.any(Date));

    const failures = await api.get('/api/v1/notifications', {
      token: secretariat.token,
      query: { emailStatus: 'failed', recipientId: refused.id },
    });
    expect(failures.status).toBe(200);
    expect(failures.body).toMatchObject({
      total: 1,
      items: [
        { id: notification.id, recipient: { id: refused.id, email: refused.email }, email: { status: 'failed' } },
      ],
    });
    const allFailed = await api.get('/api/v1/notifications', {
      token: secretariat.token,
      query: { emailStatus: 'failed', limit: 500 },
    });
    const statuses = (allFailed.body.items as NotificationView[]).map((n) => n.email.status);
    expect(new Set(statuses)).toEqual(new Set(['failed']));
  }, 90_000);

  it('sends nothing more when the job of an e-mail already sent or failed for good runs again', async () => {
    const sent = (await inboxOf(api, english.token, 'application.received'))[0];
    const failed = (await inboxOf(api, refused.token, 'application.received'))[0];
    const jobs = await Promise.all([emailJobRow(api, sent.id), emailJobRow(api, failed.id)]);
    // As if Redis had lost the jobs before their rows were done: the relay sends them again.
    for (const job of jobs) await queue.remove(job.id);
    await sql(
      api,
      `UPDATE outbox SET completed_at = NULL, dispatched_at = now() - interval '1 hour' WHERE id = ANY ($1::uuid[])`,
      [jobs.map((j) => j.id)],
    );

    const completed = () =>
      sql<{ completedAt: Date | null }>(api, `SELECT completed_at AS "completedAt" FROM outbox WHERE id = ANY ($1)`, [
        jobs.map((j) => j.id),
      ]);
    const replayed = await eventually(completed, (rows) => rows.every((row) => row.completedAt !== null));
    expect(replayed.map((row) => row.completedAt)).toEqual([expect.any(Date), expect.any(Date)]);
    expect(smtp.to(english.email)).toHaveLength(1);
    expect(smtp.refusals.filter((address) => address === refused.email.toLowerCase())).toHaveLength(5);
    const [sentAgain, failedAgain] = [
      (await inboxOf(api, english.token, 'application.received'))[0],
      (await inboxOf(api, refused.token, 'application.received'))[0],
    ];
    expect(sentAgain.email).toEqual(sent.email);
    expect(failedAgain.email).toEqual(failed.email);
  });

  describe('without SMTP_URL', () => {
    beforeAll(async () => {
      await worker?.close();
      // Empty counts as unset, whatever the environment of the test run says.
      worker = await startWorker({ ...workerEnv(), SMTP_URL: '' });
    });

    it('records the e-mail as not sent, and the in-app notification exists all the same', async () => {
      const [applicant] = await createApplicantsFrom(api, [{ countryCode: 'BR' }]);
      await callWithSubmissions(api, [applicant], {}, { close: false });

      const notification = await delivered(applicant, 'application.received');
      expect(notification).toMatchObject({
        subject: expect.stringMatching(/^Application received – /),
        email: { status: 'not_sent', attempts: 0, sentAt: null, error: null },
      });
      expect((await emailJobRow(api, notification.id)).completedAt).toEqual(expect.any(Date));
      expect(smtp.to(applicant.email)).toEqual([]);
    });
  });
});
