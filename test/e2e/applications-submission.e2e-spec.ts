import {
  COMPLETE_ANSWERS,
  auditActions,
  createStaffPair,
  draftId,
  expectProblem,
  intakeCallOverrides,
  patchAnswers,
  sql,
  uploadDocument,
} from '../support/applications';
import { SAMPLE_PDF, SAMPLE_PNG, createApplicant, createCall } from '../support/fixtures';
import { TestApi } from '../support/test-app';

describe('application submission', () => {
  let api: TestApi;
  let secretariatToken: string;
  let callId: string;

  beforeAll(async () => {
    api = await TestApi.start();
    secretariatToken = (await createStaffPair(api)).secretariat.token;
    callId = (await createCall(api, secretariatToken, intakeCallOverrides())).id;
  });
  afterAll(() => api.close());

  const submit = (token: string, id: string) => api.post(`/api/v1/applications/${id}/submit`, { token });
  const withdraw = (token: string, id: string) => api.post(`/api/v1/applications/${id}/withdraw`, { token });

  describe('completeness', () => {
    it('refuses missing required answers with 422 naming each field, and stays a draft', async () => {
      const applicant = await createApplicant(api);
      const id = await draftId(api, applicant.token, callId, { startups_per_year: 4, programme: '   ' });

      const errors = expectProblem(await submit(applicant.token, id), 422, 'INCOMPLETE_APPLICATION');
      expect(errors.map((e) => e.field).sort()).toEqual(['answers.programme', 'answers.stage']);
      // A code and its parameters let the client say it in the applicant's language.
      expect(errors.find((e) => e.field === 'answers.stage')).toMatchObject({
        code: 'REQUIRED',
        params: { label: expect.any(String) },
      });
      const [row] = await sql(api, 'SELECT status, submitted_at, eligibility FROM applications WHERE id = $1', [id]);
      expect(row).toEqual({ status: 'draft', submitted_at: null, eligibility: null });
    });

    it('refuses missing required documents with 422 naming each kind', async () => {
      const withDocuments = await createCall(
        api,
        secretariatToken,
        intakeCallOverrides({ eligibility: { requiredDocuments: ['statutes', 'budget'] } }),
      );
      const applicant = await createApplicant(api);
      const id = await draftId(api, applicant.token, withDocuments.id);
      await uploadDocument(api, applicant.token, id, 'statutes', { buffer: SAMPLE_PDF, filename: 'statutes.pdf' });

      const errors = expectProblem(await submit(applicant.token, id), 422, 'INCOMPLETE_APPLICATION');
      expect(errors).toEqual([
        {
          field: 'documents.budget',
          message: 'the document "budget" is required',
          code: 'DOCUMENT_REQUIRED',
          params: { kind: 'budget' },
        },
      ]);

      await uploadDocument(api, applicant.token, id, 'budget', { buffer: SAMPLE_PNG, filename: 'budget.png' });
      const res = await submit(applicant.token, id);
      expect(res.status).toBe(200);
      expect(res.body.documents.map((d: { kind: string }) => d.kind).sort()).toEqual(['budget', 'statutes']);
    });

    it('reports missing answers and documents together', async () => {
      const withDocuments = await createCall(
        api,
        secretariatToken,
        intakeCallOverrides({ eligibility: { requiredDocuments: ['statutes'] } }),
      );
      const applicant = await createApplicant(api);
      const id = await draftId(api, applicant.token, withDocuments.id, { stage: 'idea' });
      const errors = expectProblem(await submit(applicant.token, id), 422, 'INCOMPLETE_APPLICATION');
      expect(errors.map((e) => e.field).sort()).toEqual(['answers.programme', 'documents.statutes']);
    });
  });

  describe('a complete draft', () => {
    it('is submitted with a submission time and an eligibility decision, once', async () => {
      const applicant = await createApplicant(api, 'KE');
      const id = await draftId(api, applicant.token, callId);
      const before = Date.now();

      const res = await submit(applicant.token, id);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id,
        status: 'submitted',
        answers: COMPLETE_ANSWERS,
        eligibility: { eligible: true, reasons: [], overridden: false },
      });
      const submittedAt = new Date(res.body.submittedAt as string).getTime();
      expect(submittedAt).toBeGreaterThanOrEqual(before - 1000);
      expect(submittedAt).toBeLessThanOrEqual(Date.now() + 1000);

      const again = await submit(applicant.token, id);
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({
        status: 'submitted',
        submittedAt: res.body.submittedAt,
        version: res.body.version,
      });
      expect(again.body.eligibility).toEqual(res.body.eligibility);
      expect(await auditActions(api, id)).toEqual(['application.created', 'application.submitted']);
    });

    it('is submitted once when the submission is sent twice at the same time', async () => {
      const applicant = await createApplicant(api);
      const id = await draftId(api, applicant.token, callId);
      const [a, b] = await Promise.all([submit(applicant.token, id), submit(applicant.token, id)]);
      expect([a.status, b.status]).toEqual([200, 200]);
      expect(a.body.submittedAt).toBe(b.body.submittedAt);
      expect(await auditActions(api, id)).toEqual(['application.created', 'application.submitted']);
    });

    it('can no longer be edited or have documents added', async () => {
      const applicant = await createApplicant(api);
      const id = await draftId(api, applicant.token, callId);
      const submitted = await submit(applicant.token, id);

      const patch = await patchAnswers(api, applicant.token, id, submitted.body.version as number, { motto: 'Late' });
      expectProblem(patch, 409, 'INVALID_TRANSITION');
      const upload = await uploadDocument(api, applicant.token, id, 'annex', { buffer: SAMPLE_PDF, filename: 'a.pdf' });
      expectProblem(upload, 409, 'INVALID_TRANSITION');
      const [row] = await sql(api, 'SELECT answers FROM applications WHERE id = $1', [id]);
      expect(row).toEqual({ answers: COMPLETE_ANSWERS });
    });
  });

  describe('eligibility rules', () => {
    it('submits an organisation of an excluded type, as not eligible', async () => {
      const forAccelerators = await createCall(
        api,
        secretariatToken,
        intakeCallOverrides({ eligibility: { organisationTypes: ['accelerator', 'incubator'] } }),
      );
      const hub = await createApplicant(api, 'FR', { type: 'innovation_hub' });
      const accelerator = await createApplicant(api, 'FR', { type: 'accelerator' });

      const refused = await submit(hub.token, await draftId(api, hub.token, forAccelerators.id));
      expect(refused.status).toBe(200);
      expect(refused.body.status).toBe('submitted');
      expect(refused.body.eligibility).toMatchObject({ eligible: false, overridden: false });
      expect(refused.body.eligibility.reasons).toEqual([
        expect.objectContaining({ code: 'ORGANISATION_TYPE_NOT_ELIGIBLE' }),
      ]);

      const admitted = await submit(accelerator.token, await draftId(api, accelerator.token, forAccelerators.id));
      expect(admitted.body.eligibility).toEqual({ eligible: true, reasons: [], overridden: false });
    });

    it('submits an observer country as not eligible unless the call lists it', async () => {
      const palestinian = await createApplicant(api, 'PS');
      const refused = await submit(palestinian.token, await draftId(api, palestinian.token, callId));
      expect(refused.status).toBe(200);
      expect(refused.body).toMatchObject({ status: 'submitted', countryCode: 'PS', region: 'ARB' });
      expect(refused.body.eligibility).toMatchObject({ eligible: false, overridden: false });
      expect(refused.body.eligibility.reasons).toEqual([expect.objectContaining({ code: 'COUNTRY_NOT_ELIGIBLE' })]);

      const admitting = await createCall(
        api,
        secretariatToken,
        intakeCallOverrides({ eligibility: { countryCodes: ['PS'] } }),
      );
      const admitted = await submit(palestinian.token, await draftId(api, palestinian.token, admitting.id));
      expect(admitted.body.eligibility).toEqual({ eligible: true, reasons: [], overridden: false });
    });

    it('gives every reason when several rules fail', async () => {
      const strict = await createCall(
        api,
        secretariatToken,
        intakeCallOverrides({ eligibility: { organisationTypes: ['academia'] } }),
      );
      const applicant = await createApplicant(api, 'PS', { type: 'ngo' });
      const res = await submit(applicant.token, await draftId(api, applicant.token, strict.id));
      expect(res.body.eligibility.eligible).toBe(false);
      expect(res.body.eligibility.reasons.map((r: { code: string }) => r.code).sort()).toEqual([
        'COUNTRY_NOT_ELIGIBLE',
        'ORGANISATION_TYPE_NOT_ELIGIBLE',
      ]);
    });
  });

  describe('withdrawal', () => {
    it('withdraws a submitted application, idempotently, and it cannot be resubmitted', async () => {
      const applicant = await createApplicant(api);
      const id = await draftId(api, applicant.token, callId);
      const submitted = await submit(applicant.token, id);

      const res = await withdraw(applicant.token, id);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'withdrawn', submittedAt: submitted.body.submittedAt });
      expect(res.body.withdrawnAt).toEqual(expect.any(String));

      const again = await withdraw(applicant.token, id);
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ status: 'withdrawn', withdrawnAt: res.body.withdrawnAt });

      expectProblem(await submit(applicant.token, id), 409, 'INVALID_TRANSITION');
      const patch = await patchAnswers(api, applicant.token, id, again.body.version as number, { motto: 'Back' });
      expectProblem(patch, 409, 'INVALID_TRANSITION');
      expect(await auditActions(api, id)).toEqual([
        'application.created',
        'application.submitted',
        'application.withdrawn',
      ]);
    });

    it('withdraws a draft, which then cannot be submitted', async () => {
      const applicant = await createApplicant(api);
      const id = await draftId(api, applicant.token, callId);
      const res = await withdraw(applicant.token, id);
      expect(res.body).toMatchObject({ status: 'withdrawn', submittedAt: null });
      expectProblem(await submit(applicant.token, id), 409, 'INVALID_TRANSITION');
      const [row] = await sql(api, 'SELECT status, submitted_at FROM applications WHERE id = $1', [id]);
      expect(row).toEqual({ status: 'withdrawn', submitted_at: null });
    });
  });
});
