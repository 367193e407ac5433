import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Actor, Applicant } from '../support/fixtures';
import { TestApi } from '../support/test-app';
import { expectProblem, sql } from '../support/applications';
import { connectDb } from '../support/calls-e2e';
import {
  assignByHand,
  assignmentId,
  assignmentRow,
  auditEvents,
  autoAssign,
  callWithSubmissions,
  createApplicantsFrom,
  createEvaluators,
  evaluate,
  evaluatorsByApplication,
  holdCallRow,
  publishCall,
  seatPanel,
  secretariatOf,
  untilWaiting,
} from '../support/evaluation-fixtures';

/** Conflicts of interest: declared ones, automatic ones, and what a late declaration does. */
describe('evaluation: conflicts of interest', () => {
  let api: TestApi;
  let db: Client;
  let secretariat: Actor;
  /** affiliated with the Senegalese organisation, German; French; Japanese; never on a panel. */
  let affiliated: Actor, french: Actor, japanese: Actor, outsider: Actor;
  /** From SN (named like `affiliated`'s affiliation), FR and BR. */
  let applicants: Applicant[];
  const lab = `Cité de l’Innovation ${randomUUID().slice(0, 6)}`;

  beforeAll(async () => {
    api = await TestApi.start();
    db = await connectDb();
    secretariat = await secretariatOf(api);
    const affiliation = lab.normalize('NFKD').replace(/\p{M}/gu, '').toUpperCase().replace(/’/g, ' ');
    [[affiliated, french, japanese, outsider], applicants] = await Promise.all([
      createEvaluators(api, [{ countryCode: 'DE', affiliation }, { countryCode: 'FR' }, { countryCode: 'JP' }, {}]),
      createApplicantsFrom(api, [
        { countryCode: 'SN', organisationName: lab },
        { countryCode: 'FR' },
        { countryCode: 'BR' },
      ]),
    ]);
  });
  afterAll(async () => {
    await db.end();
    await api.close();
  });

  async function callWithPanel(overrides: Record<string, unknown> = {}) {
    const call = await callWithSubmissions(api, applicants, overrides);
    await seatPanel(api, call.callId, [affiliated, french, japanese]);
    return call;
  }

  const conflictsUrl = (callId: string) => `/api/v1/calls/${callId}/conflicts`;

  it('an evaluator declares its own conflict; the secretariat declares one naming the evaluator', async () => {
    const { callId, applicationIds } = await callWithPanel();
    const own = await api.post(conflictsUrl(callId), {
      token: japanese.token,
      body: { applicationId: applicationIds[2], reason: '  I mentored this team last year.  ' },
    });
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({
      callId,
      evaluatorId: japanese.id,
      applicationId: applicationIds[2],
      reason: 'I mentored this team last year.',
      source: 'declared',
      assignment: 'none',
    });
    const forOne = await api.post(conflictsUrl(callId), {
      token: secretariat.token,
      body: { applicationId: applicationIds[1], evaluatorId: french.id, reason: 'Former employer.' },
    });
    expect(forOne.status).toBe(201);
    expect(forOne.body).toMatchObject({ evaluatorId: french.id, source: 'declared', assignment: 'none' });

    const rows = await sql(
      api,
      `SELECT evaluator_id AS "evaluatorId", declared_by AS "declaredBy", source FROM conflicts
        WHERE call_id = $1 ORDER BY created_at`,
      [callId],
    );
    expect(rows).toEqual([
      { evaluatorId: japanese.id, declaredBy: japanese.id, source: 'declared' },
      { evaluatorId: french.id, declaredBy: secretariat.id, source: 'declared' },
    ]);
    const audit = await auditEvents(api, 'application', applicationIds[2]);
    expect(audit.filter((e) => e.action === 'conflict.declared')).toEqual([
      expect.objectContaining({ actorId: japanese.id, after: expect.objectContaining({ evaluatorId: japanese.id }) }),
    ]);

    const list = await api.get(conflictsUrl(callId), { token: secretariat.token });
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(2);
    // Each names the organisation of its application, as the secretariat knows it.
    const organisationOf = new Map(
      (list.body.items as Array<{ applicationId: string; organisation: unknown }>).map((c) => [
        c.applicationId,
        c.organisation,
      ]),
    );
    expect(organisationOf.get(applicationIds[2])).toEqual({
      name: `Hub ${applicants[2].email}`,
      countryCode: 'BR',
      region: 'AMS',
    });
    expect(organisationOf.get(applicationIds[1])).toMatchObject({ countryCode: 'FR', region: 'EUR' });
    expectProblem(await api.get(conflictsUrl(callId), { token: japanese.token }), 403, 'FORBIDDEN');
  });

  it('sorts the list by when each conflict was recorded or by its source, either way, and refuses an unknown sort', async () => {
    const { callId, applicationIds } = await callWithPanel();
    for (const [evaluator, applicationId] of [
      [japanese, applicationIds[2]],
      [french, applicationIds[1]],
    ] as const) {
      const res = await api.post(conflictsUrl(callId), {
        token: secretariat.token,
        body: { applicationId, evaluatorId: evaluator.id, reason: 'Former colleague.' },
      });
      expect(res.status).toBe(201);
    }
    // No request records an automatic conflict: one is seeded, recorded last.
    await sql(
      api,
      `INSERT INTO conflicts (call_id, evaluator_id, application_id, reason, source, declared_by, created_at)
       VALUES ($1, $2, $3, 'Same organisation.', 'automatic', $2, now() + interval '1 second')`,
      [callId, affiliated.id, applicationIds[0]],
    );
    const evaluators = async (sort?: string) => {
      const res = await api.get(conflictsUrl(callId), { token: secretariat.token, query: sort ? { sort } : {} });
      expect(res.status).toBe(200);
      return (res.body.items as Array<{ evaluatorId: string }>).map((c) => c.evaluatorId);
    };

    expect(await evaluators()).toEqual([japanese.id, french.id, affiliated.id]);
    expect(await evaluators('createdAt')).toEqual([japanese.id, french.id, affiliated.id]);
    expect(await evaluators('-createdAt')).toEqual([affiliated.id, french.id, japanese.id]);
    expect(await evaluators('source')).toEqual([affiliated.id, japanese.id, french.id]);
    expect(await evaluators('-source')).toEqual([japanese.id, french.id, affiliated.id]);
    const unknown = await api.get(conflictsUrl(callId), { token: secretariat.token, query: { sort: 'reason' } });
    expect(expectProblem(unknown, 400, 'VALIDATION_FAILED').map((e) => e.field)).toEqual(['sort']);
  });

  it('keeps the first declaration when the same conflict is declared again', async () => {
    const { callId, applicationIds } = await callWithPanel();
    const body = { applicationId: applicationIds[0], reason: 'Board member.' };
    expect((await api.post(conflictsUrl(callId), { token: french.token, body })).status).toBe(201);
    const again = await api.post(conflictsUrl(callId), {
      token: french.token,
      body: { ...body, reason: 'Something else.' },
    });
    expect(again.status).toBe(201);
    expect(again.body.reason).toBe('Board member.');
    const rows = await sql(api, 'SELECT reason FROM conflicts WHERE call_id = $1', [callId]);
    expect(rows).toEqual([{ reason: 'Board member.' }]);
  });

  it('refuses malformed declarations and declarations for someone else or off the panel', async () => {
    const { callId, applicationIds } = await callWithPanel();
    const other = await callWithSubmissions(api, [applicants[0]]);
    const post = (token: string | undefined, body: unknown, id = callId) => api.post(conflictsUrl(id), { token, body });
    const valid = { applicationId: applicationIds[0], reason: 'Close friend of the director.' };

    for (const [body, field] of [
      [{ applicationId: applicationIds[0] }, 'reason'],
      [{ ...valid, reason: '  ab  ' }, 'reason'],
      [{ ...valid, applicationId: 'nope' }, 'applicationId'],
      [{ ...valid, evaluatorId: 'nope' }, 'evaluatorId'],
      [{ ...valid, note: 'x' }, 'note'],
    ] as const) {
      const errors = expectProblem(await post(french.token, body), 400, 'VALIDATION_FAILED');
      expect(errors.map((e) => e.field)).toContain(field);
    }
    const unnamed = expectProblem(await post(secretariat.token, valid), 400, 'VALIDATION_FAILED');
    expect(unnamed.map((e) => e.field)).toEqual(['evaluatorId']);
    const offPanel = await post(secretariat.token, { ...valid, evaluatorId: outsider.id });
    expect(expectProblem(offPanel, 400, 'VALIDATION_FAILED').map((e) => e.field)).toEqual(['evaluatorId']);

    expectProblem(await post(french.token, { ...valid, evaluatorId: japanese.id }), 403, 'FORBIDDEN');
    expectProblem(await post(outsider.token, valid), 403, 'FORBIDDEN');
    expectProblem(await post(applicants[0].token, valid), 403, 'FORBIDDEN');
    expectProblem(await post(undefined, valid), 401, 'UNAUTHENTICATED');

    expectProblem(await post(french.token, { ...valid, applicationId: randomUUID() }), 404, 'NOT_FOUND');
    const elsewhere = { ...valid, applicationId: other.applicationIds[0] };
    expectProblem(await post(french.token, elsewhere), 404, 'NOT_FOUND');
    expectProblem(await post(french.token, valid, randomUUID()), 404, 'NOT_FOUND');
    expectProblem(await post(french.token, valid, 'not-a-uuid'), 400, 'VALIDATION_FAILED');
    expectProblem(await api.get(conflictsUrl(randomUUID()), { token: secretariat.token }), 404, 'NOT_FOUND');
    expectProblem(await api.get(conflictsUrl(callId)), 401, 'UNAUTHENTICATED');
    expect(await sql(api, 'SELECT 1 FROM conflicts WHERE call_id = $1', [callId])).toHaveLength(0);
  });

  it('a conflict declared after assignment releases it, and automatic assignment never gives it back', async () => {
    const { callId, applicationIds } = await callWithPanel({ evaluatorsPerApplication: 1 });
    const id = await assignmentId(api, callId, applicationIds[2], japanese.id);
    const app = `/api/v1/applications/${applicationIds[2]}`;
    expect((await api.get(app, { token: japanese.token })).status).toBe(200);

    const declared = await api.post(conflictsUrl(callId), {
      token: japanese.token,
      body: { applicationId: applicationIds[2], reason: 'My cousin runs it.' },
    });
    expect(declared.status).toBe(201);
    expect(declared.body.assignment).toBe('released');
    expect(await assignmentRow(api, id)).toMatchObject({
      status: 'released',
      endReason: expect.stringContaining('cousin'),
    });
    expectProblem(await api.get(app, { token: japanese.token }), 404, 'NOT_FOUND');
    const mine = await api.get('/api/v1/me/assignments', { token: japanese.token, query: { callId } });
    expect(mine.body.items).toEqual([]);
    const audit = await auditEvents(api, 'application', applicationIds[2]);
    expect(audit.find((e) => e.action === 'conflict.declared')?.after).toMatchObject({
      evaluatorId: japanese.id,
      assignment: 'released',
      assignmentId: id,
    });

    const auto = await autoAssign(api, callId);
    expect(auto.status).toBe(200);
    expect((await evaluatorsByApplication(api, callId)).get(applicationIds[2])).not.toContain(japanese.id);
  });

  it('a conflict declared while automatic assignment runs is never left assigned', async () => {
    const { callId, applicationIds } = await callWithSubmissions(api, [applicants[1]], { evaluatorsPerApplication: 2 });
    await seatPanel(api, callId, [french, japanese]);
    // The run stops half-way, its assignments written but not committed, while the conflict is declared.
    const release = await holdCallRow(db, callId);
    const auto = autoAssign(api, callId);
    let declared: ReturnType<typeof autoAssign> | undefined;
    try {
      await untilWaiting(db, 1);
      let answered = false;
      declared = api.post(conflictsUrl(callId), {
        token: japanese.token,
        body: { applicationId: applicationIds[0], reason: 'Just found out my sister works there.' },
      });
      declared.then(() => (answered = true)).catch(() => (answered = true));
      // Either the declaration answers while the run is stopped, or it waits for the run to finish.
      await untilWaiting(db, 2, () => answered);
    } finally {
      await release();
    }
    const [ran, conflict] = await Promise.all([auto, declared]);
    expect(ran.body.created).toBe(2);
    expect(conflict?.status).toBe(201);
    expect(conflict?.body.assignment).toBe('released');
    expect((await evaluatorsByApplication(api, callId)).get(applicationIds[0])).toEqual([french.id]);
  });

  it('a conflict declared after submission keeps the evaluation for the secretariat to reopen or release', async () => {
    const { callId, applicationIds } = await callWithPanel();
    const first = await assignmentId(api, callId, applicationIds[2], japanese.id);
    const second = await assignmentId(api, callId, applicationIds[1], japanese.id);
    await evaluate(api, japanese.token, first);
    await evaluate(api, japanese.token, second);

    for (const applicationId of [applicationIds[2], applicationIds[1]]) {
      const res = await api.post(conflictsUrl(callId), {
        token: secretariat.token,
        body: { applicationId, evaluatorId: japanese.id, reason: 'Disclosed a shareholding.' },
      });
      expect(res.status).toBe(201);
      expect(res.body.assignment).toBe('kept_submitted');
      const audit = await auditEvents(api, 'application', applicationId);
      expect(audit.map((e) => e.action)).toContain('conflict.declared_after_submission');
      expect(audit.map((e) => e.action)).not.toContain('conflict.declared');
    }
    expect((await assignmentRow(api, first)).status).toBe('submitted');

    const reopened = await api.post(`/api/v1/assignments/${first}/evaluation/reopen`, { token: secretariat.token });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: 'draft', submittedAt: null });
    const released = await api.post(`/api/v1/assignments/${second}/release`, {
      token: secretariat.token,
      body: { reason: 'Conflict of interest disclosed after submission.' },
    });
    expect(released.status).toBe(200);
    expect(released.body).toMatchObject({
      status: 'released',
      endReason: 'Conflict of interest disclosed after submission.',
    });
    expect((await assignmentRow(api, second)).status).toBe('released');
  });

  it('manual assignment refuses a declared, same-organisation or same-country conflict', async () => {
    const { callId, applicationIds } = await callWithPanel({ assignment: { excludeSameCountry: true } });
    await api.post(conflictsUrl(callId), {
      token: japanese.token,
      body: { applicationId: applicationIds[2], reason: 'Former co-founder.' },
    });
    for (const [applicationId, evaluator, kind] of [
      [applicationIds[0], affiliated, 'same_organisation'],
      [applicationIds[1], french, 'same_country'],
      [applicationIds[2], japanese, 'declared'],
    ] as const) {
      const res = await assignByHand(api, callId, applicationId, evaluator.id);
      expectProblem(res, 409, 'CONFLICT_OF_INTEREST');
      expect(res.body.detail).toContain(kind);
    }
    expect(await sql(api, 'SELECT 1 FROM assignments WHERE call_id = $1', [callId])).toHaveLength(0);

    // Same country is a conflict only where the call says so.
    const lenient = await callWithPanel();
    expect((await assignByHand(api, lenient.callId, lenient.applicationIds[1], french.id)).status).toBe(201);
    expectProblem(
      await assignByHand(api, lenient.callId, lenient.applicationIds[0], affiliated.id),
      409,
      'CONFLICT_OF_INTEREST',
    );
  });

  it('cannot be declared once the cohort is published', async () => {
    const { callId, applicationIds } = await callWithPanel();
    await publishCall(api, callId);
    const res = await api.post(conflictsUrl(callId), {
      token: french.token,
      body: { applicationId: applicationIds[0], reason: 'Found out too late.' },
    });
    expectProblem(res, 409, 'COHORT_PUBLISHED');
    expect(await sql(api, 'SELECT 1 FROM conflicts WHERE call_id = $1', [callId])).toHaveLength(0);
  });
});
