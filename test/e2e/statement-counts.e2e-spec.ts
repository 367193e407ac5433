import { DataSource } from 'typeorm';
import { withEnv } from '../support/async';
import { draftId, intakeCallOverrides, patchAnswers } from '../support/applications';
import {
  assignmentId,
  callWithSubmissions,
  createEvaluators,
  saveDraft,
  seatPanel,
  secretariatOf,
} from '../support/evaluation-fixtures';
import { Actor, Applicant, createApplicant, createCall } from '../support/fixtures';
import { StatementCounter } from '../support/statement-counter';
import { TestApi } from '../support/test-app';

/** A call scored on eight criteria: the evaluation form of a real round. */
const EIGHT_CRITERIA = Array.from({ length: 8 }, (_, i) => ({
  code: `C${i + 1}`,
  title: `Criterion ${i + 1}`,
  weight: 0.125,
}));

/**
 * How many SQL statements each hot endpoint sends, counted on the pool's connections as they are
 * sent: START TRANSACTION and COMMIT count like any other statement. The cache of callers' states
 * is off (TOKEN_STATE_CACHE_MS=0), so every authenticated request pays its one statement resolving
 * the caller, the worst case, and the counts do not depend on timing.
 */
describe('statements sent by the hot endpoints', () => {
  let api: TestApi;
  let counter: StatementCounter;
  let intakeCallId: string;
  let applicant: Applicant;

  beforeAll(async () => {
    api = await withEnv({ TOKEN_STATE_CACHE_MS: '0' }, () => TestApi.start());
    counter = StatementCounter.attach(api.app.get(DataSource));
    const secretariat = await secretariatOf(api);
    intakeCallId = (await createCall(api, secretariat.token, intakeCallOverrides())).id;
    applicant = await createApplicant(api);
  });
  afterAll(() => api.close());

  it("the public call list: one statement for a full page, with its total and its calls' criteria and questions", async () => {
    const own = await createCall(api, (await secretariatOf(api)).token);
    const { result, statements } = await counter.during(() => api.get('/api/v1/calls', { query: { limit: 500 } }));
    expect(result.status).toBe(200);
    expect(result.body.total).toBeGreaterThan(1);
    // Other suites' calls share the list; this suite's own carries its criteria and questions.
    const mine = result.body.items.find((call: { id: string }) => call.id === own.id);
    expect(mine.criteria.length).toBeGreaterThan(0);
    expect(mine.questions.length).toBeGreaterThan(0);
    expect(statements).toHaveLength(1);
  });

  it('an application read by its owner: the caller, the application with its documents and its call', async () => {
    const id = await draftId(api, applicant.token, intakeCallId, { programme: 'Mentoring' });
    const { result, statements } = await counter.during(() =>
      api.get(`/api/v1/applications/${id}`, { token: applicant.token }),
    );
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ id, answers: { programme: 'Mentoring' }, documents: [] });
    expect(statements).toHaveLength(2);
  });

  it('an autosave: the caller, the application with its call, the update that answers the row with its documents', async () => {
    const other = await createApplicant(api);
    const id = await draftId(api, other.token, intakeCallId, { programme: 'Mentoring' });
    const { result, statements } = await counter.during(() =>
      patchAnswers(api, other.token, id, 1, { stage: 'growth' }),
    );
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ version: 2, answers: { programme: 'Mentoring', stage: 'growth' } });
    expect(statements).toHaveLength(3);
  });

  it("the caller's applications: the same statements for a page of applications to three calls as to one", async () => {
    const secretariat = await secretariatOf(api);
    const member = await createApplicant(api);
    const calls = await Promise.all([1, 2, 3].map(() => createCall(api, secretariat.token)));
    for (const call of calls) await draftId(api, member.token, call.id, { programme: 'Mentoring' });
    const pageOf = (limit: number) =>
      counter.during(() => api.get('/api/v1/me/applications', { token: member.token, query: { limit } }));
    const [one, three] = [await pageOf(1), await pageOf(3)];
    expect(three.result.body.items.map((a: { call: { id: string } }) => a.call.id).sort()).toEqual(
      calls.map((c) => c.id).sort(),
    );
    expect(one.result.body.items).toHaveLength(1);
    expect(three.statements).toHaveLength(one.statements.length);
  });

  /**
   * The caller, the application and the organisation; then BEGIN, the call share-locked, the
   * application locked, its documents' kinds and the clock, the update answering the row, the audit
   * event, the acknowledgement (recipient's language, notification, outbox row), COMMIT.
   */
  it('a submission: its checks and writes in one transaction with the audit event and the acknowledgement', async () => {
    const { id: callId } = await createCall(api, (await secretariatOf(api)).token);
    const id = await draftId(api, applicant.token, callId, { programme: 'A six-month programme.' });
    const { result, statements } = await counter.during(() =>
      api.post(`/api/v1/applications/${id}/submit`, { token: applicant.token }),
    );
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ status: 'submitted', eligibility: { eligible: true } });
    expect(statements).toHaveLength(13);
  });

  describe('an evaluation of eight criteria', () => {
    let evaluator: Actor;
    let assignment: string;

    beforeAll(async () => {
      const scored = await createApplicant(api, 'KE');
      [evaluator] = await createEvaluators(api, [{ countryCode: 'FR' }]);
      const { callId, applicationIds } = await callWithSubmissions(api, [scored], { criteria: EIGHT_CRITERIA });
      await seatPanel(api, callId, [evaluator]);
      assignment = await assignmentId(api, callId, applicationIds[0], evaluator.id);
    });

    /** The caller; BEGIN, the assignment locked with its call share-locked, scores and status in one statement, the audit event, COMMIT. */
    it('saved as a draft, then saved again: the same statements each time', async () => {
      for (const score of [6, 7]) {
        const scores = EIGHT_CRITERIA.map((c) => ({ criterionCode: c.code, score }));
        const { result, statements } = await counter.during(() =>
          saveDraft(api, evaluator.token, assignment, { scores, overallComment: 'Solid.' }),
        );
        expect(result.status).toBe(200);
        expect(result.body).toMatchObject({ status: 'draft', overallComment: 'Solid.' });
        expect(result.body.scores).toEqual(scores);
        expect(statements).toHaveLength(6);
      }
    });
  });

  it('the calls a panel member chairs: the same statements for a page of one call as for a page of three', async () => {
    const secretariat = await secretariatOf(api);
    const [chair] = await createEvaluators(api, [{ countryCode: 'CA', displayName: 'Counted Chair' }]);
    const calls = await Promise.all([1, 2, 3].map(() => createCall(api, secretariat.token)));
    for (const call of calls) {
      await seatPanel(api, call.id, [chair]);
      const named = await api.put(`/api/v1/calls/${call.id}/moderation/chair`, {
        token: secretariat.token,
        body: { evaluatorId: chair.id },
      });
      expect(named.status).toBe(200);
    }
    const pageOf = (limit: number) =>
      counter.during(() => api.get('/api/v1/moderation/chaired-calls', { token: chair.token, query: { limit } }));
    const [one, three] = [await pageOf(1), await pageOf(3)];
    expect(one.result.body.items).toHaveLength(1);
    expect(three.result.body.items.map((c: { callId: string }) => c.callId).sort()).toEqual(
      calls.map((c) => c.id).sort(),
    );
    expect(three.result.body.items[0]).toEqual({
      callId: one.result.body.items[0].callId,
      reference: expect.any(String),
      title: expect.any(String),
    });
    // The caller, the page of chaired calls with its total, their calls in one statement.
    expect(three.statements).toHaveLength(one.statements.length);
    expect(three.statements).toHaveLength(3);
  });

  it('no request but a sign-in reads a password hash', async () => {
    const { statements } = await counter.during(async () => {
      await api.get('/api/v1/me', { token: applicant.token });
      await api.get('/api/v1/me/applications', { token: applicant.token });
    });
    expect(statements.length).toBeGreaterThan(0);
    expect(statements.filter((s) => /password_hash/.test(s))).toEqual([]);
  });
});
