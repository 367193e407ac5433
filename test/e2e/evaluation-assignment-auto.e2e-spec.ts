import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Actor, Applicant, createCall } from '../support/fixtures';
import { TestApi } from '../support/test-app';
import { expectProblem, sql } from '../support/applications';
import { connectDb, raceOnCall } from '../support/calls-e2e';
import {
  LIVE,
  assignmentRows,
  auditEvents,
  autoAssign,
  callWithSubmissions,
  createApplicantsFrom,
  createEvaluators,
  evaluatorsByApplication,
  publishCall,
  seatPanel,
  secretariatOf,
  sorted,
} from '../support/evaluation-fixtures';

/** What the run reports of expertise when nobody declared any and no randomisation was asked. */
const NO_EXPERTISE_REPORT = { maxPairProbability: null, seed: null, dryRun: false, proposal: null };

/** POST /calls/:id/assignments/auto: every missing slot filled, never a conflict, loads even. */
describe('evaluation: automatic assignment', () => {
  let api: TestApi;
  let db: Client;
  let secretariat: Actor;
  /** Evaluators from KE, FR (working for the Brazilian organisation), BR, IN and DE. */
  let eKE: Actor, eFR: Actor, eBR: Actor, eIN: Actor, eDE: Actor;
  /** Applicants from KE, FR, BR, IN, JP and US. */
  let aKE: Applicant, aFR: Applicant, aBR: Applicant, aIN: Applicant, aJP: Applicant, aUS: Applicant;
  const brazilian = `Rio Startup Hub ${randomUUID().slice(0, 6)}`;

  beforeAll(async () => {
    api = await TestApi.start();
    db = await connectDb();
    secretariat = await secretariatOf(api);
    [[eKE, eFR, eBR, eIN, eDE], [aKE, aFR, aBR, aIN, aJP, aUS]] = await Promise.all([
      createEvaluators(api, [
        { countryCode: 'KE' },
        { countryCode: 'FR', affiliation: brazilian.toLowerCase() },
        { countryCode: 'BR' },
        { countryCode: 'IN' },
        { countryCode: 'DE' },
      ]),
      createApplicantsFrom(api, [
        { countryCode: 'KE' },
        { countryCode: 'FR' },
        { countryCode: 'BR', organisationName: brazilian },
        { countryCode: 'IN' },
        { countryCode: 'JP' },
        { countryCode: 'US' },
      ]),
    ]);
  });
  afterAll(async () => {
    await db.end();
    await api.close();
  });

  const callStatus = async (callId: string) =>
    (await api.get(`/api/v1/calls/${callId}`, { token: secretariat.token })).body.status as string;

  /** Live assignments per evaluator, as stored. */
  async function storedLoads(callId: string): Promise<Record<string, number>> {
    const loads: Record<string, number> = {};
    for (const row of await assignmentRows(api, callId, LIVE))
      loads[row.evaluatorId] = (loads[row.evaluatorId] ?? 0) + 1;
    return loads;
  }

  it('fills every slot with loads within one of each other and moves the call to reviewing', async () => {
    const { callId, applicationIds } = await callWithSubmissions(api, [aKE, aFR, aIN, aJP, aUS]);
    await seatPanel(api, callId, [eKE, eBR, eIN, eDE]);
    const res = await autoAssign(api, callId);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 10, unassigned: [] });

    const loads = Object.values(res.body.assignmentsPerEvaluator as Record<string, number>);
    expect(loads).toHaveLength(4);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    expect(res.body.assignmentsPerEvaluator).toEqual(await storedLoads(callId));
    const byApplication = await evaluatorsByApplication(api, callId);
    expect(sorted([...byApplication.keys()])).toEqual(sorted(applicationIds));
    for (const evaluators of byApplication.values()) expect(new Set(evaluators).size).toBe(2);
    expect((await assignmentRows(api, callId)).every((row) => row.status === 'assigned')).toBe(true);

    expect(await callStatus(callId)).toBe('reviewing');
    const audit = await auditEvents(api, 'call', callId);
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(['call.review_started', 'assignments.auto_assigned']),
    );
    expect(audit.find((e) => e.action === 'assignments.auto_assigned')).toMatchObject({
      actorId: secretariat.id,
      after: { created: 10, unassigned: 0 },
    });
  });

  it('creates nothing when run again, and gives the same assignments for the same facts', async () => {
    const { callId } = await callWithSubmissions(api, [aKE, aFR, aIN, aJP]);
    await seatPanel(api, callId, [eKE, eBR, eIN, eDE, eFR]);
    const first = await autoAssign(api, callId);
    const rows = await assignmentRows(api, callId);
    const second = await autoAssign(api, callId);
    expect(second.status).toBe(200);
    expect(second.body).toEqual({ ...first.body, created: 0 });
    expect(await assignmentRows(api, callId)).toEqual(rows);

    // Free every slot: the same panel, applications and conflicts give the same pairs again.
    for (const row of rows) {
      const released = await api.post(`/api/v1/assignments/${row.id}/release`, {
        token: secretariat.token,
        body: { reason: 'Starting over' },
      });
      expect(released.status).toBe(200);
    }
    const third = await autoAssign(api, callId);
    expect(third.body).toEqual(first.body);
    const pairs = (list: typeof rows) => list.map((r) => `${r.applicationId}/${r.evaluatorId}`).sort();
    expect(pairs(await assignmentRows(api, callId, LIVE))).toEqual(pairs(rows));
  });

  it('gives a declined slot to someone else', async () => {
    const { callId } = await callWithSubmissions(api, [aKE, aIN, aJP], { evaluatorsPerApplication: 1 });
    await seatPanel(api, callId, [eBR, eDE, eFR]);
    await autoAssign(api, callId);
    const [declined] = await assignmentRows(api, callId, LIVE);
    const evaluator = [eBR, eDE, eFR].find((e) => e.id === declined.evaluatorId)!;
    const res = await api.post(`/api/v1/assignments/${declined.id}/decline`, {
      token: evaluator.token,
      body: { reason: 'I reviewed their previous grant.' },
    });
    expect(res.status).toBe(200);

    const refill = await autoAssign(api, callId);
    expect(refill.body).toMatchObject({ created: 1, unassigned: [] });
    const live = (await assignmentRows(api, callId, LIVE)).filter((r) => r.applicationId === declined.applicationId);
    expect(live).toHaveLength(1);
    expect(live[0].evaluatorId).not.toBe(evaluator.id);
  });

  it('never assigns a declared, same-organisation or same-country conflict', async () => {
    const overrides = { evaluatorsPerApplication: 3, assignment: { excludeSameCountry: true } };
    const { callId, applicationIds } = await callWithSubmissions(api, [aKE, aFR, aBR, aIN], overrides);
    const [kenyan, french, brazilianApp, indian] = applicationIds;
    await seatPanel(api, callId, [eKE, eFR, eBR, eIN, eDE]);
    const declared = await api.post(`/api/v1/calls/${callId}/conflicts`, {
      token: eDE.token,
      body: { applicationId: french, reason: 'I advise this organisation.' },
    });
    expect(declared.status).toBe(201);

    const res = await autoAssign(api, callId);
    expect(res.body).toMatchObject({ created: 12, unassigned: [] });
    const byApplication = await evaluatorsByApplication(api, callId);
    // Exactly three evaluators are free of conflict for these two: they must be the ones.
    expect(byApplication.get(french)).toEqual(sorted([eKE.id, eBR.id, eIN.id]));
    expect(byApplication.get(brazilianApp)).toEqual(sorted([eKE.id, eIN.id, eDE.id]));
    expect(byApplication.get(kenyan)).not.toContain(eKE.id);
    expect(byApplication.get(indian)).not.toContain(eIN.id);
    const loads = Object.values(res.body.assignmentsPerEvaluator as Record<string, number>);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
  });

  it('reports the slots it cannot fill without a conflict, and fills the rest', async () => {
    const overrides = { evaluatorsPerApplication: 3, assignment: { excludeSameCountry: true } };
    const { callId, applicationIds } = await callWithSubmissions(api, [aKE, aIN, aJP, aUS], overrides);
    const [kenyan, indian, japanese, american] = applicationIds;
    await seatPanel(api, callId, [eKE, eIN, eDE]);
    await api.post(`/api/v1/calls/${callId}/conflicts`, {
      token: secretariat.token,
      body: { applicationId: indian, evaluatorId: eDE.id, reason: 'Co-author of their report.' },
    });

    const res = await autoAssign(api, callId);
    expect(res.status).toBe(200);
    expect(res.body.created).toBe(9);
    expect(res.body.unassigned).toHaveLength(2);
    expect(res.body.unassigned).toEqual(
      expect.arrayContaining([
        { applicationId: kenyan, missing: 1 },
        { applicationId: indian, missing: 2 },
      ]),
    );
    const byApplication = await evaluatorsByApplication(api, callId);
    expect(byApplication.get(japanese)).toHaveLength(3);
    expect(byApplication.get(american)).toHaveLength(3);
    expect(byApplication.get(kenyan)).toEqual(sorted([eIN.id, eDE.id]));
    expect(byApplication.get(indian)).toEqual([eKE.id]);
  });

  it('with an empty panel, reports every slot missing and leaves the call closed', async () => {
    const { callId, applicationIds } = await callWithSubmissions(api, [aKE, aUS]);
    const res = await autoAssign(api, callId);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      created: 0,
      assignmentsPerEvaluator: {},
      unassigned: expect.arrayContaining(applicationIds.map((applicationId) => ({ applicationId, missing: 2 }))),
      ...NO_EXPERTISE_REPORT,
      meanAffinity: null,
      worstServed: null,
    });
    expect(await callStatus(callId)).toBe('closed');
  });

  it('assigns only submitted applications that are eligible', async () => {
    const { callId, applicationIds } = await callWithSubmissions(api, [aKE, aIN, aJP]);
    const [kept, withdrawn, ineligible] = applicationIds;
    expect((await api.post(`/api/v1/applications/${withdrawn}/withdraw`, { token: aIN.token })).status).toBe(200);
    const decision = await api.post(`/api/v1/applications/${ineligible}/eligibility`, {
      token: secretariat.token,
      body: { eligible: false, reason: 'Not an accelerator.' },
    });
    expect(decision.status).toBe(200);
    await seatPanel(api, callId, [eBR, eDE]);
    const res = await autoAssign(api, callId);
    expect(res.body).toEqual({
      created: 2,
      assignmentsPerEvaluator: { [eBR.id]: 1, [eDE.id]: 1 },
      unassigned: [],
      ...NO_EXPERTISE_REPORT,
      meanAffinity: 0,
      worstServed: { applicationId: kept, meanAffinity: 0 },
    });
    expect([...(await evaluatorsByApplication(api, callId)).keys()]).toEqual([kept]);
  });

  it('two runs at the same time create the needed assignments exactly once', async () => {
    const { callId } = await callWithSubmissions(api, [aKE, aFR, aIN, aJP, aUS]);
    await seatPanel(api, callId, [eBR, eDE, eIN]);
    const [a, b] = await raceOnCall(db, callId, [() => autoAssign(api, callId), () => autoAssign(api, callId)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a.body.created, b.body.created].sort()).toEqual([0, 10]);
    const live = await assignmentRows(api, callId, LIVE);
    expect(live).toHaveLength(10);
    expect(new Set(live.map((r) => `${r.applicationId}/${r.evaluatorId}`)).size).toBe(10);
    expect(await callStatus(callId)).toBe('reviewing');
  });

  it('waits for the call to close, and stops at publication', async () => {
    const open = await callWithSubmissions(api, [aKE], {}, { close: false });
    await seatPanel(api, open.callId, [eBR]);
    expectProblem(await autoAssign(api, open.callId), 409, 'INVALID_TRANSITION');
    const draft = await createCall(api, secretariat.token, {}, false);
    expectProblem(await autoAssign(api, draft.id), 409, 'INVALID_TRANSITION');
    expect(await callStatus(open.callId)).toBe('open');
    expect(await sql(api, 'SELECT 1 FROM assignments WHERE call_id = $1', [open.callId])).toHaveLength(0);

    const published = await callWithSubmissions(api, [aKE]);
    await seatPanel(api, published.callId, [eBR]);
    await publishCall(api, published.callId);
    expectProblem(await autoAssign(api, published.callId), 409, 'COHORT_PUBLISHED');
    expect(await sql(api, 'SELECT 1 FROM assignments WHERE call_id = $1', [published.callId])).toHaveLength(0);
  });

  it('is the secretariat’s, on calls that exist', async () => {
    const { callId } = await callWithSubmissions(api, [aKE]);
    const url = `/api/v1/calls/${callId}/assignments/auto`;
    expectProblem(await api.post(url), 401, 'UNAUTHENTICATED');
    expectProblem(await api.post(url, { token: eKE.token }), 403, 'FORBIDDEN');
    expectProblem(await api.post(url, { token: aKE.token }), 403, 'FORBIDDEN');
    expectProblem(
      await api.post(`/api/v1/calls/${randomUUID()}/assignments/auto`, { token: secretariat.token }),
      404,
      'NOT_FOUND',
    );
    const badId = await api.post('/api/v1/calls/42/assignments/auto', { token: secretariat.token });
    expectProblem(badId, 400, 'VALIDATION_FAILED');
  });
});
