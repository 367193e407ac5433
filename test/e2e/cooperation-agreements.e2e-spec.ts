import { INestApplicationContext } from '@nestjs/common';
import { AgreementRemindersScheduler } from '@app/cohorts/jobs';
import { extractPdfText } from '../../libs/cohorts/src/annex/testing/pdf-text';
import { download, expectProblem, sql } from '../support/applications';
import { withEnv } from '../support/async';
import { auditEvents, secretariatOf } from '../support/evaluation-fixtures';
import { Actor, Applicant, SAMPLE_PNG } from '../support/fixtures';
import { RedisServer } from '../support/redis-server';
import { publishedCohortOf } from '../support/published-cohort';
import { TestApi } from '../support/test-app';
import { startWorker } from '../support/worker';

/**
 * Issue 15, cooperation agreements: the centres that accepted their place are issued an agreement
 * from the terms the secretariat writes for the call; each uploads its signed copy, which the
 * secretariat countersigns or returns; the network's public directory lists exactly the centres
 * whose agreement is countersigned.
 */

const CENTRES = [
  { countryCode: 'KE', organisationName: 'Nairobi Digital Hub', city: 'Nairobi' },
  { countryCode: 'SN', organisationName: 'Dakar Innovation Lab', city: 'Dakar' },
  { countryCode: 'IN', organisationName: 'Bengaluru Deep Tech Centre', city: 'Bengaluru' },
  { countryCode: 'EG', organisationName: 'Cairo ICT Incubator', city: 'Cairo' },
];
const TERMS =
  'The centre shall host the programme of the network for two years.\n\nEach party bears its own costs; nothing in this agreement makes the centre an agent of ITU.';

describe('cooperation agreements with the accepted centres', () => {
  let redis: RedisServer;
  let api: TestApi;
  let worker: INestApplicationContext;
  let secretariat: Actor;
  let applicants: Applicant[];
  let applicationIds: string[];
  let callId: string;
  let cohortId: string;

  beforeAll(async () => {
    redis = await RedisServer.start();
    api = await withEnv({ REDIS_URL: redis.url }, () => TestApi.start());
    worker = await startWorker({ REDIS_URL: redis.url });
    secretariat = await secretariatOf(api);
    ({ callId, cohortId, applicants, applicationIds } = await publishedCohortOf(api, secretariat, CENTRES));
    // Three centres accept their place; the fourth declines it.
    for (const i of [0, 1, 2]) {
      const accepted = await api.post(`/api/v1/applications/${applicationIds[i]}/offer/accept`, {
        token: applicants[i]!.token,
      });
      expect(accepted.status).toBe(200);
    }
    const declined = await api.post(`/api/v1/applications/${applicationIds[3]}/offer/decline`, {
      token: applicants[3]!.token,
      body: { reason: 'Our board has other priorities.' },
    });
    expect(declined.status).toBe(200);
  }, 180_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await redis?.stop();
  });

  const agreementOf = (i: number, token = applicants[i]!.token) =>
    api.get(`/api/v1/applications/${applicationIds[i]}/agreement`, { token });
  const signedCopy = (i: number, file: { buffer: Buffer; filename: string }) =>
    api.upload(`/api/v1/applications/${applicationIds[i]}/agreement/signed-copy`, applicants[i]!.token, file);
  const countersign = (i: number) =>
    api.post(`/api/v1/applications/${applicationIds[i]}/agreement/countersignature`, { token: secretariat.token });
  const issue = () => api.post(`/api/v1/cohorts/${cohortId}/agreements`, { token: secretariat.token });
  const storedAgreements = () =>
    sql<{ application_id: string; status: string }>(
      api,
      `SELECT application_id, status FROM cooperation_agreements WHERE cohort_id = $1 ORDER BY application_id`,
      [cohortId],
    );
  const noticesOf = async (i: number, template: string) => {
    const res = await api.get('/api/v1/me/notifications', { token: applicants[i]!.token });
    expect(res.status).toBe(200);
    return (res.body.items as Array<{ template: string; body: string }>).filter((n) => n.template === template);
  };
  const directory = async () => {
    const res = await api.get('/api/v1/public/directory');
    expect(res.status).toBe(200);
    return res.body as { items: Array<{ name: string; city: string; region: string; since: string }>; total: number };
  };

  it('issues nothing before the secretariat has written the terms', async () => {
    expectProblem(await issue(), 409, 'AGREEMENT_TERMS_MISSING');
    expectProblem(
      await api.get(`/api/v1/calls/${callId}/agreement-terms`, { token: secretariat.token }),
      404,
      'NOT_FOUND',
    );
    expect(await storedAgreements()).toEqual([]);
  });

  it('takes terms from the secretariat alone, of a sensible length', async () => {
    const put = (token: string, terms: unknown) =>
      api.put(`/api/v1/calls/${callId}/agreement-terms`, { token, body: { terms } });
    expectProblem(await put(applicants[0]!.token, TERMS), 403, 'FORBIDDEN');
    expectProblem(await put(secretariat.token, 'Too short.'), 400, 'VALIDATION_FAILED');
    expectProblem(await put(secretariat.token, 'x'.repeat(20_001)), 400, 'VALIDATION_FAILED');
    expectProblem(
      await api.get(`/api/v1/calls/${callId}/agreement-terms`, { token: secretariat.token }),
      404,
      'NOT_FOUND',
    );

    const written = await put(secretariat.token, `  ${TERMS}  `);
    expect(written.status).toBe(200);
    expect(written.body).toMatchObject({ callId, terms: TERMS });
    const read = await api.get(`/api/v1/calls/${callId}/agreement-terms`, { token: secretariat.token });
    expect(read.body).toEqual(written.body);
    expect((await auditEvents(api, 'call', callId)).filter((e) => e.action === 'call.agreement_terms_written')).toEqual(
      [expect.objectContaining({ actorId: secretariat.id, after: { terms: TERMS } })],
    );
  });

  it('issues an agreement to each centre that accepted, once, and tells each by e-mail', async () => {
    const first = await issue();
    expect(first.status).toBe(200);
    expect([...first.body.issued].sort()).toEqual(applicationIds.slice(0, 3).sort());
    expect((await issue()).body).toEqual({ issued: [] });
    expect((await storedAgreements()).map((a) => a.status)).toEqual(['issued', 'issued', 'issued']);

    const agreement = await agreementOf(0);
    expect(agreement.status).toBe(200);
    expect(agreement.body).toMatchObject({
      applicationId: applicationIds[0],
      cohortId,
      status: 'issued',
      centre: { name: 'Nairobi Digital Hub', city: 'Nairobi', countryCode: 'KE', region: 'AFR' },
      terms: TERMS,
      signedAt: null,
      countersignedAt: null,
      signedCopy: null,
      centreWithdrawn: false,
    });
    for (const i of [0, 1, 2]) {
      const [notice, ...more] = await noticesOf(i, 'agreement.issued');
      expect(more).toEqual([]);
      expect(notice!.body).toContain(`/applicant/applications/${applicationIds[i]}`);
    }
    expect(await noticesOf(3, 'agreement.issued')).toEqual([]);
    expectProblem(await agreementOf(3), 404, 'NOT_FOUND');
  });

  it('shows the agreement to its centre and the secretariat only', async () => {
    expect((await agreementOf(0, secretariat.token)).body.status).toBe('issued');
    expectProblem(await agreementOf(0, applicants[1]!.token), 404, 'NOT_FOUND');
    expectProblem(
      await api.get(`/api/v1/cohorts/${cohortId}/agreements`, { token: applicants[0]!.token }),
      403,
      'FORBIDDEN',
    );
    const listed = await api.get(`/api/v1/cohorts/${cohortId}/agreements?limit=2`, { token: secretariat.token });
    expect(listed.body.total).toBe(3);
    expect(listed.body.items.map((a: { centre: { name: string } }) => a.centre.name)).toEqual([
      'Bengaluru Deep Tech Centre',
      'Dakar Innovation Lab',
    ]);
  });

  it('renders the agreement as issued, in French with the country named in French', async () => {
    const res = await download(
      api,
      `/api/v1/applications/${applicationIds[1]}/agreement/document?lang=fr`,
      applicants[1]!.token,
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const { text } = await extractPdfText(res.body as Buffer);
    expect(text).toContain('Accord de coopération');
    expect(text).toContain('Dakar Innovation Lab (Dakar, Sénégal)');
    expect(text).toContain('nothing in this agreement makes the centre an agent of ITU');
    const again = await download(
      api,
      `/api/v1/applications/${applicationIds[1]}/agreement/document?lang=fr`,
      applicants[1]!.token,
    );
    expect(Buffer.compare(again.body as Buffer, res.body as Buffer)).toBe(0);
    expectProblem(
      await api.get(`/api/v1/applications/${applicationIds[1]}/agreement/document?lang=xx`, {
        token: applicants[1]!.token,
      }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('takes a signed copy only as a PDF, and cannot be countersigned before', async () => {
    expectProblem(await countersign(0), 409, 'INVALID_TRANSITION');
    expectProblem(await signedCopy(0, { buffer: SAMPLE_PNG, filename: 'scan.png' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect((await agreementOf(0)).body).toMatchObject({ status: 'issued', signedCopy: null });
  });

  it('keeps the signed copy the centre uploads, for it and the secretariat', async () => {
    const issued = await download(
      api,
      `/api/v1/applications/${applicationIds[0]}/agreement/document`,
      applicants[0]!.token,
    );
    const signed = await signedCopy(0, { buffer: issued.body as Buffer, filename: 'agreement signed.pdf' });
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({
      status: 'signed',
      signedCopy: { filename: 'agreement signed.pdf', size: (issued.body as Buffer).length },
    });
    const copy = await download(
      api,
      `/api/v1/applications/${applicationIds[0]}/agreement/signed-copy`,
      secretariat.token,
    );
    expect(copy.status).toBe(200);
    expect(Buffer.compare(copy.body as Buffer, issued.body as Buffer)).toBe(0);
  });

  it('goes back to the centre when the secretariat returns its copy, with the reason by e-mail', async () => {
    const back = (reason: unknown) =>
      api.post(`/api/v1/applications/${applicationIds[0]}/agreement/return`, {
        token: secretariat.token,
        body: { reason },
      });
    expectProblem(await back('No'), 400, 'VALIDATION_FAILED');
    const returned = await back('The signature page is missing.');
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({
      status: 'issued',
      returnReason: 'The signature page is missing.',
      signedAt: null,
    });
    const [notice] = await noticesOf(0, 'agreement.returned');
    expect(notice!.body).toContain('The signature page is missing.');
    expectProblem(await back('The signature page is missing again.'), 409, 'INVALID_TRANSITION');
  });

  it('lists in the directory exactly the centres whose agreement is countersigned', async () => {
    expect(await directory()).toEqual({ items: [], total: 0 });
    const issued = await download(
      api,
      `/api/v1/applications/${applicationIds[0]}/agreement/document`,
      applicants[0]!.token,
    );
    for (const i of [0, 2]) {
      expect((await signedCopy(i, { buffer: issued.body as Buffer, filename: 'signed.pdf' })).status).toBe(200);
    }
    const countersigned = await countersign(0);
    expect(countersigned.status).toBe(200);
    expect(countersigned.body).toMatchObject({ status: 'countersigned', returnReason: null });
    expect(await noticesOf(0, 'agreement.countersigned')).toHaveLength(1);

    const listed = await directory();
    expect(listed.total).toBe(1);
    expect(listed.items).toEqual([
      {
        name: 'Nairobi Digital Hub',
        city: 'Nairobi',
        countryCode: 'KE',
        countryName: 'Kenya',
        region: 'AFR',
        call: { reference: expect.any(String), title: expect.any(String) },
        since: countersigned.body.countersignedAt,
      },
    ]);
    expectProblem(
      await signedCopy(0, { buffer: issued.body as Buffer, filename: 'late.pdf' }),
      409,
      'INVALID_TRANSITION',
    );
    expectProblem(await countersign(0), 409, 'INVALID_TRANSITION');
    expect((await storedAgreements()).map((a) => a.status).sort()).toEqual(['countersigned', 'issued', 'signed']);
  });

  it('reminds a centre of an agreement it has not signed, once per interval', async () => {
    // Dakar's agreement (still to sign) was issued eight days ago; the signed and countersigned ones are not due.
    await sql(api, `UPDATE cooperation_agreements SET issued_at = issued_at - interval '8 days' WHERE cohort_id = $1`, [
      cohortId,
    ]);
    const scheduler = worker.get(AgreementRemindersScheduler);
    await scheduler.remindDue();
    await scheduler.remindDue();
    const [reminder, ...more] = await noticesOf(1, 'agreement.reminder');
    expect(more).toEqual([]);
    expect(reminder!.body).toContain(`/applicant/applications/${applicationIds[1]}`);
    for (const i of [0, 2]) expect(await noticesOf(i, 'agreement.reminder')).toEqual([]);
  });

  it('voids the agreement of a centre the secretariat withdraws, which leaves the directory', async () => {
    const withdraw = (i: number) =>
      api.post(`/api/v1/cohorts/${cohortId}/withdrawals`, {
        token: secretariat.token,
        body: { applicationId: applicationIds[i], reason: 'The centre has ceased its activities.' },
      });
    expect((await withdraw(0)).status).toBe(201);
    expect(await directory()).toEqual({ items: [], total: 0 });
    expect((await withdraw(2)).status).toBe(201);
    expectProblem(await countersign(2), 409, 'INVALID_TRANSITION');
    expect((await agreementOf(2)).body).toMatchObject({ status: 'signed', centreWithdrawn: true });
    expect(await directory()).toEqual({ items: [], total: 0 });
  });
});
