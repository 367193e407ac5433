import { randomUUID } from 'node:crypto';
import { Actor, Applicant, SAMPLE_PDF, createCall } from '../support/fixtures';
import { TestApi } from '../support/test-app';
import { download, expectProblem, uploadDocument } from '../support/applications';
import {
  LIVE,
  assignmentId,
  assignmentRows,
  autoAssign,
  callWithSubmissions,
  createApplicantsFrom,
  createEvaluators,
  evaluate,
  publishCall,
  saveDraft,
  seatPanel,
  secretariatOf,
  sorted,
} from '../support/evaluation-fixtures';

/** Who sees what: evaluators their assignments only, colleagues' scores after their own, applicants none. */
describe('evaluation: visibility', () => {
  let api: TestApi;
  let secretariat: Actor;
  let first: Actor, second: Actor, third: Actor;
  let owner: Applicant, rival: Applicant;

  beforeAll(async () => {
    api = await TestApi.start();
    secretariat = await secretariatOf(api);
    [[first, second, third], [owner, rival]] = await Promise.all([
      createEvaluators(api, [{ countryCode: 'DE' }, { countryCode: 'JP' }, { countryCode: 'CA' }]),
      createApplicantsFrom(api, [{ countryCode: 'KE' }, { countryCode: 'GH' }]),
    ]);
  });
  afterAll(() => api.close());

  /** A closed call where the owner's application carries a PDF; the rival's has none. */
  async function callWithDocument() {
    const call = await createCall(api, secretariat.token, { eligibility: { requiredDocuments: ['business_plan'] } });
    const draft = await api.post(`/api/v1/calls/${call.id}/applications`, {
      token: owner.token,
      body: { answers: { programme: 'Twelve weeks of mentoring.' } },
    });
    const uploaded = await uploadDocument(api, owner.token, draft.body.id, 'business_plan', {
      buffer: SAMPLE_PDF,
      filename: 'plan.pdf',
    });
    expect(uploaded.status).toBe(201);
    expect((await api.post(`/api/v1/applications/${draft.body.id}/submit`, { token: owner.token })).status).toBe(200);
    await api.post(`/api/v1/calls/${call.id}/close`, { token: secretariat.token });
    await seatPanel(api, call.id, [first, second, third]);
    return { callId: call.id, applicationId: draft.body.id as string, documentId: uploaded.body.id as string };
  }

  /** One application of the owner's, assigned to all three evaluators. */
  async function threeEvaluators() {
    const { callId, applicationIds } = await callWithSubmissions(api, [owner, rival], { evaluatorsPerApplication: 3 });
    await seatPanel(api, callId, [first, second, third]);
    const [applicationId] = applicationIds;
    const ids = [];
    for (const evaluator of [first, second, third])
      ids.push(await assignmentId(api, callId, applicationId, evaluator.id));
    return { callId, applicationId, otherApplicationId: applicationIds[1], ids };
  }

  it('runs a whole review: conflict, automatic assignment, scoring, colleagues’ view, publication', async () => {
    const { callId, applicationIds } = await callWithSubmissions(api, [owner, rival]);
    await seatPanel(api, callId, [first, second, third]);
    const conflict = await api.post(`/api/v1/calls/${callId}/conflicts`, {
      token: third.token,
      body: { applicationId: applicationIds[0], reason: 'I chair its board.' },
    });
    expect(conflict.status).toBe(201);
    const auto = await autoAssign(api, callId);
    expect(auto.body).toMatchObject({ created: 4, unassigned: [] });
    expect((await api.get(`/api/v1/calls/${callId}`, { token: secretariat.token })).body.status).toBe('reviewing');

    for (const evaluator of [first, second, third]) {
      const mine = await api.get('/api/v1/me/assignments', { token: evaluator.token, query: { callId } });
      for (const assignment of mine.body.items as Array<{ id: string; applicationId: string }>) {
        if (evaluator === third) expect(assignment.applicationId).not.toBe(applicationIds[0]);
        expect((await evaluate(api, evaluator.token, assignment.id)).body.status).toBe('submitted');
      }
    }
    const seen = await api.get(`/api/v1/applications/${applicationIds[0]}/evaluations`, { token: first.token });
    expect(seen.body.items.map((e: { evaluatorId: string }) => e.evaluatorId).sort()).toEqual(
      sorted([first.id, second.id]),
    );
    expect(seen.body.items[0].scores).toEqual(
      expect.arrayContaining([expect.objectContaining({ criterionCode: 'IMPACT' })]),
    );
    const all = await api.get(`/api/v1/applications/${applicationIds[1]}/evaluations`, { token: secretariat.token });
    expect(all.body.items.map((e: { status: string }) => e.status)).toEqual(['submitted', 'submitted']);

    await publishCall(api, callId);
    const [one] = await assignmentRows(api, callId, LIVE);
    expectProblem(
      await api.post(`/api/v1/assignments/${one.id}/evaluation/reopen`, { token: secretariat.token }),
      409,
      'COHORT_PUBLISHED',
    );
    expect(
      (await api.get(`/api/v1/applications/${applicationIds[0]}/evaluations`, { token: first.token })).status,
    ).toBe(200);
    expect(
      JSON.stringify((await api.get(`/api/v1/applications/${applicationIds[0]}`, { token: owner.token })).body),
    ).not.toContain(first.id);
  });

  it('an evaluator reads its assigned application and documents, and nothing else', async () => {
    const { callId, applicationId, documentId } = await callWithDocument();
    const id = await assignmentId(api, callId, applicationId, first.id);
    const read = await api.get(`/api/v1/applications/${applicationId}`, { token: first.token });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: applicationId, answers: { programme: 'Twelve weeks of mentoring.' } });
    expect(read.body.documents).toEqual([expect.objectContaining({ id: documentId, filename: 'plan.pdf' })]);
    const file = await download(api, `/api/v1/applications/${applicationId}/documents/${documentId}`, first.token);
    expect(file.status).toBe(200);
    expect(Buffer.compare(file.body as Buffer, SAMPLE_PDF)).toBe(0);

    for (const evaluator of [second, third]) {
      expectProblem(
        await api.get(`/api/v1/applications/${applicationId}`, { token: evaluator.token }),
        404,
        'NOT_FOUND',
      );
      const denied = await download(
        api,
        `/api/v1/applications/${applicationId}/documents/${documentId}`,
        evaluator.token,
      );
      expectProblem(denied, 404, 'NOT_FOUND');
    }
    const other = await callWithSubmissions(api, [rival]);
    expectProblem(
      await api.get(`/api/v1/applications/${other.applicationIds[0]}`, { token: first.token }),
      404,
      'NOT_FOUND',
    );

    await api.post(`/api/v1/assignments/${id}/decline`, { token: first.token, body: { reason: 'Conflict found.' } });
    expectProblem(await api.get(`/api/v1/applications/${applicationId}`, { token: first.token }), 404, 'NOT_FOUND');
    const after = await download(api, `/api/v1/applications/${applicationId}/documents/${documentId}`, first.token);
    expectProblem(after, 404, 'NOT_FOUND');
  });

  it('lists an evaluator’s own assignments with what it needs to review', async () => {
    const { callId, applicationId, documentId } = await callWithDocument();
    const id = await assignmentId(api, callId, applicationId, second.id);
    const mine = await api.get('/api/v1/me/assignments', { token: second.token, query: { callId } });
    expect(mine.status).toBe(200);
    expect(mine.body.total).toBe(1);
    expect(mine.body.items[0]).toMatchObject({
      id,
      applicationId,
      status: 'assigned',
      application: {
        id: applicationId,
        countryCode: 'KE',
        region: 'AFR',
        answers: { programme: 'Twelve weeks of mentoring.' },
        documents: [expect.objectContaining({ id: documentId, kind: 'business_plan' })],
      },
    });
    const elsewhere = await api.get('/api/v1/me/assignments', { token: second.token, query: { callId: randomUUID() } });
    expect(elsewhere.body).toEqual({ items: [], total: 0 });
    expect((await api.get('/api/v1/me/assignments', { token: third.token, query: { callId } })).body.total).toBe(0);

    const bad = await api.get('/api/v1/me/assignments', { token: second.token, query: { callId: 'x' } });
    expectProblem(bad, 400, 'VALIDATION_FAILED');
    expectProblem(
      await api.get('/api/v1/me/assignments', { token: second.token, query: { limit: 501 } }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(await api.get('/api/v1/me/assignments'), 401, 'UNAUTHENTICATED');
    expectProblem(await api.get('/api/v1/me/assignments', { token: owner.token }), 403, 'FORBIDDEN');
    expectProblem(await api.get('/api/v1/me/assignments', { token: secretariat.token }), 403, 'FORBIDDEN');
  });

  it('shows colleagues’ evaluations to an evaluator only once its own is submitted', async () => {
    const { applicationId, otherApplicationId, ids } = await threeEvaluators();
    const url = `/api/v1/applications/${applicationId}/evaluations`;
    const read = (token: string) => api.get(url, { token });

    expectProblem(await read(first.token), 403, 'FORBIDDEN');
    await evaluate(api, second.token, ids[1]);
    await saveDraft(api, first.token, ids[0], { scores: [{ criterionCode: 'IMPACT', score: 9 }] });
    expectProblem(await read(first.token), 403, 'FORBIDDEN');

    await evaluate(api, first.token, ids[0]);
    const seen = await read(first.token);
    expect(seen.status).toBe(200);
    expect(seen.body.total).toBe(2);
    const evaluatorsOf = (body: { items: Array<{ evaluatorId: string }> }) =>
      body.items.map((e) => e.evaluatorId).sort();
    expect(evaluatorsOf(seen.body)).toEqual([first.id, second.id].sort());
    expect(evaluatorsOf((await read(second.token)).body)).toEqual([first.id, second.id].sort());
    expectProblem(await read(third.token), 403, 'FORBIDDEN');

    // Reopened, the first evaluator's view closes again and its draft leaves the others' view.
    await api.post(`/api/v1/assignments/${ids[0]}/evaluation/reopen`, { token: secretariat.token });
    expectProblem(await read(first.token), 403, 'FORBIDDEN');
    expect(evaluatorsOf((await read(second.token)).body)).toEqual([second.id]);

    const all = await read(secretariat.token);
    expect(all.body.total).toBe(3);
    expect(all.body.items.map((e: { status: string }) => e.status).sort()).toEqual(['assigned', 'draft', 'submitted']);
    expectProblem(
      await api.get(`/api/v1/applications/${otherApplicationId}/evaluations`, { token: second.token }),
      404,
      'NOT_FOUND',
    );
  });

  it('answers 404 for unknown applications, 400 for malformed ids, 401 without a token', async () => {
    expectProblem(
      await api.get(`/api/v1/applications/${randomUUID()}/evaluations`, { token: secretariat.token }),
      404,
      'NOT_FOUND',
    );
    expectProblem(
      await api.get(`/api/v1/applications/${randomUUID()}/evaluations`, { token: first.token }),
      404,
      'NOT_FOUND',
    );
    expectProblem(
      await api.get('/api/v1/applications/42/evaluations', { token: secretariat.token }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(await api.get(`/api/v1/applications/${randomUUID()}/evaluations`), 401, 'UNAUTHENTICATED');
  });

  it('never shows applicants evaluations, evaluators or panels', async () => {
    const { callId, applicationId, ids } = await threeEvaluators();
    await evaluate(api, first.token, ids[0]);
    await api.post(`/api/v1/calls/${callId}/conflicts`, {
      token: third.token,
      body: { applicationId, reason: 'Late conflict.' },
    });

    const own = await api.get(`/api/v1/applications/${applicationId}`, { token: owner.token });
    expect(own.status).toBe(200);
    const mine = await api.get('/api/v1/me/applications', { token: owner.token });
    for (const body of [own.body, mine.body]) {
      const text = JSON.stringify(body);
      for (const evaluator of [first, second, third]) {
        expect(text).not.toContain(evaluator.id);
        expect(text).not.toContain(evaluator.email);
      }
      expect(text).not.toMatch(/evaluat|assignment|score|conflict/i);
    }

    expectProblem(
      await api.get(`/api/v1/applications/${applicationId}/evaluations`, { token: owner.token }),
      403,
      'FORBIDDEN',
    );
    expectProblem(await api.get(`/api/v1/assignments/${ids[0]}/evaluation`, { token: owner.token }), 403, 'FORBIDDEN');
    expectProblem(await api.get(`/api/v1/calls/${callId}/panel`, { token: owner.token }), 403, 'FORBIDDEN');
    expectProblem(await api.get(`/api/v1/calls/${callId}/conflicts`, { token: owner.token }), 403, 'FORBIDDEN');
    const declared = await api.post(`/api/v1/calls/${callId}/conflicts`, {
      token: owner.token,
      body: { applicationId, reason: 'Trying my luck.' },
    });
    expectProblem(declared, 403, 'FORBIDDEN');
  });
});
