import { INestApplicationContext } from '@nestjs/common';
import { OfferExpiryScheduler } from '@app/cohorts/jobs';
import request from 'supertest';
import { expectProblem, sql } from '../support/applications';
import { emailJobRow, inboxOf } from '../support/notifications';
import { withEnv } from '../support/async';
import { independentHashOf } from '../support/independent-hash';
import { auditEvents, secretariatOf } from '../support/evaluation-fixtures';
import { Actor, Applicant } from '../support/fixtures';
import { RedisServer } from '../support/redis-server';
import { publishedCohortOf } from '../support/published-cohort';
import { TestApi } from '../support/test-app';
import { startWorker } from '../support/worker';

/**
 * Issue 15, offers: publication offers each selected centre a place to accept or decline by a
 * deadline, after which the worker expires it; a decline or an expiry appends a hash-chained
 * amendment to the published cohort, whose own document is served unchanged, byte for byte.
 */

const CENTRES = [
  { countryCode: 'KE', organisationName: 'Nairobi Digital Hub', city: 'Nairobi' },
  { countryCode: 'BR', organisationName: 'São Paulo Startup Campus', city: 'São Paulo' },
  { countryCode: 'IN', organisationName: 'Bengaluru Deep Tech Centre', city: 'Bengaluru' },
  { countryCode: 'EG', organisationName: 'Cairo ICT Incubator', city: 'Cairo' },
];

interface Amendment {
  sequence: number;
  kind: string;
  previousHash: string;
  hash: string;
  centre: { name: string };
  members: Array<{ name: string }>;
  reason?: string;
}

describe('offers to the selected centres', () => {
  let redis: RedisServer;
  let api: TestApi;
  let worker: INestApplicationContext;
  let secretariat: Actor;
  let applicants: Applicant[];
  let applicationIds: string[];
  let cohortId: string;
  let published: { text: string; body: { contentHash: string; publishedAt: string; members: Array<{ name: string }> } };

  beforeAll(async () => {
    redis = await RedisServer.start();
    api = await withEnv({ REDIS_URL: redis.url }, () => TestApi.start());
    worker = await startWorker({ REDIS_URL: redis.url });
    secretariat = await secretariatOf(api);
    ({ cohortId, applicants, applicationIds } = await publishedCohortOf(api, secretariat, CENTRES));
    published = await publicDocument();
  }, 180_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await redis?.stop();
  });

  const publicDocument = async () => {
    const res = await request(api.server).get(`/api/v1/public/cohorts/${cohortId}`);
    expect(res.status).toBe(200);
    return { text: res.text, body: res.body };
  };
  const offerOf = (i: number, token = applicants[i]!.token) =>
    api.get(`/api/v1/applications/${applicationIds[i]}/offer`, { token });
  const answer = (i: number, what: 'accept' | 'decline', body?: unknown) =>
    api.post(`/api/v1/applications/${applicationIds[i]}/offer/${what}`, { token: applicants[i]!.token, body });
  const amendments = async () => {
    const res = await api.get(`/api/v1/public/cohorts/${cohortId}/amendments`);
    expect(res.status).toBe(200);
    return res.body as { items: Amendment[]; total: number };
  };
  const storedOffer = async (i: number) =>
    (
      await sql<{ status: string; decline_reason: string | null; version: number }>(
        api,
        `SELECT status, decline_reason, version FROM cohort_offers WHERE application_id = $1`,
        [applicationIds[i]],
      )
    )[0];

  it('offers every member a place at publication, to answer by the end of the 14th day after it', async () => {
    const res = await api.get(`/api/v1/cohorts/${cohortId}/offers`, { token: secretariat.token });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(CENTRES.length);
    // The end of the day, in UTC, 14 days after publication.
    const day = new Date(published.body.publishedAt);
    day.setUTCDate(day.getUTCDate() + 14);
    const respondBy = `${day.toISOString().slice(0, 10)}T23:59:59.999Z`;
    expect(res.body.items.map((o: { centre: { name: string } }) => o.centre.name)).toEqual(
      CENTRES.map((c) => c.organisationName).sort(),
    );
    for (const offer of res.body.items) {
      expect(offer).toMatchObject({ cohortId, status: 'offered', respondBy, respondedAt: null, declineReason: null });
    }

    const own = await offerOf(0);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ applicationId: applicationIds[0], status: 'offered', respondBy });
    expect(own.body.centre).toMatchObject({ name: CENTRES[0]!.organisationName, countryCode: 'KE', region: 'AFR' });
    // Another centre's offer does not exist for it; the secretariat reads any.
    expectProblem(await offerOf(1, applicants[0]!.token), 404, 'NOT_FOUND');
    expect((await offerOf(1, secretariat.token)).status).toBe(200);
  });

  it('is answered by the centre alone, and a decline needs a reason; nothing changes otherwise', async () => {
    const bySecretariat = await api.post(`/api/v1/applications/${applicationIds[0]}/offer/accept`, {
      token: secretariat.token,
    });
    expect(bySecretariat.status).toBe(403);
    expectProblem(
      await api.post(`/api/v1/applications/${applicationIds[1]}/offer/accept`, { token: applicants[0]!.token }),
      404,
      'NOT_FOUND',
    );
    const errors = expectProblem(await answer(1, 'decline', { reason: '  ' }), 400, 'VALIDATION_FAILED');
    expect(errors.map((e) => e.field)).toEqual(['reason']);
    expect(await storedOffer(0)).toEqual({ status: 'offered', decline_reason: null, version: 1 });
    expect(await storedOffer(1)).toEqual({ status: 'offered', decline_reason: null, version: 1 });
    expect((await amendments()).total).toBe(0);
  });

  it('takes an acceptance once: a second answer is refused', async () => {
    const accepted = await answer(0, 'accept');
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', declineReason: null });
    expect(accepted.body.respondedAt).not.toBeNull();
    expectProblem(await answer(0, 'decline', { reason: 'Changed our mind.' }), 409, 'INVALID_TRANSITION');
    expect(await storedOffer(0)).toMatchObject({ status: 'accepted', version: 2 });
    expect((await amendments()).total).toBe(0);
    expect((await auditEvents(api, 'cohort', cohortId)).map((e) => e.action)).toContain('cohort.offer_accepted');
  });

  it('appends an amendment per decline, each hash covering the one before from the published hash', async () => {
    const first = await answer(1, 'decline', { reason: 'Our board could not commit the mentors in time.' });
    expect(first.body).toMatchObject({
      status: 'declined',
      declineReason: 'Our board could not commit the mentors in time.',
    });
    expect((await answer(2, 'decline', { reason: 'Funding ends this year.' })).status).toBe(200);

    const { items, total } = await amendments();
    expect(total).toBe(2);
    let previous = published.body.contentHash;
    let list = published.body.members;
    for (const [i, { hash, ...document }] of items.entries()) {
      expect(document).toMatchObject({ sequence: i + 1, kind: 'declined', previousHash: previous });
      expect(hash).toBe(independentHashOf(document));
      expect(document.centre.name).toBe(CENTRES[i + 1]!.organisationName);
      list = list.filter((m) => m.name !== document.centre.name);
      expect(document.members).toEqual(list);
      previous = hash;
    }
    // The reason a centre gives is the secretariat's to read, not the public's.
    expect(JSON.stringify(items)).not.toContain('Funding');
  });

  it('serves the published document unchanged, byte for byte, and the current list beside it', async () => {
    expect((await publicDocument()).text).toBe(published.text);
    const { items } = await amendments();
    const current = await api.get(`/api/v1/public/cohorts/${cohortId}/current`);
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject({
      id: cohortId,
      contentHash: published.body.contentHash,
      amendments: 2,
      hash: items[1]!.hash,
      statistics: { selected: CENTRES.length - 2 },
    });
    expect(current.body.members.map((m: { name: string }) => m.name).sort()).toEqual(
      [CENTRES[0]!.organisationName, CENTRES[3]!.organisationName].sort(),
    );
  });

  it('refuses an answer from the deadline on; the worker expires the offer once, which amends the list', async () => {
    await sql(
      api,
      `UPDATE cohort_offers SET respond_by = offered_at + interval '1 millisecond' WHERE application_id = $1`,
      [applicationIds[3]],
    );
    expectProblem(await answer(3, 'accept'), 409, 'OFFER_EXPIRED');
    // Its timer may have run already: then there is nothing left to expire.
    await worker.get(OfferExpiryScheduler).expireDue();
    await worker.get(OfferExpiryScheduler).expireDue();
    expect(await storedOffer(3)).toEqual({ status: 'expired', decline_reason: null, version: 2 });
    expectProblem(await answer(3, 'decline', { reason: 'Too late now.' }), 409, 'OFFER_EXPIRED');

    const { items, total } = await amendments();
    expect(total).toBe(3);
    const { hash, ...expiry } = items[2]!;
    expect(expiry).toMatchObject({ sequence: 3, kind: 'expired', previousHash: items[1]!.hash });
    expect(expiry.centre.name).toBe(CENTRES[3]!.organisationName);
    expect(expiry.members.map((m) => m.name)).toEqual([CENTRES[0]!.organisationName]);
    expect(hash).toBe(independentHashOf(expiry));
    const current = await api.get(`/api/v1/public/cohorts/${cohortId}/current`);
    expect(current.body).toMatchObject({ amendments: 3, hash, statistics: { selected: 1 } });
    // By the platform, not by a person.
    const expiries = (await auditEvents(api, 'cohort', cohortId)).filter((e) => e.action === 'cohort.offer_expired');
    expect(expiries.map((e) => e.actorId)).toEqual([null]);
  });

  it('refuses any change to an amendment', async () => {
    await expect(
      sql(api, `UPDATE cohort_amendments SET hash = repeat('0', 64) WHERE cohort_id = $1`, [cohortId]),
    ).rejects.toThrow(/never changed/);
    await expect(sql(api, `DELETE FROM cohort_amendments WHERE cohort_id = $1`, [cohortId])).rejects.toThrow(
      /never changed/,
    );
    expect((await amendments()).total).toBe(3);
  });

  it('answers 404 for the amendments and the current list of a cohort that is not published', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expectProblem(await api.get(`/api/v1/public/cohorts/${unknown}/amendments`), 404, 'NOT_FOUND');
    expectProblem(await api.get(`/api/v1/public/cohorts/${unknown}/current`), 404, 'NOT_FOUND');
  });

  it('withdraws a centre on the current list by the secretariat, with a published reason that the chain covers', async () => {
    const withdraw = (body: Record<string, unknown>, token = secretariat.token) =>
      api.post(`/api/v1/cohorts/${cohortId}/withdrawals`, { token, body });
    const reason = 'The centre closed its incubation programme.';
    expect((await withdraw({ applicationId: applicationIds[0], reason }, applicants[0]!.token)).status).toBe(403);
    const errors = expectProblem(
      await withdraw({ applicationId: applicationIds[0], reason: ' no ' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(errors.map((e) => e.field)).toEqual(['reason']);
    // Declined, lapsed: off the list already.
    for (const i of [1, 3]) {
      expectProblem(await withdraw({ applicationId: applicationIds[i], reason }), 409, 'NOT_ON_CURRENT_LIST');
    }
    const freeBefore = (await api.get(`/api/v1/cohorts/${cohortId}/replacement`, { token: secretariat.token })).body;

    const res = await withdraw({ applicationId: applicationIds[0], reason: `  ${reason} ` });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ applicationId: applicationIds[0], status: 'withdrawn', declineReason: null });
    expect(await storedOffer(0)).toEqual({ status: 'withdrawn', decline_reason: null, version: 3 });
    expectProblem(await withdraw({ applicationId: applicationIds[0], reason }), 409, 'NOT_ON_CURRENT_LIST');

    const { items, total } = await amendments();
    expect(total).toBe(4);
    let previous = published.body.contentHash;
    for (const { hash, ...document } of items) {
      expect(document.previousHash).toBe(previous);
      expect(hash).toBe(independentHashOf(document));
      previous = hash;
    }
    expect(items[3]).toMatchObject({ sequence: 4, kind: 'withdrawn', reason, members: [] });
    expect(items[3]!.centre.name).toBe(CENTRES[0]!.organisationName);
    expect(items.slice(0, 3).every((a) => !('reason' in a))).toBe(true);
    const current = await api.get(`/api/v1/public/cohorts/${cohortId}/current`);
    expect(current.body).toMatchObject({ amendments: 4, hash: previous, members: [], statistics: { selected: 0 } });
    expect((await publicDocument()).text).toBe(published.text);

    // Its seat is free for a promotion.
    const freeAfter = (await api.get(`/api/v1/cohorts/${cohortId}/replacement`, { token: secretariat.token })).body;
    expect(freeAfter.freeSeats).toBe(freeBefore.freeSeats + 1);
    const audited = (await auditEvents(api, 'cohort', cohortId)).filter((e) => e.action === 'cohort.offer_withdrawn');
    expect(audited.map((e) => e.actorId)).toEqual([secretariat.id]);

    // The centre is told, with the reason, by a notice that its e-mail job carries through the outbox.
    const [notice, ...more] = await inboxOf(api, applicants[0]!.token, 'cohort.withdrawn');
    expect(more).toHaveLength(0);
    expect(notice!.body).toContain(reason);
    expect(notice!.body.split(/\s+/)).toContain(`http://127.0.0.1:3000/cohorts/${cohortId}`);
    expect((await emailJobRow(api, notice!.id)).jobName).toBeTruthy();

    // No longer on the list, its application's outcome says so; a centre that declined keeps its own.
    const application = (i: number) =>
      api.get(`/api/v1/applications/${applicationIds[i]}`, { token: applicants[i]!.token });
    expect((await application(0)).body).toMatchObject({ status: 'withdrawn_from_cohort', outcome: 'withdrawn' });
    expect((await application(1)).body).toMatchObject({ status: 'selected', outcome: 'selected' });
    const changed = (await auditEvents(api, 'application', applicationIds[0]!)).filter(
      (e) => e.action === 'application.outcome_changed',
    );
    expect(changed).toEqual([
      expect.objectContaining({
        actorId: secretariat.id,
        before: { status: 'selected' },
        after: expect.objectContaining({ status: 'withdrawn_from_cohort' }),
      }),
    ]);
  });
});
