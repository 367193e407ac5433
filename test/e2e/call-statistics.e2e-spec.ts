import { evaluatorTotal, krippendorffAlphaInterval } from '@app/scoring';
import { Actor, Applicant, createApplicant } from '../support/fixtures';
import {
  autoAssign,
  callWithSubmissions,
  createApplicantsFrom,
  createEvaluators,
  evaluate,
  seatPanel,
  secretariatOf,
} from '../support/evaluation-fixtures';
import { TestApi } from '../support/test-app';

const CRITERIA = [
  { code: 'IMPACT', weight: 0.6 },
  { code: 'CAPACITY', weight: 0.4 },
];
const SCALE = { scaleMin: 0, scaleMax: 10 };
const UNKNOWN_CALL = '00000000-0000-4000-8000-000000000000';

interface Evaluation {
  status: string;
  scores: Array<{ criterionCode: string; score: number }>;
}

describe('GET /calls/:id/statistics', () => {
  let api: TestApi;
  let secretariat: Actor;
  let evaluators: Actor[];
  /** KE, NG, BR, EG (innovation hubs), FR (academia), IN (to withdraw), KE (to hold ineligible). */
  let submitters: Applicant[];
  let drafter: Applicant;

  beforeAll(async () => {
    api = await TestApi.start();
    secretariat = await secretariatOf(api);
    evaluators = await createEvaluators(api, [{ countryCode: 'DE' }, { countryCode: 'JP' }, { countryCode: 'MX' }]);
    const hubs = await createApplicantsFrom(
      api,
      ['KE', 'NG', 'BR', 'EG'].map((countryCode) => ({ countryCode })),
    );
    const academia = await createApplicant(api, 'FR', { type: 'academia' });
    const [withdrawing, ineligible, draft] = await createApplicantsFrom(
      api,
      ['IN', 'KE', 'BR'].map((countryCode) => ({ countryCode })),
    );
    submitters = [...hubs, academia, withdrawing!, ineligible!];
    drafter = draft!;
  });

  afterAll(async () => {
    await api.close();
  });

  const statistics = (callId: string, token = secretariat.token) =>
    api.get(`/api/v1/calls/${callId}/statistics`, { token });

  /** Alpha recomputed with the reference implementation from the evaluations the API shows. */
  async function independentAlpha(applicationIds: string[]): Promise<number | null> {
    const units: number[][] = [];
    for (const id of applicationIds) {
      const listed = await api.get(`/api/v1/applications/${id}/evaluations`, { token: secretariat.token });
      expect(listed.status).toBe(200);
      const submitted = (listed.body.items as Evaluation[]).filter((e) => e.status === 'submitted');
      units.push(submitted.map((e) => evaluatorTotal(CRITERIA, SCALE, e.scores)));
    }
    return krippendorffAlphaInterval(units);
  }

  it('counts applications by status, eligibility, region and organisation type, assignments and alpha', async () => {
    const { callId, applicationIds } = await callWithSubmissions(api, submitters, {}, { close: false });
    const [withdrawnId, ineligibleId] = applicationIds.slice(5);

    const draft = await api.post(`/api/v1/calls/${callId}/applications`, {
      token: drafter.token,
      body: { answers: { programme: 'Not finished yet.' } },
    });
    expect(draft.status).toBe(201);
    const withdrawn = await api.post(`/api/v1/applications/${withdrawnId}/withdraw`, {
      token: submitters[5]!.token,
    });
    expect(withdrawn.status).toBe(200);
    const overridden = await api.post(`/api/v1/applications/${ineligibleId}/eligibility`, {
      token: secretariat.token,
      body: { eligible: false, reason: 'Not an accelerator centre.' },
    });
    expect(overridden.status).toBe(200);
    const closed = await api.post(`/api/v1/calls/${callId}/close`, { token: secretariat.token });
    expect(closed.status).toBe(200);

    const expectedApplications = {
      applications: { draft: 1, submitted: 6, withdrawn: 1, eligible: 5, ineligible: 1, confirmed: 0, declined: 0 },
      countries: 5,
      byRegion: { AFR: 3, AMS: 1, ARB: 1, EUR: 1 },
      byOrganisationType: { innovation_hub: 5, academia: 1 },
    };
    const before = await statistics(callId);
    expect(before.status).toBe(200);
    expect(before.body).toEqual({
      ...expectedApplications,
      assignments: { total: 0, submitted: 0 },
      interRaterReliability: null,
      // Not calibrated: no fit to report; the final ranking is the last stage's, without a bootstrap of its own.
      calibration: null,
      finalRankingUncertainty: null,
    });

    await seatPanel(api, callId, evaluators);
    expect((await autoAssign(api, callId)).status).toBe(200);
    // Five eligible applications, two evaluators each. Every evaluator leaves one assignment open.
    let submittedCount = 0;
    for (const [e, evaluator] of evaluators.entries()) {
      const mine = await api.get('/api/v1/me/assignments', { token: evaluator.token, query: { callId } });
      expect(mine.status).toBe(200);
      const items = mine.body.items as Array<{ id: string }>;
      for (const [i, assignment] of items.slice(1).entries()) {
        const base = [8, 5, 3][e]!;
        await evaluate(api, evaluator.token, assignment.id, [
          { criterionCode: 'IMPACT', score: Math.min(10, base + (i % 3)) },
          { criterionCode: 'CAPACITY', score: Math.max(0, base - ((i + e) % 2)) },
        ]);
        submittedCount += 1;
      }
    }
    expect(submittedCount).toBe(7);

    const after = await statistics(callId);
    expect(after.status).toBe(200);
    expect(after.body).toEqual({
      ...expectedApplications,
      assignments: { total: 10, submitted: submittedCount },
      interRaterReliability: expect.any(Number),
      calibration: null,
      finalRankingUncertainty: null,
    });
    const alpha = await independentAlpha(applicationIds);
    expect(alpha).not.toBeNull();
    expect(Math.abs((after.body.interRaterReliability as number) - alpha!)).toBeLessThanOrEqual(1e-9);
  });

  it('answers 404 for an unknown call', async () => {
    const res = await statistics(UNKNOWN_CALL);
    expect(res.status).toBe(404);
  });

  it('is for the secretariat only: an evaluator is refused', async () => {
    const { callId } = await callWithSubmissions(api, submitters.slice(0, 1));
    const res = await statistics(callId, evaluators[0]!.token);
    expect(res.status).toBe(403);
  });
});
