import type { Response } from 'supertest';
import { download, expectProblem } from '../support/applications';
import {
  FULL_SCORES,
  assignmentId,
  callWithSubmissions,
  createApplicantsFrom,
  createEvaluators,
  saveDraft,
  seatPanel,
  secretariatOf,
  submitEvaluation,
} from '../support/evaluation-fixtures';
import { Actor } from '../support/fixtures';
import { csvRecords, workbookRecords } from '../support/spreadsheets';
import { TestApi } from '../support/test-app';

/** An evaluator says how confident it is; the secretariat reads it beside the scores and exports it. */
describe('evaluation: confidence', () => {
  let api: TestApi;
  let secretariat: Actor;
  let sure: Actor, silent: Actor;
  let callId: string;
  let applicationId: string;
  let sureAssignment: string, silentAssignment: string;

  beforeAll(async () => {
    api = await TestApi.start();
    secretariat = await secretariatOf(api);
    [sure, silent] = await createEvaluators(api, [{ displayName: 'Sure evaluator' }, { displayName: 'Silent one' }]);
    const applicants = await createApplicantsFrom(api, [{ countryCode: 'SN', organisationName: 'Centre de Thiès' }]);
    ({
      callId,
      applicationIds: [applicationId],
    } = await callWithSubmissions(api, applicants));
    await seatPanel(api, callId, [sure, silent]);
    sureAssignment = await assignmentId(api, callId, applicationId, sure.id);
    silentAssignment = await assignmentId(api, callId, applicationId, silent.id);
  }, 120_000);
  afterAll(() => api.close());

  const evaluationsRead = async (): Promise<Array<{ assignmentId: string; confidence: string | null }>> => {
    const res = await api.get(`/api/v1/applications/${applicationId}/evaluations`, { token: secretariat.token });
    expect(res.status).toBe(200);
    return res.body.items;
  };

  it('saves the confidence with the draft, answers it, and keeps it through submission', async () => {
    const saved = await saveDraft(api, sure.token, sureAssignment, { scores: FULL_SCORES, confidence: 'medium' });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ status: 'draft', confidence: 'medium' });

    const resaved = await saveDraft(api, sure.token, sureAssignment, { scores: FULL_SCORES, confidence: 'high' });
    expect(resaved.body.confidence).toBe('high');
    const submitted = await submitEvaluation(api, sure.token, sureAssignment);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', confidence: 'high' });

    const own = await api.get(`/api/v1/assignments/${sureAssignment}/evaluation`, { token: sure.token });
    expect(own.body.confidence).toBe('high');
    expect(await evaluationsRead()).toContainEqual(
      expect.objectContaining({ assignmentId: sureAssignment, confidence: 'high' }),
    );
  });

  it('takes a body without confidence, as clients written before it send, and submits it', async () => {
    const saved = await saveDraft(api, silent.token, silentAssignment, { scores: FULL_SCORES });
    expect(saved.status).toBe(200);
    expect(saved.body.confidence).toBeNull();

    const submitted = await submitEvaluation(api, silent.token, silentAssignment);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', confidence: null });
    expect(await evaluationsRead()).toContainEqual(
      expect.objectContaining({ assignmentId: silentAssignment, confidence: null }),
    );
  });

  it('shows a colleague’s confidence to an evaluator who has submitted', async () => {
    const res = await api.get(`/api/v1/applications/${applicationId}/evaluations`, { token: silent.token });
    expect(res.status).toBe(200);
    expect(res.body.items).toContainEqual(
      expect.objectContaining({ assignmentId: sureAssignment, confidence: 'high' }),
    );
  });

  it('exports the confidence beside the scores, in CSV and in the workbook', async () => {
    const url = (format: string) => `/api/v1/calls/${callId}/evaluations/export?format=${format}`;
    const csv: Response = await download(api, url('csv'), secretariat.token);
    expect(csv.status).toBe(200);
    const rows = csvRecords(csv.body as Buffer);
    const headers = Object.keys(rows[0]);
    expect(headers.slice(headers.indexOf('status'), headers.indexOf('status') + 3)).toEqual([
      'status',
      'confidence',
      'IMPACT.score',
    ]);
    expect(rows.map((r) => [r.evaluator, r.confidence]).sort()).toEqual([
      ['Silent one', ''],
      ['Sure evaluator', 'high'],
    ]);

    const workbook = await workbookRecords((await download(api, url('xlsx'), secretariat.token)).body as Buffer);
    expect(workbook.map((r) => [r.evaluator, r.confidence]).sort()).toEqual([
      ['Silent one', null],
      ['Sure evaluator', 'high'],
    ]);
  });

  it('counts, for the scoring page, how confident each evaluator said it was', async () => {
    const res = await api.get(`/api/v1/calls/${callId}/evaluator-confidence`, { token: secretariat.token });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(2);
    expect(res.body.items).toEqual(
      expect.arrayContaining([
        { evaluatorId: sure.id, low: 0, medium: 0, high: 1, notStated: 0 },
        { evaluatorId: silent.id, low: 0, medium: 0, high: 0, notStated: 1 },
      ]),
    );
    const past = await api.get(`/api/v1/calls/${callId}/evaluator-confidence`, {
      token: secretariat.token,
      query: { offset: 5 },
    });
    expect(past.body).toEqual({ items: [], total: 2 });
    expectProblem(
      await api.get(`/api/v1/calls/00000000-0000-4000-8000-000000000000/evaluator-confidence`, {
        token: secretariat.token,
      }),
      404,
      'NOT_FOUND',
    );
    expectProblem(
      await api.get(`/api/v1/calls/${callId}/evaluator-confidence`, {
        token: secretariat.token,
        query: { limit: 501 },
      }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await api.get(`/api/v1/calls/${callId}/evaluator-confidence`, { token: sure.token }),
      403,
      'FORBIDDEN',
    );
  });

  it.each([['certain'], [3], [''], [['high']]])('refuses the confidence %j with a problem naming it', async (value) => {
    const res = await saveDraft(api, sure.token, sureAssignment, { scores: FULL_SCORES, confidence: value });
    expect(expectProblem(res, 400, 'VALIDATION_FAILED')).toEqual([expect.objectContaining({ field: 'confidence' })]);
  });
});
