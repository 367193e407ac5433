import { randomUUID } from 'node:crypto';
import { Actor, Applicant } from '../support/fixtures';
import { TestApi } from '../support/test-app';
import { expectProblem, sql } from '../support/applications';
import {
  assignmentId,
  auditEvents,
  callWithSubmissions,
  createApplicantsFrom,
  createEvaluators,
  publishCall,
  seatPanel,
  secretariatOf,
} from '../support/evaluation-fixtures';

/** Building a call's evaluator panel: who may sit on it, who manages it, when it can change. */
describe('evaluation: the panel of a call', () => {
  let api: TestApi;
  let secretariat: Actor;
  let evaluators: Actor[];
  let applicants: Applicant[];

  beforeAll(async () => {
    api = await TestApi.start();
    secretariat = await secretariatOf(api);
    [evaluators, applicants] = await Promise.all([
      createEvaluators(api, [{ countryCode: 'DE', affiliation: 'Digital Lab' }, { countryCode: 'FR' }, {}]),
      createApplicantsFrom(api, [{ countryCode: 'KE' }, { countryCode: 'BR' }]),
    ]);
  });
  afterAll(() => api.close());

  const panelUrl = (callId: string) => `/api/v1/calls/${callId}/panel`;

  it('seats evaluators with their country, affiliation and load; seating them again changes nothing', async () => {
    const { callId } = await callWithSubmissions(api, applicants);
    const [de, fr, none] = evaluators;

    const first = await api.post(panelUrl(callId), {
      token: secretariat.token,
      body: { evaluatorIds: [de.id, fr.id] },
    });
    expect(first.status).toBe(200);
    expect(first.body.callId).toBe(callId);
    expect(first.body.members).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          evaluatorId: de.id,
          email: de.email,
          countryCode: 'DE',
          affiliation: 'Digital Lab',
          load: 0,
        }),
        expect.objectContaining({ evaluatorId: fr.id, countryCode: 'FR', affiliation: null, load: 0 }),
      ]),
    );

    const again = await api.post(panelUrl(callId), {
      token: secretariat.token,
      body: { evaluatorIds: [fr.id, none.id, none.id] },
    });
    expect(again.status).toBe(200);
    const ids = (again.body.members as Array<{ evaluatorId: string }>).map((m) => m.evaluatorId);
    expect(ids.sort()).toEqual([de.id, fr.id, none.id].sort());
    const read = await api.get(panelUrl(callId), { token: secretariat.token });
    expect(read.status).toBe(200);
    expect(read.body.members).toHaveLength(3);

    const [stored] = await sql<{ n: number }>(api, 'SELECT count(*)::int AS n FROM panel_members WHERE call_id = $1', [
      callId,
    ]);
    expect(stored.n).toBe(3);
    const audit = await auditEvents(api, 'call', callId);
    expect(audit.filter((e) => e.action === 'panel.members_added').map((e) => e.actorId)).toEqual([
      secretariat.id,
      secretariat.id,
    ]);
  });

  it('shows each member’s load of live assignments', async () => {
    const { callId, applicationIds } = await callWithSubmissions(api, applicants);
    await seatPanel(api, callId, evaluators);
    await assignmentId(api, callId, applicationIds[0], evaluators[2].id);
    await assignmentId(api, callId, applicationIds[1], evaluators[2].id);
    const read = await api.get(panelUrl(callId), { token: secretariat.token });
    const loads = Object.fromEntries(
      (read.body.members as Array<{ evaluatorId: string; load: number }>).map((m) => [m.evaluatorId, m.load]),
    );
    expect(loads).toEqual({ [evaluators[0].id]: 0, [evaluators[1].id]: 0, [evaluators[2].id]: 2 });
  });

  it('refuses users who are not evaluators, unknown users and malformed lists, storing nothing', async () => {
    const { callId } = await callWithSubmissions(api, applicants);
    const bodies: unknown[] = [
      { evaluatorIds: [applicants[0].id] },
      { evaluatorIds: [evaluators[0].id, secretariat.id] },
      { evaluatorIds: [randomUUID()] },
      { evaluatorIds: [] },
      { evaluatorIds: ['not-a-uuid'] },
      { evaluatorIds: evaluators[0].id },
      { evaluatorIds: [evaluators[0].id], extra: true },
      {},
    ];
    for (const body of bodies) {
      const res = await api.post(panelUrl(callId), { token: secretariat.token, body });
      const errors = expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(errors.map((e) => e.field)).toEqual(
        expect.arrayContaining([expect.stringMatching(/^(evaluatorIds|extra)/)]),
      );
    }
    const refused = await api.post(panelUrl(callId), {
      token: secretariat.token,
      body: { evaluatorIds: [evaluators[0].id, applicants[1].id] },
    });
    expect(refused.body.errors).toEqual([
      {
        field: 'evaluatorIds',
        message: `${applicants[1].id} is not an evaluator`,
        code: 'NOT_AN_EVALUATOR',
        params: { id: applicants[1].id },
      },
    ]);
    const members = await sql(api, 'SELECT 1 FROM panel_members WHERE call_id = $1', [callId]);
    expect(members).toHaveLength(0);
  });

  it('is managed by the secretariat only, on calls that exist', async () => {
    const { callId } = await callWithSubmissions(api, applicants);
    const body = { evaluatorIds: [evaluators[0].id] };
    expectProblem(await api.post(panelUrl(callId), { body }), 401, 'UNAUTHENTICATED');
    expectProblem(await api.get(panelUrl(callId)), 401, 'UNAUTHENTICATED');
    for (const token of [evaluators[0].token, applicants[0].token]) {
      expectProblem(await api.post(panelUrl(callId), { token, body }), 403, 'FORBIDDEN');
      expectProblem(await api.get(panelUrl(callId), { token }), 403, 'FORBIDDEN');
    }
    expectProblem(await api.post(panelUrl(randomUUID()), { token: secretariat.token, body }), 404, 'NOT_FOUND');
    expectProblem(await api.get(panelUrl(randomUUID()), { token: secretariat.token }), 404, 'NOT_FOUND');
    expectProblem(await api.post(panelUrl('not-a-uuid'), { token: secretariat.token, body }), 400, 'VALIDATION_FAILED');
  });

  it('can be prepared while the call is still open', async () => {
    const { callId } = await callWithSubmissions(api, applicants, {}, { close: false });
    const res = await api.post(panelUrl(callId), {
      token: secretariat.token,
      body: { evaluatorIds: [evaluators[1].id] },
    });
    expect(res.status).toBe(200);
    expect(res.body.members).toHaveLength(1);
  });

  it('lets the secretariat take off an evaluator that holds no assignment, not one that does', async () => {
    const { callId, applicationIds } = await callWithSubmissions(api, applicants);
    await seatPanel(api, callId, evaluators);
    const busy = evaluators[0];
    const id = await assignmentId(api, callId, applicationIds[0], busy.id);

    const url = (evaluatorId: string) => `${panelUrl(callId)}/${evaluatorId}`;
    expectProblem(await api.delete(url(busy.id), { token: secretariat.token }), 409, 'EVALUATOR_HAS_ASSIGNMENTS');
    expectProblem(await api.delete(url(evaluators[1].id), { token: evaluators[1].token }), 403, 'FORBIDDEN');
    const removed = await api.delete(url(evaluators[1].id), { token: secretariat.token });
    expect(removed.status).toBe(200);
    expect((removed.body.members as Array<{ evaluatorId: string }>).map((m) => m.evaluatorId)).not.toContain(
      evaluators[1].id,
    );
    expectProblem(await api.delete(url(evaluators[1].id), { token: secretariat.token }), 404, 'NOT_FOUND');

    // Once its assignment is released, the evaluator can leave the panel.
    const released = await api.post(`/api/v1/assignments/${id}/release`, {
      token: secretariat.token,
      body: { reason: 'Unavailable this month' },
    });
    expect(released.status).toBe(200);
    expect((await api.delete(url(busy.id), { token: secretariat.token })).status).toBe(200);
    const audit = await auditEvents(api, 'call', callId);
    expect(audit.filter((e) => e.action === 'panel.member_removed').map((e) => e.before)).toEqual([
      { evaluatorId: evaluators[1].id },
      { evaluatorId: busy.id },
    ]);
  });

  it('cannot change once the cohort is published', async () => {
    const { callId } = await callWithSubmissions(api, applicants);
    await seatPanel(api, callId, [evaluators[0]]);
    await publishCall(api, callId);
    const add = await api.post(panelUrl(callId), {
      token: secretariat.token,
      body: { evaluatorIds: [evaluators[1].id] },
    });
    expectProblem(add, 409, 'COHORT_PUBLISHED');
    const remove = await api.delete(`${panelUrl(callId)}/${evaluators[0].id}`, { token: secretariat.token });
    expectProblem(remove, 409, 'COHORT_PUBLISHED');
    const read = await api.get(panelUrl(callId), { token: secretariat.token });
    expect(read.body.members).toHaveLength(1);
  });
});
