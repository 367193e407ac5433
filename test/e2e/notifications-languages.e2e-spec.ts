import { INestApplicationContext } from '@nestjs/common';
import type { Language } from '@app/platform/languages';
import { eventually, withEnv } from '../support/async';
import { callWithSubmissions, secretariatOf } from '../support/evaluation-fixtures';
import { Applicant, createApplicant } from '../support/fixtures';
import { NotificationView, RELAYS_NOTIFICATIONS, inboxOf, takeNotificationsTurn } from '../support/notifications';
import { RedisServer } from '../support/redis-server';
import { SmtpTestServer } from '../support/smtp-server';
import { TestApi } from '../support/test-app';
import { startWorker } from '../support/worker';

/**
 * E-mails in the recipient's language, whatever the language of whoever caused them: applicants who
 * registered in Arabic, Chinese, Russian and Spanish submit to a call set up in English, and each
 * receives the acknowledgement in their language and script, subject and body, in-app and by e-mail,
 * the e-mail's HTML saying its language and, for Arabic, that it reads right to left.
 */
describe('notifications: e-mails in the recipient’s language', () => {
  let releaseTurn: (() => Promise<void>) | undefined;
  let redis: RedisServer;
  let smtp: SmtpTestServer;
  let api: TestApi;
  let worker: INestApplicationContext | undefined;
  let callReference: string;
  const applicants = new Map<Language, Applicant>();

  /** Each language: an organisation named in it, the catalogue's subject and opening, and a mark of the language. */
  const CASES = [
    {
      language: 'ar',
      organisation: 'مركز القاهرة للابتكار',
      city: 'القاهرة',
      countryCode: 'EG',
      subject: (reference: string) => `استلام الطلب – ${reference}`,
      opening: 'حضرات السادة والسيدات،',
      written: /\p{Script=Arabic}/u,
      dir: 'rtl',
    },
    {
      language: 'zh',
      organisation: '上海创新中心',
      city: '上海',
      countryCode: 'CN',
      subject: (reference: string) => `申请已收到——${reference}`,
      opening: '尊敬的先生/女士：',
      written: /\p{Script=Han}/u,
      dir: 'ltr',
    },
    {
      language: 'ru',
      organisation: 'Казанский инновационный центр',
      city: 'Казань',
      countryCode: 'RU',
      subject: (reference: string) => `Заявка получена – ${reference}`,
      opening: 'Уважаемая госпожа, уважаемый господин!',
      written: /\p{Script=Cyrillic}/u,
      dir: 'ltr',
    },
    {
      language: 'es',
      organisation: 'Centro de Innovación de Bogotá',
      city: 'Bogotá',
      countryCode: 'CO',
      subject: (reference: string) => `Acuse de recibo de la candidatura – ${reference}`,
      opening: 'Muy Señora mía/Muy Señor mío:',
      written: /Acusamos recibo de la candidatura/,
      dir: 'ltr',
    },
  ] as const;

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
    for (const { language, organisation, city, countryCode } of CASES) {
      applicants.set(language, await createApplicant(api, countryCode, { name: organisation, city }, language));
    }
    const { callId } = await callWithSubmissions(api, [...applicants.values()], {}, { close: false });
    const secretariat = await secretariatOf(api);
    callReference = (await api.get(`/api/v1/calls/${callId}`, { token: secretariat.token })).body.reference as string;
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await smtp?.close();
    await redis?.stop();
    await releaseTurn?.();
  });

  it.each(CASES)(
    'acknowledges a submission in $language, in-app and by e-mail',
    async ({ language, organisation, subject, opening, written, dir }) => {
      const applicant = applicants.get(language)!;
      const found = await eventually(
        async () => (await inboxOf(api, applicant.token, 'application.received'))[0],
        settled,
      );
      expect(found).toMatchObject({ locale: language, subject: subject(callReference), email: { status: 'sent' } });
      const notification = found!;
      expect(notification.body.startsWith(opening)).toBe(true);
      expect(notification.body).toContain(organisation);
      expect(notification.body).toMatch(written);
      // Nothing of the English template is left.
      expect(notification.body).not.toMatch(/Dear|received|behalf|Secretariat/);

      const [email] = smtp.to(applicant.email);
      expect(email.subject).toBe(notification.subject);
      expect(email.text.trim()).toBe(notification.body);
      expect(email.headers.get('content-language')).toBe(language);
      expect(email.headers.get('content-type')).toMatch(/^multipart\/alternative;/);
      expect(email.html).toContain(`<html lang="${language}" dir="${dir}">`);
      expect(email.html).toContain(`<body dir="${dir}"`);
      expect(email.html).toContain(`<p>${opening}</p>`);
      expect(email.html).toContain(organisation);
    },
  );
});
