import { randomUUID } from 'node:crypto';
import { Actor, Applicant } from '../support/fixtures';
import { TestApi } from '../support/test-app';
import { expectProblem, sql } from '../support/applications';
import {
  LIVE,
  assignByHand,
  assignmentId,
  assignmentRow,
  assignmentRows,
  auditEvents,
  autoAssign,
  callWithSubmissions,
  createApplicantsFrom,
  createEvaluators,
  evaluate,
  publishCall,
  seatPanel,
  secretariatOf,
} from '../support/evaluation-fixtures';

/** Assigning by hand, and freeing slots: declined by the evaluator or released by the secretariat. */
describe('evaluation: manual assignment, decline and release', () => {
  let api: TestApi;
  let secretariat: Actor;
  let panel: Actor[];
  /** Never on any panel. */
  let outsider: Actor;
  let applicants: Applicant[];

  beforeAll(async () => {
    api = await TestApi.start();
    secretariat = await secretariatOf(api);
    let evaluators: Actor[];
    [evaluators, applicants] = await Promise.all([
      createEvaluators(api, [{ countryCode: 'KE' }, { countryCode: 'FR' }, { countryCode: 'JP' }, {}]),
      createApplicantsFrom(api, [{ countryCode: 'KE' }, { countryCode: 'BR' }, { countryCode: 'JP' }]),
    ]);
    panel = evaluators.slice(0, 3);
    outsider = evaluators[3];
  });
  afterAll(() => api.close());

  async function reviewCall(overrides: Record<string, unknown> = {}) {
    const call = await callWithSubmissions(api, applicants, overrides);
    await seatPanel(api, call.callId, panel);
    return call;
  }

  const decline = (token: string | undefined, id: string, body: unknown = { reason: 'A conflict found late.' }) =>
    api.post(`/api/v1/assignments/${id}/decline`, { token, body });
  const release = (token: string | undefined, id: string, body: unknown = { reason: 'Evaluator unavailable.' }) =>
    api.post(`/api/v1/assignments/${id}/release`, { token, body });
  const callStatus = async (callId: string) =>
    (await api.get(`/api/v1/calls/${callId}`, { token: secretariat.token })).body.status as string;

  it('assigns an evaluator by hand, records it and moves the call to reviewing', async () => {
    const { callId, applicationIds } = await reviewCall();
    const res = await assignByHand(api, callId, applicationIds[1], panel[0].id);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      callId,
      applicationId: applicationIds[1],
      evaluatorId: panel[0].id,
      status: 'assigned',
      endReason: null,
    });
    expect(await assignmentRow(api, res.body.id)).toMatchObject({ status: 'assigned', evaluatorId: panel[0].id });
    expect(await callStatus(callId)).toBe('reviewing');
    expect((await auditEvents(api, 'assignment', res.body.id)).map((e) => [e.action, e.actorId, e.after])).toEqual([
      ['assignment.created', secretariat.id, { applicationId: applicationIds[1], evaluatorId: panel[0].id }],
    ]);
    expect((await auditEvents(api, 'call', callId)).filter((e) => e.action === 'call.review_started')).toHaveLength(1);

    const mine = await api.get('/api/v1/me/assignments', { token: panel[0].token, query: { callId } });
    expect(mine.body.items.map((a: { id: string }) => a.id)).toEqual([res.body.id]);
    expect((await assignByHand(api, callId, applicationIds[2], panel[0].id)).status).toBe(201);
    expect((await auditEvents(api, 'call', callId)).filter((e) => e.action === 'call.review_started')).toHaveLength(1);
  });

  it('refuses an evaluator already assigned, or not on the panel', async () => {
    const { callId, applicationIds } = await reviewCall();
    await assignmentId(api, callId, applicationIds[0], panel[1].id);
    expectProblem(await assignByHand(api, callId, applicationIds[0], panel[1].id), 409, 'ALREADY_ASSIGNED');
    for (const evaluatorId of [outsider.id, applicants[0].id, secretariat.id, randomUUID()]) {
      expectProblem(await assignByHand(api, callId, applicationIds[0], evaluatorId), 409, 'NOT_ON_PANEL');
    }
    expect(await assignmentRows(api, callId)).toHaveLength(1);
  });

  it('assigns only submitted, eligible applications of the call', async () => {
    const { callId, applicationIds } = await reviewCall();
    const other = await callWithSubmissions(api, [applicants[0]]);
    expectProblem(await assignByHand(api, callId, randomUUID(), panel[0].id), 404, 'NOT_FOUND');
    expectProblem(await assignByHand(api, callId, other.applicationIds[0], panel[0].id), 404, 'NOT_FOUND');

    const withdrawn = await api.post(`/api/v1/applications/${applicationIds[1]}/withdraw`, {
      token: applicants[1].token,
    });
    expect(withdrawn.status).toBe(200);
    expectProblem(await assignByHand(api, callId, applicationIds[1], panel[0].id), 409, 'NOT_ASSIGNABLE');
    await api.post(`/api/v1/applications/${applicationIds[2]}/eligibility`, {
      token: secretariat.token,
      body: { eligible: false, reason: 'A government ministry, not a centre.' },
    });
    expectProblem(await assignByHand(api, callId, applicationIds[2], panel[0].id), 409, 'NOT_ASSIGNABLE');
    expect(await assignmentRows(api, callId)).toHaveLength(0);
  });

  it('validates the request and who sends it', async () => {
    const { callId, applicationIds } = await reviewCall();
    const url = `/api/v1/calls/${callId}/assignments`;
    const valid = { applicationId: applicationIds[0], evaluatorId: panel[0].id };
    for (const [body, field] of [
      [{ evaluatorId: panel[0].id }, 'applicationId'],
      [{ ...valid, evaluatorId: 'someone' }, 'evaluatorId'],
      [{ ...valid, status: 'draft' }, 'status'],
      [{}, 'applicationId'],
    ] as const) {
      const errors = expectProblem(await api.post(url, { token: secretariat.token, body }), 400, 'VALIDATION_FAILED');
      expect(errors.map((e) => e.field)).toContain(field);
    }
    expectProblem(await api.post(url, { body: valid }), 401, 'UNAUTHENTICATED');
    expectProblem(await api.post(url, { token: panel[0].token, body: valid }), 403, 'FORBIDDEN');
    expectProblem(await api.post(url, { token: applicants[0].token, body: valid }), 403, 'FORBIDDEN');
    const unknownCall = await api.post(`/api/v1/calls/${randomUUID()}/assignments`, {
      token: secretariat.token,
      body: valid,
    });
    expectProblem(unknownCall, 404, 'NOT_FOUND');
    expectProblem(
      await api.post('/api/v1/calls/x/assignments', { token: secretariat.token, body: valid }),
      400,
      'VALIDATION_FAILED',
    );
    expect(await assignmentRows(api, callId)).toHaveLength(0);
  });

  it('waits for the call to close, and stops at publication', async () => {
    const open = await callWithSubmissions(api, applicants.slice(0, 1), {}, { close: false });
    await seatPanel(api, open.callId, panel);
    expectProblem(await assignByHand(api, open.callId, open.applicationIds[0], panel[0].id), 409, 'INVALID_TRANSITION');
    expect(await callStatus(open.callId)).toBe('open');

    const { callId, applicationIds } = await reviewCall();
    await publishCall(api, callId);
    expectProblem(await assignByHand(api, callId, applicationIds[0], panel[0].id), 409, 'COHORT_PUBLISHED');
    expect(await assignmentRows(api, callId)).toHaveLength(0);
  });

  it('automatic assignment then fills only the slots left, evenly', async () => {
    const { callId, applicationIds } = await reviewCall();
    await assignmentId(api, callId, applicationIds[0], panel[2].id);
    const res = await autoAssign(api, callId);
    expect(res.body).toEqual({
      created: 5,
      assignmentsPerEvaluator: { [panel[0].id]: 2, [panel[1].id]: 2, [panel[2].id]: 2 },
      unassigned: [],
      // Nobody declared expertise: every affinity is 0, nothing randomised, nothing previewed.
      meanAffinity: 0,
      worstServed: { applicationId: expect.any(String), meanAffinity: 0 },
      maxPairProbability: null,
      seed: null,
      dryRun: false,
      proposal: null,
    });
    const live = await assignmentRows(api, callId, LIVE);
    expect(live.filter((r) => r.applicationId === applicationIds[0]).map((r) => r.evaluatorId)).toContain(panel[2].id);
  });

  it('lets the evaluator decline with a reason, which frees the slot and its access', async () => {
    const { callId, applicationIds } = await reviewCall();
    const id = await assignmentId(api, callId, applicationIds[0], panel[1].id);
    const other = await assignmentId(api, callId, applicationIds[0], panel[2].id);

    const errors = expectProblem(await decline(panel[1].token, id, { reason: 'no' }), 400, 'VALIDATION_FAILED');
    expect(errors.map((e) => e.field)).toEqual(['reason']);
    expectProblem(await decline(panel[1].token, id, {}), 400, 'VALIDATION_FAILED');
    expectProblem(await decline(panel[1].token, 'abc'), 400, 'VALIDATION_FAILED');
    expectProblem(await decline(undefined, id), 401, 'UNAUTHENTICATED');
    expectProblem(await decline(secretariat.token, id), 403, 'FORBIDDEN');
    expectProblem(await decline(panel[2].token, id), 404, 'NOT_FOUND');
    expectProblem(await decline(panel[1].token, randomUUID()), 404, 'NOT_FOUND');

    const res = await decline(panel[1].token, id, { reason: '  I advised them last year.  ' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, status: 'declined', endReason: 'I advised them last year.' });
    expect(await assignmentRow(api, id)).toMatchObject({ status: 'declined', endReason: 'I advised them last year.' });
    expect((await auditEvents(api, 'assignment', id)).at(-1)).toMatchObject({
      action: 'assignment.declined',
      actorId: panel[1].id,
      before: { status: 'assigned' },
      after: { reason: 'I advised them last year.' },
    });
    expectProblem(await decline(panel[1].token, id), 409, 'INVALID_TRANSITION');
    expectProblem(
      await api.get(`/api/v1/applications/${applicationIds[0]}`, { token: panel[1].token }),
      404,
      'NOT_FOUND',
    );
    const mine = await api.get('/api/v1/me/assignments', { token: panel[1].token, query: { callId } });
    expect(mine.body).toEqual({ items: [], total: 0 });

    // A submitted evaluation is not declined; the secretariat releases it if need be.
    await evaluate(api, panel[2].token, other);
    expectProblem(await decline(panel[2].token, other), 409, 'INVALID_TRANSITION');
  });

  it('lets the secretariat release a slot, even a submitted one', async () => {
    const { callId, applicationIds } = await reviewCall();
    const id = await assignmentId(api, callId, applicationIds[2], panel[0].id);
    await evaluate(api, panel[0].token, id);

    expectProblem(await release(secretariat.token, id, { reason: '' }), 400, 'VALIDATION_FAILED');
    expectProblem(await release(undefined, id), 401, 'UNAUTHENTICATED');
    expectProblem(await release(panel[0].token, id), 403, 'FORBIDDEN');
    expectProblem(await release(secretariat.token, randomUUID()), 404, 'NOT_FOUND');

    const res = await release(secretariat.token, id, { reason: 'Conflict found after submission.' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'released', endReason: 'Conflict found after submission.' });
    expect(await assignmentRow(api, id)).toMatchObject({ status: 'released', submittedAt: null });
    const [event] = (await auditEvents(api, 'assignment', id)).filter((e) => e.action === 'assignment.released');
    expect(event).toMatchObject({ actorId: secretariat.id, before: { status: 'submitted' } });
    expect(event.before?.submittedAt).toEqual(expect.any(String));
    expectProblem(await release(secretariat.token, id), 409, 'INVALID_TRANSITION');
    expectProblem(
      await api.get(`/api/v1/applications/${applicationIds[2]}`, { token: panel[0].token }),
      404,
      'NOT_FOUND',
    );

    // Its scores are kept as history but no longer count among the application's evaluations.
    const [{ n }] = await sql<{ n: number }>(
      api,
      'SELECT count(*)::int AS n FROM criterion_scores WHERE assignment_id = $1',
      [id],
    );
    expect(n).toBe(2);
    const evaluations = await api.get(`/api/v1/applications/${applicationIds[2]}/evaluations`, {
      token: secretariat.token,
    });
    expect(evaluations.body).toEqual({ items: [], total: 0 });
  });
});
