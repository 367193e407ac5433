import { randomUUID } from 'node:crypto';
import { Actor, Applicant } from '../support/fixtures';
import { TestApi } from '../support/test-app';
import { expectProblem, sql } from '../support/applications';
import {
  assignmentId,
  assignmentRow,
  auditEvents,
  callWithSubmissions,
  createApplicantsFrom,
  createEvaluators,
  criterionScores,
  evaluate,
  publishCall,
  saveDraft,
  seatPanel,
  secretariatOf,
  submitEvaluation,
} from '../support/evaluation-fixtures';

/** A call scored from 1 to 5 on three criteria. */
const SCALE_1_TO_5 = {
  scoring: { scaleMin: 1, scaleMax: 5, normalization: 'none' },
  criteria: [
    { code: 'IMPACT', title: 'Impact', weight: 0.5 },
    { code: 'CAPACITY', title: 'Capacity', weight: 0.3 },
    { code: 'NETWORK', title: 'Network', weight: 0.2 },
  ],
};
const COMPLETE = [
  { criterionCode: 'IMPACT', score: 5, comment: 'Strong pipeline.' },
  { criterionCode: 'CAPACITY', score: 1 },
  { criterionCode: 'NETWORK', score: 3, comment: 'Regional partners only.' },
];

/** The evaluation form: drafts, scale and criteria checks, submission, reopening, publication. */
describe('evaluation: scoring an application', () => {
  let api: TestApi;
  let secretariat: Actor;
  let first: Actor, second: Actor;
  let applicant: Applicant;

  beforeAll(async () => {
    api = await TestApi.start();
    secretariat = await secretariatOf(api);
    [[first, second], [applicant]] = await Promise.all([
      createEvaluators(api, [{ countryCode: 'DE' }, { countryCode: 'IN' }]),
      createApplicantsFrom(api, [{ countryCode: 'KE' }]),
    ]);
  });
  afterAll(() => api.close());

  /** One application assigned to both evaluators; answers their assignment ids. */
  async function assigned(): Promise<{ callId: string; applicationId: string; mine: string; theirs: string }> {
    const { callId, applicationIds } = await callWithSubmissions(api, [applicant], SCALE_1_TO_5);
    await seatPanel(api, callId, [first, second]);
    const [mine, theirs] = [
      await assignmentId(api, callId, applicationIds[0], first.id),
      await assignmentId(api, callId, applicationIds[0], second.id),
    ];
    return { callId, applicationId: applicationIds[0], mine, theirs };
  }

  const reopen = (token: string | undefined, id: string) =>
    api.post(`/api/v1/assignments/${id}/evaluation/reopen`, { token });

  it('saves a partial draft as often as needed, each save replacing the last', async () => {
    const { mine } = await assigned();
    const draft = await saveDraft(api, first.token, mine, {
      scores: [{ criterionCode: 'IMPACT', score: 4, comment: 'Good reach.' }],
      overallComment: 'Promising.',
    });
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({
      assignmentId: mine,
      evaluatorId: first.id,
      status: 'draft',
      scores: [{ criterionCode: 'IMPACT', score: 4, comment: 'Good reach.' }],
      overallComment: 'Promising.',
      submittedAt: null,
    });
    expect(await criterionScores(api, mine)).toEqual([{ criterionCode: 'IMPACT', score: 4, comment: 'Good reach.' }]);

    const again = await saveDraft(api, first.token, mine, {
      scores: [
        { criterionCode: 'NETWORK', score: 2 },
        { criterionCode: 'CAPACITY', score: 3, comment: 'Lean.' },
      ],
      overallComment: 'Revised.',
    });
    expect(again.status).toBe(200);
    expect(await criterionScores(api, mine)).toEqual([
      { criterionCode: 'CAPACITY', score: 3, comment: 'Lean.' },
      { criterionCode: 'NETWORK', score: 2, comment: null },
    ]);
    const read = await api.get(`/api/v1/assignments/${mine}/evaluation`, { token: first.token });
    expect(read.body).toMatchObject({ status: 'draft', overallComment: 'Revised.' });
    expect(read.body.scores).toHaveLength(2);
    expect((await auditEvents(api, 'assignment', mine)).filter((e) => e.action === 'evaluation.saved')).toHaveLength(2);
  });

  it('refuses scores outside the scale, non-integers, unknown or repeated criteria and malformed forms', async () => {
    const { mine } = await assigned();
    const score = (entry: Record<string, unknown>) => ({ scores: [{ criterionCode: 'IMPACT', score: 3, ...entry }] });
    const cases: Array<[unknown, string]> = [
      [score({ score: 6 }), 'scores.0.score'],
      [score({ score: 0 }), 'scores.0.score'],
      [score({ score: -1 }), 'scores.0.score'],
      [score({ score: 3.5 }), 'scores.0.score'],
      [score({ score: '4' }), 'scores.0.score'],
      [score({ score: null }), 'scores.0.score'],
      [score({ criterionCode: 'BUDGET' }), 'scores.0.criterionCode'],
      [score({ criterionCode: undefined }), 'scores.0.criterionCode'],
      [score({ weight: 2 }), 'scores.0.weight'],
      [score({ comment: 'x'.repeat(5001) }), 'scores.0.comment'],
      [{ scores: [...COMPLETE, { criterionCode: 'IMPACT', score: 2 }] }, 'scores.3.criterionCode'],
      [{ scores: 'IMPACT=3' }, 'scores'],
      [{}, 'scores'],
      [{ scores: [], verdict: 'fund' }, 'verdict'],
      [{ scores: [], overallComment: 42 }, 'overallComment'],
    ];
    for (const [body, field] of cases) {
      const errors = expectProblem(await saveDraft(api, first.token, mine, body), 400, 'VALIDATION_FAILED');
      expect(errors.map((e) => e.field)).toContain(field);
    }
    expectProblem(await saveDraft(api, first.token, 'not-a-uuid', score({})), 400, 'VALIDATION_FAILED');
    // A refused score says why with a stable code (and the scale, which a client words in its language).
    const scoreError = async (value: unknown) =>
      (
        expectProblem(
          await saveDraft(api, first.token, mine, score({ score: value })),
          400,
          'VALIDATION_FAILED',
        ) as Array<Record<string, unknown>>
      ).find((error) => error.field === 'scores.0.score');
    for (const outside of [0, 6, 11])
      expect(await scoreError(outside)).toMatchObject({ code: 'OUT_OF_SCALE', params: { min: 1, max: 5 } });
    for (const fraction of [3.5, 7.5]) expect(await scoreError(fraction)).toMatchObject({ code: 'IS_INT' });
    expect(await criterionScores(api, mine)).toEqual([]);
    expect((await assignmentRow(api, mine)).status).toBe('assigned');

    const bounds = await saveDraft(api, first.token, mine, { scores: COMPLETE });
    expect(bounds.status).toBe(200);
    expect(await criterionScores(api, mine)).toHaveLength(3);
  });

  it('submits only once every criterion is scored, keeping the comments', async () => {
    const { mine } = await assigned();
    const none = expectProblem(await submitEvaluation(api, first.token, mine), 422, 'INCOMPLETE_EVALUATION');
    expect(none.map((e) => e.field).sort()).toEqual(['scores.CAPACITY', 'scores.IMPACT', 'scores.NETWORK']);
    await saveDraft(api, first.token, mine, { scores: COMPLETE.slice(0, 2) });
    const partial = expectProblem(await submitEvaluation(api, first.token, mine), 422, 'INCOMPLETE_EVALUATION');
    expect(partial.map((e) => e.field)).toEqual(['scores.NETWORK']);
    expect((await assignmentRow(api, mine)).status).toBe('draft');

    await saveDraft(api, first.token, mine, { scores: COMPLETE, overallComment: 'Recommend.' });
    const submitted = await submitEvaluation(api, first.token, mine);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', overallComment: 'Recommend.' });
    expect(submitted.body.submittedAt).toEqual(expect.any(String));
    const row = await assignmentRow(api, mine);
    expect(row.status).toBe('submitted');
    expect(row.submittedAt?.toISOString()).toBe(submitted.body.submittedAt);
    expect(await criterionScores(api, mine)).toEqual([
      { criterionCode: 'CAPACITY', score: 1, comment: null },
      { criterionCode: 'IMPACT', score: 5, comment: 'Strong pipeline.' },
      { criterionCode: 'NETWORK', score: 3, comment: 'Regional partners only.' },
    ]);
    expect((await auditEvents(api, 'assignment', mine)).map((e) => e.action)).toContain('evaluation.submitted');

    const repeated = await submitEvaluation(api, first.token, mine);
    expect(repeated.status).toBe(200);
    expect(repeated.body.submittedAt).toBe(submitted.body.submittedAt);
    expectProblem(await saveDraft(api, first.token, mine, { scores: COMPLETE }), 409, 'INVALID_TRANSITION');
  });

  it('lets the secretariat reopen a submitted evaluation as a draft, scores kept', async () => {
    const { mine, theirs } = await assigned();
    expectProblem(await reopen(secretariat.token, mine), 409, 'INVALID_TRANSITION');
    await evaluate(api, first.token, mine, COMPLETE);

    expectProblem(await reopen(undefined, mine), 401, 'UNAUTHENTICATED');
    expectProblem(await reopen(first.token, mine), 403, 'FORBIDDEN');
    expectProblem(await reopen(applicant.token, mine), 403, 'FORBIDDEN');
    expectProblem(await reopen(secretariat.token, randomUUID()), 404, 'NOT_FOUND');
    expectProblem(await reopen(secretariat.token, 'nope'), 400, 'VALIDATION_FAILED');
    expectProblem(await reopen(secretariat.token, theirs), 409, 'INVALID_TRANSITION');

    const res = await reopen(secretariat.token, mine);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'draft', submittedAt: null });
    expect(res.body.scores).toHaveLength(3);
    expect(await assignmentRow(api, mine)).toMatchObject({ status: 'draft', submittedAt: null });
    expect(await criterionScores(api, mine)).toHaveLength(3);
    expect((await auditEvents(api, 'assignment', mine)).at(-1)).toMatchObject({
      action: 'evaluation.reopened',
      actorId: secretariat.id,
    });

    const edited = [{ ...COMPLETE[0], score: 2 }, ...COMPLETE.slice(1)];
    expect((await evaluate(api, first.token, mine, edited)).body.status).toBe('submitted');
    expect((await criterionScores(api, mine))[1]).toMatchObject({ criterionCode: 'IMPACT', score: 2 });
  });

  it('is written by its own evaluator only, and read by it and the secretariat', async () => {
    const { mine } = await assigned();
    const body = { scores: COMPLETE };
    expectProblem(await saveDraft(api, second.token, mine, body), 404, 'NOT_FOUND');
    expectProblem(await submitEvaluation(api, second.token, mine), 404, 'NOT_FOUND');
    expectProblem(await saveDraft(api, secretariat.token, mine, body), 403, 'FORBIDDEN');
    expectProblem(await saveDraft(api, applicant.token, mine, body), 403, 'FORBIDDEN');
    expectProblem(await submitEvaluation(api, applicant.token, mine), 403, 'FORBIDDEN');
    expectProblem(await api.put(`/api/v1/assignments/${mine}/evaluation`, { body }), 401, 'UNAUTHENTICATED');
    expectProblem(await saveDraft(api, first.token, randomUUID(), body), 404, 'NOT_FOUND');
    expectProblem(await submitEvaluation(api, first.token, randomUUID()), 404, 'NOT_FOUND');
    expectProblem(await api.post(`/api/v1/assignments/${mine}/evaluation/submit`), 401, 'UNAUTHENTICATED');
    expectProblem(await submitEvaluation(api, first.token, 'mine'), 400, 'VALIDATION_FAILED');
    expect(await criterionScores(api, mine)).toEqual([]);

    await saveDraft(api, first.token, mine, body);
    const url = `/api/v1/assignments/${mine}/evaluation`;
    expect((await api.get(url, { token: first.token })).body.scores).toHaveLength(3);
    expect((await api.get(url, { token: secretariat.token })).status).toBe(200);
    expectProblem(await api.get(url, { token: second.token }), 404, 'NOT_FOUND');
    expectProblem(await api.get(url, { token: applicant.token }), 403, 'FORBIDDEN');
    expectProblem(await api.get(url), 401, 'UNAUTHENTICATED');
    expectProblem(
      await api.get(`/api/v1/assignments/${randomUUID()}/evaluation`, { token: first.token }),
      404,
      'NOT_FOUND',
    );
    expectProblem(await api.get('/api/v1/assignments/1/evaluation', { token: first.token }), 400, 'VALIDATION_FAILED');
  });

  it('takes no more scores on a declined or released assignment', async () => {
    const { mine, theirs } = await assigned();
    await api.post(`/api/v1/assignments/${mine}/decline`, { token: first.token, body: { reason: 'Late conflict.' } });
    await api.post(`/api/v1/assignments/${theirs}/release`, { token: secretariat.token, body: { reason: 'Away.' } });
    for (const [token, id] of [
      [first.token, mine],
      [second.token, theirs],
    ]) {
      expectProblem(await saveDraft(api, token, id, { scores: COMPLETE }), 409, 'INVALID_TRANSITION');
      expectProblem(await submitEvaluation(api, token, id), 409, 'INVALID_TRANSITION');
      expect(await criterionScores(api, id)).toEqual([]);
    }
  });

  it('refuses every evaluation write once the cohort is published', async () => {
    const { callId, applicationId, mine, theirs } = await assigned();
    await saveDraft(api, first.token, mine, { scores: COMPLETE.slice(0, 1) });
    await evaluate(api, second.token, theirs, COMPLETE);
    await publishCall(api, callId);
    const before = await sql(api, 'SELECT * FROM criterion_scores WHERE assignment_id IN ($1, $2) ORDER BY 1, 2', [
      mine,
      theirs,
    ]);

    expectProblem(await saveDraft(api, first.token, mine, { scores: COMPLETE }), 409, 'COHORT_PUBLISHED');
    expectProblem(await submitEvaluation(api, first.token, mine), 409, 'COHORT_PUBLISHED');
    expectProblem(await submitEvaluation(api, second.token, theirs), 409, 'COHORT_PUBLISHED');
    expectProblem(await reopen(secretariat.token, theirs), 409, 'COHORT_PUBLISHED');
    const reason = { reason: 'Too late now.' };
    expectProblem(
      await api.post(`/api/v1/assignments/${mine}/decline`, { token: first.token, body: reason }),
      409,
      'COHORT_PUBLISHED',
    );
    const released = await api.post(`/api/v1/assignments/${theirs}/release`, {
      token: secretariat.token,
      body: reason,
    });
    expectProblem(released, 409, 'COHORT_PUBLISHED');

    expect(await assignmentRow(api, mine)).toMatchObject({ status: 'draft' });
    expect(await assignmentRow(api, theirs)).toMatchObject({ status: 'submitted' });
    expect(
      await sql(api, 'SELECT * FROM criterion_scores WHERE assignment_id IN ($1, $2) ORDER BY 1, 2', [mine, theirs]),
    ).toEqual(before);
    const read = await api.get(`/api/v1/applications/${applicationId}/evaluations`, { token: secretariat.token });
    expect(read.status).toBe(200);
    expect(read.body.total).toBe(2);
  });
});
