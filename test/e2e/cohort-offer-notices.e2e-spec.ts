import { INestApplicationContext } from '@nestjs/common';
import { OfferExpiryScheduler } from '@app/cohorts/jobs';
import { sql } from '../support/applications';
import { eventually, withEnv } from '../support/async';
import { createApplicantsFrom, createEvaluators, secretariatOf } from '../support/evaluation-fixtures';
import { Actor, Applicant } from '../support/fixtures';
import { RELAYS_NOTIFICATIONS, inboxOf, takeNotificationsTurn } from '../support/notifications';
import { RedisServer } from '../support/redis-server';
import { evaluatedCall, publishCohort } from '../support/scoring';
import { SmtpTestServer } from '../support/smtp-server';
import { joinedColleague } from '../support/team';
import { TestApi } from '../support/test-app';
import { startWorker } from '../support/worker';

/**
 * Issue 15, the e-mails about offers, through the outbox and the real worker, in each recipient's
 * language: the centre's members are reminded of an unanswered offer once, OFFER_REMINDER_DAYS
 * before its deadline; the secretariat member who made the offer learns of a decline (with its
 * reason) and of a lapse; the centre whose offer lapsed is told so.
 */

const CENTRES = [
  { countryCode: 'KE', organisationName: 'Nairobi Digital Hub', city: 'Nairobi' },
  { countryCode: 'FR', organisationName: 'Station Lyon', city: 'Lyon', locale: 'fr' as const },
  { countryCode: 'BR', organisationName: 'São Paulo Startup Campus', city: 'São Paulo' },
];
const [NAIROBI, LYON, SAO_PAULO] = [0, 1, 2];

describe('e-mails about offers', () => {
  let releaseTurn: () => Promise<void>;
  let redis: RedisServer;
  let smtp: SmtpTestServer;
  let api: TestApi;
  let worker: INestApplicationContext;
  let secretariat: Actor;
  let applicants: Applicant[];
  let colleague: Actor;
  let applicationIds: string[];
  let callId: string;
  let cohortId: string;

  beforeAll(async () => {
    releaseTurn = await takeNotificationsTurn();
    [redis, smtp] = await Promise.all([RedisServer.start(), SmtpTestServer.start()]);
    api = await withEnv({ REDIS_URL: redis.url }, () => TestApi.start());
    worker = await startWorker({ ...RELAYS_NOTIFICATIONS, REDIS_URL: redis.url, SMTP_URL: smtp.url });
    secretariat = await secretariatOf(api);
    const evaluators = await createEvaluators(
      api,
      ['DE', 'JP', 'MX'].map((countryCode) => ({ countryCode })),
    );
    applicants = await createApplicantsFrom(api, CENTRES);
    colleague = await joinedColleague(api, applicants[LYON]!);
    await sql(api, `UPDATE users SET locale = 'fr' WHERE id = $1`, [colleague.id]);
    const call = await evaluatedCall(api, evaluators, applicants, 2);
    ({ callId, applicationIds } = call);
    await sql(api, `UPDATE calls SET cohort_size = $2 WHERE id = $1`, [callId, CENTRES.length]);
    cohortId = await publishCohort(api, secretariat.token, callId);
  }, 180_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await smtp?.close();
    await redis?.stop();
    await releaseTurn?.();
  });

  const scheduler = () => worker.get(OfferExpiryScheduler);
  const mailTo = (actor: Actor, subject: string) =>
    eventually(
      async () => smtp.to(actor.email).filter((m) => m.subject === subject),
      (found) => found.length > 0,
    );
  const cohortPage = () => `http://127.0.0.1:3000/secretariat/calls/${callId}/cohorts/${cohortId}`;

  it('reminds every member of a centre of its unanswered offer once, in each one’s language', async () => {
    // Two days from the deadline of an offer made ten days ago: within the default three.
    await sql(
      api,
      `UPDATE cohort_offers SET offered_at = now() - interval '10 days', respond_by = now() + interval '2 days'
        WHERE application_id = $1`,
      [applicationIds[LYON]],
    );
    // Two days from a deadline too, but made a day ago: it was never three days from its deadline.
    await sql(
      api,
      `UPDATE cohort_offers SET offered_at = now() - interval '1 day', respond_by = now() + interval '2 days'
        WHERE application_id = $1`,
      [applicationIds[NAIROBI]],
    );
    await scheduler().expireDue();
    await scheduler().expireDue();

    for (const member of [applicants[LYON]!, colleague]) {
      const [notice, ...more] = await inboxOf(api, member.token, 'cohort.offer_reminder');
      expect(more).toHaveLength(0);
      expect(notice!.locale).toBe('fr');
      expect(notice!.subject).toMatch(/^Rappel\u00a0: merci d’accepter ou de décliner votre place au plus tard le /);
      const [mail] = await mailTo(member, notice!.subject);
      expect(mail!.text).toContain('faute de réponse à cette date');
    }
    // The others' deadlines are days away yet, or the offer was made within the reminder's days: no reminder.
    for (const i of [NAIROBI, SAO_PAULO]) {
      expect(await inboxOf(api, applicants[i]!.token, 'cohort.offer_reminder')).toHaveLength(0);
    }
    const [stored] = await sql<{ reminded: boolean; version: number }>(
      api,
      `SELECT reminded_at IS NOT NULL AS reminded, version FROM cohort_offers WHERE application_id = $1`,
      [applicationIds[LYON]],
    );
    // A reminder is no change to the offer itself.
    expect(stored).toEqual({ reminded: true, version: 1 });
  });

  it('tells the secretariat member who made the offer that a centre declined, with its reason', async () => {
    const reason = 'Our board could not commit the mentors in time.';
    const declined = await api.post(`/api/v1/applications/${applicationIds[NAIROBI]}/offer/decline`, {
      token: applicants[NAIROBI]!.token,
      body: { reason },
    });
    expect(declined.status).toBe(200);

    const [notice, ...more] = await eventually(
      () => inboxOf(api, secretariat.token, 'cohort.offer_declined'),
      (found) => found.length > 0,
    );
    expect(more).toHaveLength(0);
    expect(notice!.subject).toBe(`Nairobi Digital Hub has declined its place – ${await referenceOf()}`);
    expect(notice!.body).toContain(reason);
    expect(notice!.body.split(/\s+/)).toContain(cohortPage());
    const [mail] = await mailTo(secretariat, notice!.subject);
    expect(mail!.text).toContain(reason);
  });

  it('tells the centre whose offer lapsed, and the secretariat, once, when the worker expires it', async () => {
    await sql(
      api,
      `UPDATE cohort_offers SET respond_by = offered_at + interval '1 millisecond' WHERE application_id = $1`,
      [applicationIds[SAO_PAULO]],
    );
    await scheduler().expireDue();
    await scheduler().expireDue();

    const [lapse, ...more] = await inboxOf(api, applicants[SAO_PAULO]!.token, 'cohort.offer_expired');
    expect(more).toHaveLength(0);
    expect(lapse!.locale).toBe('en');
    expect(lapse!.body.split(/\s+/)).toContain(`http://127.0.0.1:3000/cohorts/${cohortId}`);
    await mailTo(applicants[SAO_PAULO]!, lapse!.subject);

    const told = await inboxOf(api, secretariat.token, 'cohort.offer_lapsed');
    expect(told).toHaveLength(1);
    expect(told[0]!.subject).toBe(`The offer to São Paulo Startup Campus has lapsed – ${await referenceOf()}`);
    expect(told[0]!.body.split(/\s+/)).toContain(cohortPage());
    await mailTo(secretariat, told[0]!.subject);
  });

  const referenceOf = async () =>
    (await sql<{ reference: string }>(api, `SELECT reference FROM calls WHERE id = $1`, [callId]))[0]!.reference;
});
