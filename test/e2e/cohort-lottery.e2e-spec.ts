import { createHash } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import type { PublicCohortLottery } from '@app/cohorts';
import { expectProblem } from '../support/calls-e2e';
import { auditEvents, createApplicantsFrom, createEvaluators, secretariatOf } from '../support/evaluation-fixtures';
import { Actor, Applicant } from '../support/fixtures';
import { independentHashOf } from '../support/independent-hash';
import { RedisServer } from '../support/redis-server';
import { evaluatedCall, scoringStatus } from '../support/scoring';
import { TestApi } from '../support/test-app';
import { eventually, withEnv } from '../support/async';
import { startWorker } from '../support/worker';

const REPLICATES = 300;

interface Proposal {
  id: string;
  greyZone: string[];
}

/** Standard SHA-256, written here rather than taken from the platform. */
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The lottery at the line end to end (issue 16, item 3): the commitment is public before the draw,
 * the draw reveals the secret, and from the published cohort's document alone anyone recomputes the
 * commitment, the lot order, the ranks it dealt and the seats, with nothing but SHA-256.
 */
describe('the lottery at the line', () => {
  let redis: RedisServer;
  let api: TestApi;
  let worker: INestApplicationContext;
  let secretariat: Actor;
  let evaluators: Actor[];
  let applicants: Applicant[];

  beforeAll(async () => {
    redis = await RedisServer.start();
    api = await withEnv({ REDIS_URL: redis.url }, () => TestApi.start());
    worker = await startWorker({ REDIS_URL: redis.url, SCORING_BOOTSTRAP_REPLICATES: String(REPLICATES) });
    secretariat = await secretariatOf(api);
    evaluators = await createEvaluators(
      api,
      ['DE', 'JP', 'MX', 'US', 'CA'].map((countryCode) => ({ countryCode })),
    );
    applicants = await createApplicantsFrom(
      api,
      ['KE', 'BR', 'IN', 'EG', 'FR', 'GH', 'PE', 'VN'].map((countryCode, i) => ({
        countryCode,
        organisationName: `Lottery centre ${i}`,
      })),
    );
  }, 180_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await redis?.stop();
  });

  const token = () => secretariat.token;
  const post = (path: string, body?: unknown, as = token()) => api.post(`/api/v1${path}`, { token: as, body });
  const get = (path: string, as: string | undefined = token()) => api.get(`/api/v1${path}`, { token: as });
  const publicCommitments = async (callId: string) =>
    (await api.get(`/api/v1/public/calls/${callId}/lottery-commitments`, { query: { limit: 100 } })).body;

  /** A calibrated call, scored, with current rank intervals, and a proposal whose grey zone is not empty. */
  async function calibratedProposal(): Promise<{ callId: string; applicationIds: string[]; cohort: Proposal }> {
    const { callId, applicationIds } = await evaluatedCall(api, evaluators, applicants, 3, {
      scoring: { scaleMin: 0, scaleMax: 10, normalization: 'calibrated' },
    });
    await intervalsCurrent(callId);
    const proposed = await post(`/calls/${callId}/cohorts`, { waitlistSize: 2 });
    expect(proposed.status).toBe(201);
    expect(proposed.body.greyZone.length).toBeGreaterThan(1);
    return { callId, applicationIds, cohort: proposed.body };
  }

  async function intervalsCurrent(callId: string): Promise<void> {
    await eventually(
      () => scoringStatus(api, token(), callId),
      (s) => s.upToDate,
    );
    await eventually(
      async () => (await get(`/calls/${callId}/statistics`)).body,
      (s) => s.calibration?.uncertainty.status === 'current',
      120_000,
    );
  }

  it('commits publicly before the draw, draws once, and publishes what anyone recomputes with SHA-256', async () => {
    const { callId, cohort } = await calibratedProposal();
    const lottery = `/cohorts/${cohort.id}/lottery`;

    // Disabled by default: nothing to commit to nor draw, and nothing changes.
    expect((await get(lottery)).body).toMatchObject({ enabled: false, commitment: null, earlierCommitments: 0 });
    expectProblem(await post(`${lottery}/commitments`), 409, 'LOTTERY_DISABLED');
    expectProblem(await post(`${lottery}/draw`), 409, 'LOTTERY_DISABLED');

    // Only the secretariat enables it, with a boolean; the change is audited on the call.
    expectProblem(
      await api.put(`/api/v1/calls/${callId}/lottery`, { token: evaluators[0].token, body: { enabled: true } }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await api.put(`/api/v1/calls/${callId}/lottery`, { token: token(), body: { enabled: 'yes' } }),
      400,
      'VALIDATION_FAILED',
    );
    const enabled = await api.put(`/api/v1/calls/${callId}/lottery`, { token: token(), body: { enabled: true } });
    expect(enabled.status).toBe(200);
    expect(enabled.body).toMatchObject({ callId, enabled: true });
    expect((await get(`/calls/${callId}/lottery`)).body.enabled).toBe(true);
    const configured = (await auditEvents(api, 'call', callId)).filter((e) => e.action === 'cohort.lottery-configured');
    expect(configured.map((e) => [e.before, e.after])).toEqual([[{ enabled: false }, { enabled: true }]]);

    // No draw before a commitment; no commitment nor draw by an evaluator.
    expectProblem(await post(`${lottery}/draw`), 409, 'LOTTERY_NOT_COMMITTED');
    expectProblem(await post(`${lottery}/commitments`, undefined, evaluators[0].token), 403, 'FORBIDDEN');
    expectProblem(await post(`${lottery}/draw`, undefined, evaluators[0].token), 403, 'FORBIDDEN');
    expect(await publicCommitments(callId)).toEqual({ items: [], total: 0 });

    // A first commitment, then a fresh one: both public at once, secrets withheld; the latest is drawn.
    const first = await post(`${lottery}/commitments`);
    expect(first.status).toBe(201);
    const second = await post(`${lottery}/commitments`);
    expect(second.status).toBe(201);
    const committed = second.body.commitment;
    expect(second.body).toMatchObject({ enabled: true, earlierCommitments: 1, greyZone: cohort.greyZone });
    expect(committed.commitment).toMatch(/^[0-9a-f]{64}$/);
    expect(committed.commitment).not.toBe(first.body.commitment.commitment);
    expect(committed).toMatchObject({ secret: null, drawnAt: null, lot: null });
    // Every ranked application here is fully evaluated and eligible: the candidates are the grey zone, in rank order.
    expect(committed.candidates.map((c: { applicationId: string }) => c.applicationId)).toEqual(cohort.greyZone);
    const ranks = committed.candidates.map((c: { rank: number }) => c.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const beforeDraw = await publicCommitments(callId);
    expect(beforeDraw.total).toBe(2);
    expect(beforeDraw.items.map((c: { commitment: string; secret: null }) => [c.commitment, c.secret])).toEqual([
      [first.body.commitment.commitment, null],
      [committed.commitment, null],
    ]);

    // The draw reveals the secret of the latest commitment and selects on the drawn ranking.
    const drawn = await post(`${lottery}/draw`);
    expect(drawn.status).toBe(200);
    const secret = drawn.body.commitment.secret as string;
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(sha256(secret)).toBe(committed.commitment);
    const proposal = (await get(`/cohorts/${cohort.id}`)).body;
    const memberIds = proposal.members.map((m: { applicationId: string }) => m.applicationId);
    expect(memberIds).toEqual(expect.arrayContaining(drawn.body.commitment.lot.seated));

    // Once only; the refusals change nothing.
    expectProblem(await post(`${lottery}/draw`), 409, 'LOTTERY_ALREADY_DRAWN');
    expectProblem(await post(`${lottery}/commitments`), 409, 'LOTTERY_ALREADY_DRAWN');
    expect((await get(`/cohorts/${cohort.id}`)).body).toEqual(proposal);
    expect((await get(lottery)).body).toEqual(drawn.body);

    for (const step of ['approve', 'publish']) expect((await post(`/cohorts/${cohort.id}/${step}`)).status).toBe(200);
    const served = (await api.get(`/api/v1/public/cohorts/${cohort.id}`)).body;
    const { contentHash, ...document } = served;
    expect(independentHashOf(document)).toBe(contentHash);

    // From the published document alone.
    const published = served.lottery as PublicCohortLottery;
    expect(published.method).toBe('sha256-lot-order/1');
    expect(published.commitment).toBe(committed.commitment);
    expect(sha256(published.secret)).toBe(published.commitment);
    expect(new Date(published.committedAt) < new Date(published.drawnAt)).toBe(true);
    expect(new Date(published.drawnAt) <= new Date(served.publishedAt)).toBe(true);
    const keyed = published.greyZone.map((c) => ({ ...c, key: sha256(`${published.secret}:${c.applicationId}`) }));
    const lotOrder = [...keyed].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const dealt = published.greyZone.map((c) => c.rank).sort((a, b) => a - b);
    expect(published.lotOrder).toEqual(
      lotOrder.map((c, j) => ({ applicationId: c.applicationId, key: c.key, drawnRank: dealt[j] })),
    );
    // Seats alone bind this call (one centre per country): a candidate is seated iff its drawn rank is a seat.
    const seats = served.statistics.selected;
    const seated = published.lotOrder.filter((c) => c.drawnRank <= seats).map((c) => c.applicationId);
    expect(published.seated.map((s) => s.applicationId)).toEqual(seated);
    expect(seated.length).toBeGreaterThan(0);
    const names = served.members.map((m: { name: string }) => m.name);
    for (const s of published.seated) expect(names).toContain(s.name);
    // The public list of commitments now shows the drawn one's secret; the superseded one's stays withheld.
    const afterDraw = await publicCommitments(callId);
    expect(afterDraw.items.map((c: { secret: string | null }) => c.secret)).toEqual([null, published.secret]);
  }, 300_000);

  it('refuses a draw whose frozen candidates are no longer the grey zone’s, changing nothing', async () => {
    const { callId, applicationIds, cohort } = await calibratedProposal();
    const enabled = await api.put(`/api/v1/calls/${callId}/lottery`, { token: token(), body: { enabled: true } });
    expect(enabled.status).toBe(200);
    const committed = await post(`/cohorts/${cohort.id}/lottery/commitments`);
    expect(committed.status).toBe(201);

    // A grey-zone candidate withdraws: it is ranked no more, and the grey zone is recomputed without it.
    const leaving = cohort.greyZone[cohort.greyZone.length - 1] as string;
    const applicant = applicants[applicationIds.indexOf(leaving)];
    expect((await post(`/applications/${leaving}/withdraw`, undefined, applicant.token)).status).toBe(200);
    await intervalsCurrent(callId);

    const before = (await get(`/cohorts/${cohort.id}`)).body;
    expectProblem(await post(`/cohorts/${cohort.id}/lottery/draw`), 409, 'LOTTERY_CANDIDATES_CHANGED');
    expect((await get(`/cohorts/${cohort.id}`)).body).toEqual(before);
    const state = (await get(`/cohorts/${cohort.id}/lottery`)).body;
    expect(state.commitment).toMatchObject({
      commitment: committed.body.commitment.commitment,
      secret: null,
      lot: null,
    });
    expect((await publicCommitments(callId)).items.map((c: { secret: string | null }) => c.secret)).toEqual([null]);

    // Disabled again, the lottery refuses even a fresh commitment.
    await api.put(`/api/v1/calls/${callId}/lottery`, { token: token(), body: { enabled: false } });
    expectProblem(await post(`/cohorts/${cohort.id}/lottery/commitments`), 409, 'LOTTERY_DISABLED');
  }, 300_000);
});
