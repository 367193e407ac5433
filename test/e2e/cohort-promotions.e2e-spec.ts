import { INestApplicationContext } from '@nestjs/common';
import { OfferExpiryScheduler } from '@app/cohorts/jobs';
import { bestCompletion } from '../../libs/cohorts/src/domain/testing/replacement-brute-force';
import type { Region } from '../../libs/cohorts/src/domain/selection.types';
import { expectProblem, sql } from '../support/applications';
import { withEnv } from '../support/async';
import { createApplicantsFrom, createEvaluators, secretariatOf } from '../support/evaluation-fixtures';
import { Actor, Applicant } from '../support/fixtures';
import { independentHashOf } from '../support/independent-hash';
import { RedisServer } from '../support/redis-server';
import { evaluatedCall, publishCohort } from '../support/scoring';
import { TestApi } from '../support/test-app';
import { startWorker } from '../support/worker';

/**
 * Issue 15 "Show": 17 centres published; two decline and one lets its offer expire; each freed seat
 * goes to the replacement the platform proposes, which is checked against a brute force over the
 * remaining candidates; the amendment chain verifies from the published hash, and the published
 * document is unchanged.
 */

// The scores the evaluations give fall lowest at places 7, 16 and 19: the CIS centres there need the
// region's minimum of two to be selected, and one is left out.
const COUNTRIES = 'KE KE SN NG GH EG KZ BR BR MX AR IN IN JP CN AM FR DE KZ FR IT'.split(' ');
const CENTRES = COUNTRIES.map((countryCode, i) => ({
  countryCode,
  organisationName: `Centre ${String(i + 1).padStart(2, '0')} ${countryCode}`,
  city: `City ${i + 1}`,
}));
const SIZE = 17;
const CONSTRAINTS = { maxPerCountry: 2, minPerRegion: { CIS: 2 }, waitlistSize: 3 };
const REASONS_FOR_A_SEAT = ['COHORT_FULL', 'COUNTRY_CAP', 'REGION_CAP', 'SEAT_RESERVED_FOR_REGION'];

interface Entry {
  applicationId: string;
  rank: number | null;
  reason?: string;
  organisation: { name: string; countryCode: string; region: Region };
}
interface Offer {
  applicationId: string;
  status: string;
  centre: { name: string; countryCode: string; region: Region };
}

describe('promotions from the waitlist', () => {
  let redis: RedisServer;
  let api: TestApi;
  let worker: INestApplicationContext;
  let secretariat: Actor;
  let applicantOf: Map<string, Applicant>;
  let cohortId: string;
  let cohort: { members: Entry[]; waitlist: Entry[]; excluded: Entry[] };
  let published: { text: string; contentHash: string; members: Array<{ name: string }> };
  const removed: string[] = [];
  const promoted: string[] = [];

  beforeAll(async () => {
    redis = await RedisServer.start();
    api = await withEnv({ REDIS_URL: redis.url }, () => TestApi.start());
    worker = await startWorker({ REDIS_URL: redis.url });
    secretariat = await secretariatOf(api);
    const evaluators = await createEvaluators(
      api,
      ['DE', 'JP', 'MX', 'US'].map((countryCode) => ({ countryCode })),
    );
    const applicants = await createApplicantsFrom(api, CENTRES);
    const call = await evaluatedCall(api, evaluators, applicants, 2);
    applicantOf = new Map(call.applicationIds.map((id, i) => [id, applicants[i]!]));
    await sql(api, `UPDATE calls SET cohort_size = $2, selection = $3 WHERE id = $1`, [
      call.callId,
      SIZE,
      JSON.stringify(CONSTRAINTS),
    ]);
    cohortId = await publishCohort(api, secretariat.token, call.callId);
    cohort = (await api.get(`/api/v1/cohorts/${cohortId}`, { token: secretariat.token })).body;
    const document = await api.get(`/api/v1/public/cohorts/${cohortId}`);
    published = { text: document.text, contentHash: document.body.contentHash, members: document.body.members };
  }, 300_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await redis?.stop();
  });

  const offers = async (): Promise<Offer[]> =>
    (await api.get(`/api/v1/cohorts/${cohortId}/offers?limit=500`, { token: secretariat.token })).body.items;
  const replacement = () => api.get(`/api/v1/cohorts/${cohortId}/replacement`, { token: secretariat.token });
  const promote = (body: Record<string, unknown>) =>
    api.post(`/api/v1/cohorts/${cohortId}/promotions`, { token: secretariat.token, body });

  /** The proposal by brute force over the candidates the selection passed over for a seat, never offered one. */
  async function expectedReplacement(): Promise<string | null> {
    const standing = await offers();
    const offered = new Set(standing.map((o) => o.applicationId));
    const held = standing.filter((o) => ['offered', 'accepted'].includes(o.status)).map((o) => o.centre);
    const candidates = cohort.excluded
      .filter((e) => e.rank !== null && REASONS_FOR_A_SEAT.includes(e.reason!) && !offered.has(e.applicationId))
      .sort((a, b) => a.rank! - b.rank!)
      .map((e) => ({ ...e.organisation, applicationId: e.applicationId, rank: e.rank! }));
    return bestCompletion(held, candidates, { size: SIZE, ...CONSTRAINTS });
  }

  /** Gives the freed seat to the proposed replacement, which brute force confirms; answers the proposal. */
  async function refill(): Promise<{ proposed: { region: string }; passedOver: Array<{ reason: string }> }> {
    const proposal = await replacement();
    expect(proposal.status).toBe(200);
    expect(proposal.body.freeSeats).toBe(1);
    expect(proposal.body.proposed?.applicationId ?? null).toBe(await expectedReplacement());
    const chosen = proposal.body.proposed.applicationId as string;
    const offer = await promote({ applicationId: chosen });
    expect(offer.status).toBe(201);
    expect(offer.body).toMatchObject({ applicationId: chosen, status: 'offered', cohortId });
    promoted.push(chosen);
    return proposal.body;
  }

  function memberOf(test: (e: Entry) => boolean): Entry {
    const member = cohort.members.find((e) => test(e) && !removed.includes(e.applicationId));
    if (!member) throw new Error('no such member');
    removed.push(member.applicationId);
    return member;
  }

  it('publishes 17 centres within the caps, two of them from the CIS region on its minimum', () => {
    expect(cohort.members).toHaveLength(SIZE);
    const cis = cohort.members.filter((m) => m.organisation.region === 'CIS');
    expect(cis).toHaveLength(2);
    expect(cohort.excluded.filter((e) => e.organisation.region === 'CIS').map((e) => e.reason)).toEqual([
      'COHORT_FULL',
    ]);
  });

  it('proposes no one while every seat is held', async () => {
    expect((await replacement()).body).toEqual({ freeSeats: 0, proposed: null, passedOver: [] });
    const candidate = cohort.waitlist[0]!.applicationId;
    expectProblem(await promote({ applicationId: candidate }), 409, 'NO_FREE_SEAT');
  });

  it('refills the seat a CIS centre declines with the region’s candidate, keeping its minimum, as brute force does', async () => {
    const member = memberOf((e) => e.organisation.region === 'CIS');
    const answer = await api.post(`/api/v1/applications/${member.applicationId}/offer/decline`, {
      token: applicantOf.get(member.applicationId)!.token,
      body: { reason: 'We cannot host the programme next year.' },
    });
    expect(answer.status).toBe(200);
    const proposal = await refill();
    // The seat is kept for the region: the better-ranked candidates elsewhere are passed over for it.
    expect(proposal.proposed.region).toBe('CIS');
    expect(proposal.passedOver.map((p) => p.reason)).toContain('SEAT_RESERVED_FOR_REGION');
  });

  it('refills the best-ranked member’s declined seat; another centre than the proposed one needs a reason', async () => {
    const member = memberOf(() => true);
    const answer = await api.post(`/api/v1/applications/${member.applicationId}/offer/decline`, {
      token: applicantOf.get(member.applicationId)!.token,
      body: { reason: 'Our board declined.' },
    });
    expect(answer.status).toBe(200);
    const proposal = (await replacement()).body;
    const other = cohort.excluded.find(
      (e) =>
        REASONS_FOR_A_SEAT.includes(e.reason!) &&
        e.applicationId !== proposal.proposed.applicationId &&
        !promoted.includes(e.applicationId) &&
        !proposal.passedOver.some((p: { applicationId: string }) => p.applicationId === e.applicationId),
    );
    expect(other).toBeDefined();
    expectProblem(await promote({ applicationId: other!.applicationId }), 422, 'INVALID_PROMOTION');
    expectProblem(await promote({ applicationId: member.applicationId }), 422, 'INVALID_PROMOTION');
    await refill();
  });

  it('refills the seat of an offer left to expire', async () => {
    const member = memberOf(() => true);
    await sql(
      api,
      `UPDATE cohort_offers SET respond_by = offered_at + interval '1 millisecond' WHERE application_id = $1`,
      [member.applicationId],
    );
    await worker.get(OfferExpiryScheduler).expireDue();
    await refill();
    expectProblem(await promote({ applicationId: promoted.at(-1) }), 409, 'NO_FREE_SEAT');
  });

  it('chains every amendment from the published hash; the published document is unchanged', async () => {
    const res = await api.get(`/api/v1/public/cohorts/${cohortId}/amendments`);
    const items = res.body.items as Array<{ kind: string; previousHash: string; hash: string; members: unknown[] }>;
    expect(items.map((a) => a.kind)).toEqual(['declined', 'promoted', 'declined', 'promoted', 'expired', 'promoted']);
    let previous = published.contentHash;
    for (const { hash, ...document } of items) {
      expect(document.previousHash).toBe(previous);
      expect(hash).toBe(independentHashOf(document));
      previous = hash;
    }
    expect((await api.get(`/api/v1/public/cohorts/${cohortId}`)).text).toBe(published.text);

    const current = (await api.get(`/api/v1/public/cohorts/${cohortId}/current`)).body;
    expect(current).toMatchObject({ amendments: 6, hash: previous, statistics: { selected: SIZE } });
    const nameOf = (id: string) =>
      [...cohort.members, ...cohort.excluded].find((e) => e.applicationId === id)!.organisation.name;
    const expected = [
      ...published.members.map((m) => m.name).filter((name) => !removed.map(nameOf).includes(name)),
      ...promoted.map(nameOf),
    ];
    expect(current.members.map((m: { name: string }) => m.name).sort()).toEqual(expected.sort());
    const perCountry = new Map<string, number>();
    for (const m of current.members as Array<{ countryCode: string; region: string }>) {
      perCountry.set(m.countryCode, (perCountry.get(m.countryCode) ?? 0) + 1);
    }
    expect(Math.max(...perCountry.values())).toBeLessThanOrEqual(CONSTRAINTS.maxPerCountry);
    expect(current.members.filter((m: { region: string }) => m.region === 'CIS')).toHaveLength(2);
  });

  it('shows the promoted centres their offers, and offers them the place by a notice with its deadline', async () => {
    for (const id of promoted) {
      const applicant = applicantOf.get(id)!;
      const offer = await api.get(`/api/v1/applications/${id}/offer`, { token: applicant.token });
      expect(offer.body).toMatchObject({ applicationId: id, status: 'offered' });
      const notices = await api.get('/api/v1/me/notifications', { token: applicant.token });
      const promotion = (notices.body.items as Array<{ template: string; body: string }>).filter(
        (n) => n.template === 'cohort.promoted',
      );
      expect(promotion).toHaveLength(1);
      const respondBy = new Date(offer.body.respondBy);
      expect(promotion[0]!.body).toContain(`/cohorts/${cohortId}`);
      expect(promotion[0]!.body).toContain(String(respondBy.getUTCFullYear()));
    }
  });
});
