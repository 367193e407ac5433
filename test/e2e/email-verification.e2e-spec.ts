import { INestApplicationContext } from '@nestjs/common';
import { draftId, sql } from '../support/applications';
import { eventually, withEnv } from '../support/async';
import { expectProblem } from '../support/calls-e2e';
import { secretariatOf } from '../support/evaluation-fixtures';
import { Applicant, createApplicant, createCall } from '../support/fixtures';
import { RELAYS_NOTIFICATIONS, takeNotificationsTurn } from '../support/notifications';
import { RedisServer } from '../support/redis-server';
import { ReceivedEmail, SmtpTestServer } from '../support/smtp-server';
import { TestApi } from '../support/test-app';
import { startWorker } from '../support/worker';

/**
 * Verified e-mail addresses with APPLICANT_EMAIL_VERIFICATION=required: registration e-mails a
 * single-use link, an unconfirmed applicant keeps drafts but cannot submit, the link (read from the
 * e-mail the worker sends to the SMTP server in this process) confirms the address once; every
 * refusal leaves the account and the application as they were.
 */
describe('e-mail verification of applicants', () => {
  let releaseTurn: (() => Promise<void>) | undefined;
  let redis: RedisServer;
  let smtp: SmtpTestServer;
  let api: TestApi;
  let worker: INestApplicationContext | undefined;
  let callId: string;

  const settings = { APPLICANT_EMAIL_VERIFICATION: 'required', EMAIL_VERIFICATION_RESEND_LIMIT: '2' };

  /** The verification e-mails received for this address, once there are at least `count`. */
  const emailsTo = async (address: string, count: number): Promise<ReceivedEmail[]> => {
    const emails = await eventually(
      async () => smtp.to(address),
      (list) => list.length >= count,
    );
    expect(emails).toHaveLength(count);
    return emails;
  };
  const tokenOf = (email: ReceivedEmail): string => {
    const match = /\/verify-email#token=([A-Za-z0-9_-]+)/.exec(email.text);
    if (!match) throw new Error(`no verification link in: ${email.text}`);
    return match[1];
  };
  const confirm = (token: string, bearer?: string) =>
    api.post('/api/v1/auth/email-verification/confirm', { body: { token }, token: bearer });
  const verifiedAt = async (userId: string) =>
    (await sql<{ at: Date | null }>(api, `SELECT email_verified_at AS at FROM users WHERE id = $1`, [userId]))[0].at;
  const applicationRow = async (id: string) =>
    (
      await sql<{ status: string; version: number; submittedBy: string | null }>(
        api,
        `SELECT status, version, submitted_by AS "submittedBy" FROM applications WHERE id = $1`,
        [id],
      )
    )[0];

  beforeAll(async () => {
    releaseTurn = await takeNotificationsTurn();
  }, 600_000);

  beforeAll(async () => {
    [redis, smtp] = await Promise.all([RedisServer.start(), SmtpTestServer.start()]);
    api = await withEnv({ REDIS_URL: redis.url, ...settings }, () => TestApi.start());
    worker = await startWorker({
      REDIS_URL: redis.url,
      ...RELAYS_NOTIFICATIONS,
      OUTBOX_POLL_MS: '50',
      SMTP_URL: smtp.url,
      ...settings,
    });
    callId = (await createCall(api, (await secretariatOf(api)).token)).id;
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await smtp?.close();
    await redis?.stop();
    await releaseTurn?.();
  });

  describe('an applicant who registers', () => {
    let applicant: Applicant;
    let applicationId: string;
    let first: ReceivedEmail;

    beforeAll(async () => {
      applicant = await createApplicant(api, 'KE', {}, 'fr');
      applicationId = await draftId(api, applicant.token, callId, { programme: 'A six-month programme.' });
      [first] = await emailsTo(applicant.email, 1);
    });

    it('is told by e-mail, in its language, with a link to the verification page', async () => {
      expect(first.subject).toBe('Confirmation de votre adresse électronique');
      expect(first.headers.get('content-language')).toBe('fr');
      expect(first.text).toMatch(/http:\/\/127\.0\.0\.1:3000\/verify-email#token=/);
      const me = await api.get('/api/v1/me', { token: applicant.token });
      expect(me.body).toMatchObject({ emailVerified: false, emailVerificationRequired: true });
    });

    it('keeps its draft but cannot submit it, and nothing changes', async () => {
      const saved = await api.patch(`/api/v1/applications/${applicationId}`, {
        token: applicant.token,
        headers: { 'If-Match': '"1"' },
        body: { answers: { programme: 'A six-month programme, revised.' } },
      });
      expect(saved.status).toBe(200);
      const refused = await api.post(`/api/v1/applications/${applicationId}/submit`, { token: applicant.token });
      expectProblem(refused, 403, 'EMAIL_NOT_VERIFIED');
      expect(await applicationRow(applicationId)).toEqual({ status: 'draft', version: 2, submittedBy: null });
      const audit = await sql(
        api,
        `SELECT 1 FROM audit_events WHERE entity_id = $1 AND action = 'application.submitted'`,
        [applicationId],
      );
      expect(audit).toEqual([]);
    });

    it('refuses a link presented by another signed-in account, an unknown token, and changes nothing', async () => {
      const other = await createApplicant(api);
      expectProblem(await confirm(tokenOf(first), other.token), 403, 'LINK_WRONG_USER');
      expectProblem(await confirm('not-a-token'), 400, 'LINK_INVALID');
      expect(await verifiedAt(applicant.id)).toBeNull();
      expect(await verifiedAt(other.id)).toBeNull();
    });

    it('resends a new link, after which the first one no longer works; then refuses with Retry-After', async () => {
      const resent = await api.post('/api/v1/me/email-verification/resend', { token: applicant.token });
      expect(resent.status).toBe(202);
      const [, second] = await emailsTo(applicant.email, 2);
      expect(tokenOf(second)).not.toBe(tokenOf(first));
      expectProblem(await confirm(tokenOf(first)), 410, 'LINK_REVOKED');
      expect(await verifiedAt(applicant.id)).toBeNull();

      expect((await api.post('/api/v1/me/email-verification/resend', { token: applicant.token })).status).toBe(202);
      const limited = await api.post('/api/v1/me/email-verification/resend', { token: applicant.token });
      expectProblem(limited, 429, 'RATE_LIMITED');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      await emailsTo(applicant.email, 3);
    });

    it('confirms its address with the newest link, once; then it may submit, recorded as the submitter', async () => {
      const newest = (await emailsTo(applicant.email, 3))[2];
      const confirmed = await confirm(tokenOf(newest));
      expect(confirmed.status).toBe(200);
      expect(confirmed.body).toEqual({ emailVerified: true });
      expect(await verifiedAt(applicant.id)).toBeInstanceOf(Date);
      expectProblem(await confirm(tokenOf(newest)), 410, 'LINK_USED');

      const me = await api.get('/api/v1/me', { token: applicant.token });
      expect(me.body).toMatchObject({ emailVerified: true, emailVerificationRequired: false });
      const submitted = await api.post(`/api/v1/applications/${applicationId}/submit`, { token: applicant.token });
      expect(submitted.status).toBe(200);
      expect(submitted.body).toMatchObject({
        status: 'submitted',
        submittedBy: { id: applicant.id, displayName: 'Test applicant' },
      });
      const read = await api.get(`/api/v1/applications/${applicationId}`, { token: applicant.token });
      expect(read.body.submittedBy).toEqual({ id: applicant.id, displayName: 'Test applicant' });
    });
  });

  it('refuses an expired link and keeps the address unconfirmed; a new one works; a confirmed address asks for none', async () => {
    const applicant = await createApplicant(api);
    const [email] = await emailsTo(applicant.email, 1);
    await sql(api, `UPDATE account_links SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [
      applicant.id,
    ]);
    expectProblem(await confirm(tokenOf(email)), 410, 'LINK_EXPIRED');
    expect(await verifiedAt(applicant.id)).toBeNull();

    expect((await api.post('/api/v1/me/email-verification/resend', { token: applicant.token })).status).toBe(202);
    const [, fresh] = await emailsTo(applicant.email, 2);
    expect((await confirm(tokenOf(fresh), applicant.token)).status).toBe(200);
    const again = await api.post('/api/v1/me/email-verification/resend', { token: applicant.token });
    expectProblem(again, 409, 'EMAIL_ALREADY_VERIFIED');
    expect(smtp.to(applicant.email)).toHaveLength(2);
  });

  it('stores no usable token: neither the links nor the notifications hold one', async () => {
    const applicant = await createApplicant(api);
    const [email] = await emailsTo(applicant.email, 1);
    const token = tokenOf(email);
    const rows = await sql<{ text: string }>(
      api,
      `SELECT row_to_json(l)::text AS text FROM account_links l WHERE user_id = $1
       UNION ALL SELECT row_to_json(n)::text FROM notifications n WHERE recipient_id = $1`,
      [applicant.id],
    );
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) expect(row.text).not.toContain(token);
  });
});
