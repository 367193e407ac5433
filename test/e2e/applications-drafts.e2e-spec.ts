import { randomUUID } from 'node:crypto';
import {
  COMPLETE_ANSWERS,
  Staff,
  createDraft,
  createStaffPair,
  draftId,
  expectProblem,
  intakeCallOverrides,
  patchAnswers,
  sql,
  uploadDocument,
} from '../support/applications';
import { Applicant, SAMPLE_PDF, createApplicant, createCall, uniqueEmail, login, PASSWORD } from '../support/fixtures';
import { TestApi } from '../support/test-app';

describe('application drafts', () => {
  let api: TestApi;
  let staff: Staff;
  let callId: string;

  beforeAll(async () => {
    api = await TestApi.start();
    staff = await createStaffPair(api);
    callId = (await createCall(api, staff.secretariat.token, intakeCallOverrides())).id;
  });
  afterAll(() => api.close());

  describe('creating', () => {
    it('starts a draft at version 1 with partial answers and an ETag', async () => {
      const applicant = await createApplicant(api, 'KE');
      const res = await createDraft(api, applicant.token, callId, { programme: 'Mentoring', startups_per_year: 12 });

      expect(res.status).toBe(201);
      expect(res.headers.etag).toBe('"1"');
      expect(res.body).toMatchObject({
        callId,
        organisationId: applicant.organisationId,
        countryCode: 'KE',
        region: 'AFR',
        status: 'draft',
        version: 1,
        answers: { programme: 'Mentoring', startups_per_year: 12 },
        eligibility: null,
        submittedAt: null,
        documents: [],
      });
      const [row] = await sql(api, 'SELECT status, version, answers FROM applications WHERE id = $1', [res.body.id]);
      expect(row).toEqual({ status: 'draft', version: 1, answers: { programme: 'Mentoring', startups_per_year: 12 } });
    });

    it('refuses a second application of the same organisation to the same call', async () => {
      const applicant = await createApplicant(api);
      await draftId(api, applicant.token, callId);
      expectProblem(await createDraft(api, applicant.token, callId), 409, 'DUPLICATE_APPLICATION');
      const rows = await sql(api, 'SELECT id FROM applications WHERE organisation_id = $1', [applicant.organisationId]);
      expect(rows).toHaveLength(1);
    });

    it('creates only one of two concurrent first drafts', async () => {
      const applicant = await createApplicant(api);
      const [a, b] = await Promise.all([
        createDraft(api, applicant.token, callId),
        createDraft(api, applicant.token, callId),
      ]);
      expect([a.status, b.status].sort()).toEqual([201, 409]);
      expectProblem(a.status === 409 ? a : b, 409, 'DUPLICATE_APPLICATION');
      const rows = await sql(api, 'SELECT id FROM applications WHERE organisation_id = $1', [applicant.organisationId]);
      expect(rows).toEqual([{ id: (a.status === 201 ? a : b).body.id }]);
    });

    it('requires the applicant to have registered an organisation', async () => {
      const email = uniqueEmail('no-org');
      await api.post('/api/v1/auth/register', { body: { email, password: PASSWORD, displayName: 'No org' } });
      const token = await login(api, email);
      expectProblem(await createDraft(api, token, callId), 409, 'ORGANISATION_REQUIRED');
    });

    it('does not reveal a draft call', async () => {
      const draftCall = await createCall(api, staff.secretariat.token, intakeCallOverrides(), false);
      const applicant = await createApplicant(api);
      expectProblem(await createDraft(api, applicant.token, draftCall.id), 404, 'NOT_FOUND');
      expectProblem(await createDraft(api, applicant.token, randomUUID()), 404, 'NOT_FOUND');
    });

    it('refuses an open call whose window has not started yet', async () => {
      const inAnHour = Date.now() + 3_600_000;
      const early = await createCall(
        api,
        staff.secretariat.token,
        intakeCallOverrides({ opensAt: new Date(inAnHour).toISOString() }),
      );
      expect(early.body.status).toBe('open');
      const applicant = await createApplicant(api);
      expectProblem(await createDraft(api, applicant.token, early.id), 409, 'CALL_NOT_OPEN');
    });

    it('is for applicants only', async () => {
      expectProblem(await createDraft(api, staff.secretariat.token, callId), 403, 'FORBIDDEN');
      expectProblem(await createDraft(api, staff.evaluator.token, callId), 403, 'FORBIDDEN');
    });
  });

  describe('answer validation', () => {
    let applicant: Applicant;
    beforeAll(async () => {
      applicant = await createApplicant(api);
    });

    const invalid: Array<[string, Record<string, unknown>, string]> = [
      ['an unknown question key', { favourite_colour: 'blue' }, 'favourite_colour'],
      ['a string for a number', { startups_per_year: '12' }, 'startups_per_year'],
      ['a number for a text', { programme: 42 }, 'programme'],
      ['a value outside the choice options', { stage: 'unicorn' }, 'stage'],
      ['a URL that is not http(s)', { website: 'javascript:alert(1)' }, 'website'],
      ['a malformed URL', { website: 'not a url' }, 'website'],
      ['a malformed e-mail', { contact_email: 'someone-at-example.org' }, 'contact_email'],
      ['a text over its maxLength', { motto: 'x'.repeat(21) }, 'motto'],
      ['a nested object', { programme: { text: 'nested' } }, 'programme'],
    ];

    it.each(invalid)('refuses %s when creating', async (_label, answers, key) => {
      const errors = expectProblem(await createDraft(api, applicant.token, callId, answers), 400, 'VALIDATION_FAILED');
      expect(errors.map((e) => e.field)).toEqual([`answers.${key}`]);
      const rows = await sql(api, 'SELECT id FROM applications WHERE organisation_id = $1', [applicant.organisationId]);
      expect(rows).toHaveLength(0);
    });

    it.each(invalid)('refuses %s when saving, leaving the draft unchanged', async (_label, answers, key) => {
      const other = await createApplicant(api);
      const id = await draftId(api, other.token, callId);
      const errors = expectProblem(await patchAnswers(api, other.token, id, 1, answers), 400, 'VALIDATION_FAILED');
      expect(errors.map((e) => e.field)).toEqual([`answers.${key}`]);
      const current = await api.get(`/api/v1/applications/${id}`, { token: other.token });
      expect(current.body).toMatchObject({ version: 1, answers: COMPLETE_ANSWERS });
    });

    it('accepts values at the limits', async () => {
      const res = await createDraft(api, applicant.token, callId, {
        motto: 'x'.repeat(20),
        startups_per_year: 0,
        website: 'https://hub.example.org/about',
        contact_email: 'team@hub.example.org',
        stage: 'scale',
      });
      expect(res.status).toBe(201);
      expect(res.body.answers).toEqual({
        motto: 'x'.repeat(20),
        startups_per_year: 0,
        website: 'https://hub.example.org/about',
        contact_email: 'team@hub.example.org',
        stage: 'scale',
      });
    });
  });

  describe('saving', () => {
    let applicant: Applicant;
    let id: string;
    beforeEach(async () => {
      applicant = await createApplicant(api);
      id = await draftId(api, applicant.token, callId, { programme: 'First text', startups_per_year: 3, motto: 'Go' });
    });

    it('merges answers under If-Match, removes those set to null and bumps the version', async () => {
      const res = await patchAnswers(api, applicant.token, id, 1, {
        programme: 'Second text',
        motto: null,
        stage: 'idea',
      });

      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"2"');
      expect(res.body).toMatchObject({ version: 2, status: 'draft' });
      expect(res.body.answers).toEqual({ programme: 'Second text', startups_per_year: 3, stage: 'idea' });
      const [row] = await sql(api, 'SELECT version, answers FROM applications WHERE id = $1', [id]);
      expect(row).toEqual({ version: 2, answers: { programme: 'Second text', startups_per_year: 3, stage: 'idea' } });
    });

    it('accepts the weak and unquoted forms of If-Match', async () => {
      const weak = await api.patch(`/api/v1/applications/${id}`, {
        token: applicant.token,
        headers: { 'If-Match': 'W/"1"' },
        body: { answers: { startups_per_year: 4 } },
      });
      expect(weak.status).toBe(200);
      const bare = await api.patch(`/api/v1/applications/${id}`, {
        token: applicant.token,
        headers: { 'If-Match': '2' },
        body: { answers: { startups_per_year: 5 } },
      });
      expect(bare.body).toMatchObject({ version: 3, answers: { startups_per_year: 5 } });
    });

    it('refuses a stale version with 412 and keeps the newer answers', async () => {
      expect((await patchAnswers(api, applicant.token, id, 1, { programme: 'Newer' })).status).toBe(200);
      expectProblem(await patchAnswers(api, applicant.token, id, 1, { programme: 'Stale' }), 412, 'VERSION_CONFLICT');
      const [row] = await sql(api, 'SELECT version, answers FROM applications WHERE id = $1', [id]);
      expect(row).toMatchObject({ version: 2, answers: { programme: 'Newer' } });
    });

    it('requires If-Match (428) and refuses a malformed one (400)', async () => {
      const url = `/api/v1/applications/${id}`;
      const body = { answers: { programme: 'No version' } };
      expectProblem(await api.patch(url, { token: applicant.token, body }), 428, 'PRECONDITION_REQUIRED');
      const malformed = await api.patch(url, { token: applicant.token, headers: { 'If-Match': '"abc"' }, body });
      expect(expectProblem(malformed, 400, 'VALIDATION_FAILED').map((e) => e.field)).toEqual(['If-Match']);
      const [row] = await sql(api, 'SELECT version FROM applications WHERE id = $1', [id]);
      expect(row).toEqual({ version: 1 });
    });

    it('saves answers typed before a document was attached: the upload changed the version, not the answers', async () => {
      const upload = () =>
        uploadDocument(api, applicant.token, id, 'statutes', { buffer: SAMPLE_PDF, filename: 'statutes.pdf' });
      expect((await upload()).status).toBe(201);
      const uploaded = await api.get(`/api/v1/applications/${id}`, { token: applicant.token });
      expect(uploaded.headers.etag).toBe('"2"');

      const res = await patchAnswers(api, applicant.token, id, 1, { programme: 'Typed before the upload' });
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"3"');
      expect(res.body).toMatchObject({ version: 3, answers: { programme: 'Typed before the upload' } });
      expect(res.body.documents).toHaveLength(1);

      // The same tab's save and upload at once: both land, in either order.
      const [again, saved] = await Promise.all([
        upload(),
        patchAnswers(api, applicant.token, id, 3, { programme: 'Saved while uploading' }),
      ]);
      expect([again.status, saved.status]).toEqual([201, 200]);
      const [row] = await sql(api, 'SELECT version, answers FROM applications WHERE id = $1', [id]);
      expect(row).toMatchObject({ version: 5, answers: { programme: 'Saved while uploading' } });
    });

    it('still refuses answers typed before another edit of the answers, documents attached since or not', async () => {
      expect((await patchAnswers(api, applicant.token, id, 1, { programme: 'From another tab' })).status).toBe(200);
      const upload = await uploadDocument(api, applicant.token, id, 'statutes', {
        buffer: SAMPLE_PDF,
        filename: 'statutes.pdf',
      });
      expect(upload.status).toBe(201);

      expectProblem(await patchAnswers(api, applicant.token, id, 1, { programme: 'Stale' }), 412, 'VERSION_CONFLICT');
      expectProblem(await patchAnswers(api, applicant.token, id, 4, { programme: 'Ahead' }), 412, 'VERSION_CONFLICT');
      const current = await patchAnswers(api, applicant.token, id, 2, { programme: 'Typed on the other tab’s save' });
      expect(current.body).toMatchObject({ version: 4, answers: { programme: 'Typed on the other tab’s save' } });
    });

    it('lets exactly one of two concurrent saves from the same version win', async () => {
      const [a, b] = await Promise.all([
        patchAnswers(api, applicant.token, id, 1, { programme: 'Edit from tab A', startups_per_year: 10 }),
        patchAnswers(api, applicant.token, id, 1, { programme: 'Edit from tab B', stage: 'scale' }),
      ]);

      expect([a.status, b.status].sort()).toEqual([200, 412]);
      const [winner, loser] = a.status === 200 ? [a, b] : [b, a];
      expectProblem(loser, 412, 'VERSION_CONFLICT');
      expect(winner.body.version).toBe(2);
      const [row] = await sql(api, 'SELECT version, answers FROM applications WHERE id = $1', [id]);
      expect(row).toEqual({ version: 2, answers: winner.body.answers });
      const stored = JSON.stringify(row?.answers);
      expect(stored).not.toContain(a === winner ? 'tab B' : 'tab A');
    });
  });
});
