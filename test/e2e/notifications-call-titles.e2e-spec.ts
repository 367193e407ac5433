import { INestApplicationContext } from '@nestjs/common';
import { eventually, withEnv } from '../support/async';
import { callWithSubmissions } from '../support/evaluation-fixtures';
import { Applicant, createApplicant } from '../support/fixtures';
import { NotificationView, RELAYS_NOTIFICATIONS, inboxOf, takeNotificationsTurn } from '../support/notifications';
import { RedisServer } from '../support/redis-server';
import { SmtpTestServer } from '../support/smtp-server';
import { TestApi } from '../support/test-app';
import { startWorker } from '../support/worker';

/**
 * Issue 17: an e-mail that names a call names it in its recipient's language. The call is translated
 * into French and Spanish but not Arabic: the French applicant's acknowledgement gives the French
 * title, the Arabic applicant's the English one (not another language's), in-app and by e-mail.
 */
describe('notifications: the call’s title in the recipient’s language', () => {
  const ENGLISH = 'Call for accelerator centres';
  const FRENCH = 'Appel aux centres d’accélération';
  const SPANISH = 'Convocatoria de centros de aceleración';

  let releaseTurn: (() => Promise<void>) | undefined;
  let redis: RedisServer;
  let smtp: SmtpTestServer;
  let api: TestApi;
  let worker: INestApplicationContext | undefined;
  let french: Applicant;
  let arabic: Applicant;

  const settled = (n: NotificationView | undefined) => n !== undefined && n.email.status !== 'pending';

  beforeAll(async () => {
    releaseTurn = await takeNotificationsTurn();
  }, 600_000);

  beforeAll(async () => {
    [redis, smtp] = await Promise.all([RedisServer.start(), SmtpTestServer.start()]);
    api = await withEnv({ REDIS_URL: redis.url }, () => TestApi.start());
    worker = await startWorker({
      REDIS_URL: redis.url,
      ...RELAYS_NOTIFICATIONS,
      OUTBOX_POLL_MS: '50',
      SMTP_URL: smtp.url,
    });
    french = await createApplicant(api, 'SN', { name: 'Centre d’innovation de Dakar', city: 'Dakar' }, 'fr');
    arabic = await createApplicant(api, 'EG', { name: 'مركز القاهرة للابتكار', city: 'القاهرة' }, 'ar');
    await callWithSubmissions(
      api,
      [french, arabic],
      { title: ENGLISH, translations: { fr: { title: FRENCH }, es: { title: SPANISH } } },
      { close: false },
    );
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await smtp?.close();
    await redis?.stop();
    await releaseTurn?.();
  });

  async function acknowledgementOf(applicant: Applicant) {
    const found = await eventually(
      async () => (await inboxOf(api, applicant.token, 'application.received'))[0],
      settled,
    );
    expect(found?.email.status).toBe('sent');
    const [email] = smtp.to(applicant.email);
    expect(email.text.trim()).toBe(found!.body);
    return { notification: found!, email };
  }

  it('gives a French reader the French title', async () => {
    const { notification, email } = await acknowledgementOf(french);
    expect(notification.locale).toBe('fr');
    expect(notification.body).toContain(`«\u00a0${FRENCH}\u00a0»`);
    expect(notification.body).not.toContain(ENGLISH);
    expect(email.html).toContain('Appel aux centres d’accélération');
  });

  it('gives an Arabic reader the English title when the call has no Arabic one', async () => {
    const { notification, email } = await acknowledgementOf(arabic);
    expect(notification.locale).toBe('ar');
    expect(notification.body).toContain(`«${ENGLISH}»`);
    expect(notification.body).not.toContain(FRENCH);
    expect(notification.body).not.toContain(SPANISH);
    expect(email.text).toContain(ENGLISH);
  });
});
