import { Actor, Applicant } from '../support/fixtures';
import { TestApi } from '../support/test-app';
import { expectProblem } from '../support/applications';
import {
  LIVE,
  assignmentRows,
  callWithSubmissions,
  createApplicantsFrom,
  createEvaluators,
  seatPanel,
  secretariatOf,
} from '../support/evaluation-fixtures';

const KEYWORDS = ['fintech', 'agritech', 'health', 'energy'];
/** A call whose applications say their sector in a choice question, read as their topic. */
const EXPERTISE_CALL = {
  evaluatorsPerApplication: 1,
  questions: [
    { key: 'programme', label: 'Describe your programme', type: 'longtext', required: true, maxLength: 2000 },
    { key: 'sector', label: 'Sector', type: 'choice', required: true, options: KEYWORDS },
  ],
  expertise: { keywords: KEYWORDS, topicQuestionKey: 'sector' },
};
const answers = (sector: string) => ({ programme: 'Six months of mentoring for start-ups.', sector });

type Pair = { applicationId: string; evaluatorId: string; affinity: number };

/** POST /calls/:id/assignments/auto with declared expertise: greatest total affinity, or a capped random draw. */
describe('evaluation: expertise-aware automatic assignment', () => {
  let api: TestApi;
  let secretariat: Actor;
  let evaluators: Actor[];
  let applicants: Applicant[];

  beforeAll(async () => {
    api = await TestApi.start();
    secretariat = await secretariatOf(api);
    [evaluators, applicants] = await Promise.all([
      createEvaluators(
        api,
        ['KE', 'FR', 'BR', 'IN', 'DE'].map((countryCode) => ({ countryCode })),
      ),
      createApplicantsFrom(
        api,
        ['KE', 'SN', 'JP', 'US'].map((countryCode) => ({ countryCode })),
      ),
    ]);
  });
  afterAll(() => api.close());

  async function declare(evaluator: Actor, callId: string, keywords: string[], description = '') {
    const res = await api.put(`/api/v1/calls/${callId}/expertise/me`, {
      token: evaluator.token,
      body: { keywords, description },
    });
    expect(res.status).toBe(200);
  }

  const run = (callId: string, body: Record<string, unknown> = {}) =>
    api.post(`/api/v1/calls/${callId}/assignments/auto`, { token: secretariat.token, body });

  it('gives each application the evaluator whose expertise matches its sector, and reports the affinities', async () => {
    const sectors = ['fintech', 'agritech', 'health'];
    const { callId, applicationIds } = await callWithSubmissions(api, applicants.slice(0, 3), EXPERTISE_CALL, {
      answers: sectors.map(answers),
    });
    const [eFin, eAgri, eHealth] = evaluators;
    await seatPanel(api, callId, [eFin, eAgri, eHealth]);
    // Keywords alone: the free text of a sector question's answer would say nothing more.
    await declare(eFin, callId, ['fintech']);
    await declare(eAgri, callId, ['agritech']);
    await declare(eHealth, callId, ['health']);

    const res = await run(callId);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 3, unassigned: [], meanAffinity: 1, seed: null, dryRun: false });
    expect(res.body.worstServed).toEqual({ applicationId: expect.any(String), meanAffinity: 1 });
    const expected = [eFin, eAgri, eHealth].map((e, i) => `${applicationIds[i]}/${e.id}`).sort();
    const live = await assignmentRows(api, callId, LIVE);
    expect(live.map((r) => `${r.applicationId}/${r.evaluatorId}`).sort()).toEqual(expected);

    const listed = await api.get(`/api/v1/calls/${callId}/assignments`, { token: secretariat.token });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((a: { affinity: number }) => a.affinity)).toEqual([1, 1, 1]);
  });

  it('answers the same proposal for the same facts, and a dry run writes nothing', async () => {
    const { callId } = await callWithSubmissions(api, applicants, EXPERTISE_CALL, {
      answers: ['fintech', 'fintech', 'energy', 'health'].map(answers),
    });
    await seatPanel(api, callId, evaluators.slice(0, 4));
    await declare(evaluators[0], callId, ['fintech', 'energy']);
    await declare(evaluators[1], callId, ['fintech'], 'Payments');

    const first = await run(callId, { dryRun: true });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ dryRun: true, created: 4 });
    expect(first.body.proposal).toHaveLength(4);
    expect((await run(callId, { dryRun: true })).body).toEqual(first.body);
    expect(await assignmentRows(api, callId)).toEqual([]);

    const written = await run(callId);
    expect({ ...written.body, dryRun: true, proposal: first.body.proposal }).toEqual(first.body);
    const live = await assignmentRows(api, callId, LIVE);
    const pairs = (list: Array<{ applicationId: string; evaluatorId: string }>) =>
      list.map((p) => `${p.applicationId}/${p.evaluatorId}`).sort();
    expect(pairs(live)).toEqual(pairs(first.body.proposal));
  });

  it('randomised over many seeds, never assigns a conflict and keeps every pair’s frequency under q', async () => {
    const { callId, applicationIds } = await callWithSubmissions(
      api,
      applicants.slice(0, 3),
      { ...EXPERTISE_CALL, evaluatorsPerApplication: 2, assignment: { excludeSameCountry: true } },
      { answers: ['fintech', 'agritech', 'health'].map(answers) },
    );
    await seatPanel(api, callId, evaluators);
    // The Kenyan evaluator shares the first applicant's country; the German one declares a conflict.
    const declared = await api.post(`/api/v1/calls/${callId}/conflicts`, {
      token: evaluators[4].token,
      body: { applicationId: applicationIds[1], reason: 'I advise this organisation.' },
    });
    expect(declared.status).toBe(201);
    for (const [i, evaluator] of evaluators.entries()) await declare(evaluator, callId, [KEYWORDS[i % 3]]);
    const conflicts = new Set([`${applicationIds[0]}/${evaluators[0].id}`, `${applicationIds[1]}/${evaluators[4].id}`]);

    const q = 0.4;
    const draws = 150;
    const counts = new Map<string, number>();
    for (let seed = 1; seed <= draws; seed++) {
      const res = await run(callId, { maxPairProbability: q, seed, dryRun: true });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ seed, maxPairProbability: q, dryRun: true });
      for (const pair of res.body.proposal as Pair[]) {
        const key = `${pair.applicationId}/${pair.evaluatorId}`;
        expect(conflicts.has(key)).toBe(false);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    // Each draw is an exact sample of marginals ≤ q; over n draws a frequency exceeds
    // q + 4·√(q(1−q)/n) (≈ 0.56 here) with probability below 10⁻⁴ per pair.
    const tolerance = 4 * Math.sqrt((q * (1 - q)) / draws);
    const frequencies = [...counts.values()].map((n) => n / draws);
    for (const frequency of frequencies) expect(frequency).toBeLessThanOrEqual(q + tolerance);
    // Matching evaluators are wanted by the optimum: the cap binds, so some pair reaches it.
    expect(Math.max(...frequencies)).toBeGreaterThan(q - tolerance);
    // The draws are seeded: a seed gives the same draw again, and nothing was written.
    const again = await run(callId, { maxPairProbability: q, seed: 7, dryRun: true });
    expect(again.body).toEqual((await run(callId, { maxPairProbability: q, seed: 7, dryRun: true })).body);
    expect(await assignmentRows(api, callId)).toEqual([]);
  });

  it('records a generated seed when none is given', async () => {
    const { callId } = await callWithSubmissions(api, applicants.slice(0, 2), EXPERTISE_CALL, {
      answers: ['fintech', 'health'].map(answers),
    });
    await seatPanel(api, callId, evaluators.slice(1, 4));
    const res = await run(callId, { maxPairProbability: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 2, maxPairProbability: 1, seed: expect.any(Number) });
    const audit = await api.get(`/api/v1/audit-events?entityType=call&entityId=${callId}`, {
      token: secretariat.token,
    });
    const event = audit.body.items.find((e: { action: string }) => e.action === 'assignments.auto_assigned');
    expect(event.after).toMatchObject({ seed: res.body.seed, maxPairProbability: 1 });
  });

  it.each([
    ['zero', { maxPairProbability: 0 }, 'maxPairProbability', 'MIN'],
    ['above one', { maxPairProbability: 1.5 }, 'maxPairProbability', 'MAX'],
    ['a fractional seed', { maxPairProbability: 0.5, seed: 1.5 }, 'seed', 'IS_INT'],
  ])('refuses a cap or seed out of range (%s) with 400 and assigns nothing', async (_case, body, field, code) => {
    const { callId } = await callWithSubmissions(api, applicants.slice(0, 1), EXPERTISE_CALL, {
      answers: [answers('energy')],
    });
    await seatPanel(api, callId, evaluators.slice(0, 2));
    const errors = expectProblem(await run(callId, body), 400, 'VALIDATION_FAILED');
    expect(errors).toContainEqual(expect.objectContaining({ field, code }));
    expect(await assignmentRows(api, callId)).toEqual([]);
  });
});
