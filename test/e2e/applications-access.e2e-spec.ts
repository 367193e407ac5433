import { randomUUID } from 'node:crypto';
import {
  COMPLETE_ANSWERS,
  Staff,
  createStaffPair,
  documentCount,
  download,
  draftId,
  expectProblem,
  intakeCallOverrides,
  patchAnswers,
  sql,
  uploadDocument,
} from '../support/applications';
import { Applicant, SAMPLE_PDF, createApplicant, createCall } from '../support/fixtures';
import { TestApi } from '../support/test-app';

describe('application access', () => {
  let api: TestApi;
  let staff: Staff;
  let callId: string;
  let owner: Applicant;
  let stranger: Applicant;
  let applicationId: string;
  let documentUrl: string;

  beforeAll(async () => {
    api = await TestApi.start();
    staff = await createStaffPair(api);
    callId = (await createCall(api, staff.secretariat.token, intakeCallOverrides())).id;
    [owner, stranger] = await Promise.all([createApplicant(api, 'KE'), createApplicant(api, 'FR')]);
    applicationId = await draftId(api, owner.token, callId);
    const uploaded = await uploadDocument(api, owner.token, applicationId, 'statutes', {
      buffer: SAMPLE_PDF,
      filename: 'statutes.pdf',
    });
    documentUrl = `/api/v1/applications/${applicationId}/documents/${uploaded.body.id}`;
  });
  afterAll(() => api.close());

  const url = () => `/api/v1/applications/${applicationId}`;

  async function expectUnchanged(): Promise<void> {
    const [row] = await sql(api, 'SELECT status, version, answers FROM applications WHERE id = $1', [applicationId]);
    expect(row).toEqual({ status: 'draft', version: 2, answers: COMPLETE_ANSWERS });
    expect(await documentCount(api, applicationId)).toBe(1);
  }

  describe('another organisation', () => {
    it('cannot see the application or its document: 404, as if they did not exist', async () => {
      const token = stranger.token;
      expectProblem(await api.get(url(), { token }), 404, 'NOT_FOUND');
      expectProblem(await download(api, documentUrl, token), 404, 'NOT_FOUND');
    });

    it('cannot change, submit, withdraw or attach to it: 404, and nothing changes', async () => {
      const token = stranger.token;
      expectProblem(await patchAnswers(api, token, applicationId, 2, { motto: 'Hijacked' }), 404, 'NOT_FOUND');
      expectProblem(await api.post(`${url()}/submit`, { token }), 404, 'NOT_FOUND');
      expectProblem(await api.post(`${url()}/withdraw`, { token }), 404, 'NOT_FOUND');
      const upload = await uploadDocument(api, token, applicationId, 'annex', {
        buffer: SAMPLE_PDF,
        filename: 'x.pdf',
      });
      expectProblem(upload, 404, 'NOT_FOUND');
      expectProblem(await api.delete(documentUrl, { token }), 404, 'NOT_FOUND');
      await expectUnchanged();
    });
  });

  describe('staff', () => {
    it('lets the secretariat read the application and its document', async () => {
      const res = await api.get(url(), { token: staff.secretariat.token });
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"2"');
      expect(res.body).toMatchObject({ id: applicationId, organisationId: owner.organisationId, status: 'draft' });
      expect(res.body.documents).toHaveLength(1);
      const file = await download(api, documentUrl, staff.secretariat.token);
      expect(file.status).toBe(200);
      expect(Buffer.compare(file.body as Buffer, SAMPLE_PDF)).toBe(0);
    });

    it('does not let the secretariat change, submit or attach to an application: 403', async () => {
      const token = staff.secretariat.token;
      expectProblem(await patchAnswers(api, token, applicationId, 2, { motto: 'Edited' }), 403, 'FORBIDDEN');
      expectProblem(await api.post(`${url()}/submit`, { token }), 403, 'FORBIDDEN');
      expectProblem(await api.post(`${url()}/withdraw`, { token }), 403, 'FORBIDDEN');
      const upload = await uploadDocument(api, token, applicationId, 'annex', {
        buffer: SAMPLE_PDF,
        filename: 'x.pdf',
      });
      expectProblem(upload, 403, 'FORBIDDEN');
      expectProblem(await api.delete(documentUrl, { token }), 403, 'FORBIDDEN');
      await expectUnchanged();
    });

    it('serves a document only under its own application', async () => {
      const other = await createApplicant(api, 'BR');
      const otherId = await draftId(api, other.token, callId);
      const documentId = documentUrl.split('/').pop()!;
      const crossed = `/api/v1/applications/${otherId}/documents/${documentId}`;
      expectProblem(await download(api, crossed, staff.secretariat.token), 404, 'NOT_FOUND');
      expectProblem(await download(api, crossed, other.token), 404, 'NOT_FOUND');
      expectProblem(await api.delete(crossed, { token: other.token }), 404, 'NOT_FOUND');
      await expectUnchanged();
    });

    it('hides the application from an evaluator who is not assigned to it: 404', async () => {
      expectProblem(await api.get(url(), { token: staff.evaluator.token }), 404, 'NOT_FOUND');
      expectProblem(await download(api, documentUrl, staff.evaluator.token), 404, 'NOT_FOUND');
    });

    it('requires a token (401)', async () => {
      expectProblem(await api.get(url()), 401, 'UNAUTHENTICATED');
    });
  });

  describe('GET /me/applications', () => {
    it("lists only the caller's organisation's applications", async () => {
      const other = await createCall(api, staff.secretariat.token, intakeCallOverrides());
      const second = await draftId(api, owner.token, other.id);
      const strangers = await draftId(api, stranger.token, other.id);

      const mine = await api.get('/api/v1/me/applications', { token: owner.token });
      expect(mine.status).toBe(200);
      expect(mine.body.total).toBe(2);
      expect(mine.body.items.map((a: { id: string }) => a.id)).toEqual([applicationId, second]);

      const page = await api.get('/api/v1/me/applications', { token: owner.token, query: { limit: 1, offset: 1 } });
      expect(page.body).toMatchObject({ total: 2, items: [expect.objectContaining({ id: second })] });

      const theirs = await api.get('/api/v1/me/applications', { token: stranger.token });
      expect(theirs.body.items.map((a: { id: string }) => a.id)).toEqual([strangers]);
      const none = await api.get('/api/v1/me/applications', { token: staff.secretariat.token });
      expect(none.body).toEqual({ items: [], total: 0 });
    });
  });

  describe('GET /calls/:id/applications', () => {
    let listCallId: string;
    /** By creation order: KE submitted, KE draft, FR submitted, BR withdrawn. */
    let ids: string[];

    beforeAll(async () => {
      listCallId = (await createCall(api, staff.secretariat.token, intakeCallOverrides())).id;
      const applicants = await Promise.all(['KE', 'KE', 'FR', 'BR'].map((country) => createApplicant(api, country)));
      ids = [];
      for (const applicant of applicants) ids.push(await draftId(api, applicant.token, listCallId));
      await api.post(`/api/v1/applications/${ids[0]}/submit`, { token: applicants[0]!.token });
      await api.post(`/api/v1/applications/${ids[2]}/submit`, { token: applicants[2]!.token });
      await api.post(`/api/v1/applications/${ids[3]}/withdraw`, { token: applicants[3]!.token });
    });

    const list = (query: Record<string, string | number> = {}, token = staff.secretariat.token) =>
      api.get(`/api/v1/calls/${listCallId}/applications`, { token, query });
    const idsOf = (res: { body: { items: Array<{ id: string }> } }) => res.body.items.map((a) => a.id);

    it('lists every application of the call for the secretariat, oldest first', async () => {
      const res = await list();
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(4);
      expect(idsOf(res)).toEqual(ids);
      expect(res.body.items.map((a: { status: string }) => a.status)).toEqual([
        'submitted',
        'draft',
        'submitted',
        'withdrawn',
      ]);
    });

    it('filters by status, country and region, alone and together', async () => {
      expect(idsOf(await list({ status: 'submitted' }))).toEqual([ids[0], ids[2]]);
      expect(idsOf(await list({ countryCode: 'KE' }))).toEqual([ids[0], ids[1]]);
      expect(idsOf(await list({ region: 'EUR' }))).toEqual([ids[2]]);
      expect(idsOf(await list({ region: 'AFR', status: 'draft' }))).toEqual([ids[1]]);
      expect((await list({ status: 'withdrawn', countryCode: 'FR' })).body).toEqual({ items: [], total: 0 });
    });

    it('pages with limit and offset, reporting the filtered total', async () => {
      const first = await list({ limit: 2, offset: 0 });
      const second = await list({ limit: 2, offset: 2 });
      expect(first.body.total).toBe(4);
      expect([...idsOf(first), ...idsOf(second)]).toEqual(ids);
      const filtered = await list({ countryCode: 'KE', limit: 1, offset: 1 });
      expect(filtered.body).toMatchObject({ total: 2, items: [expect.objectContaining({ id: ids[1] })] });
    });

    it.each([
      [{ status: 'bogus' }, 'status'],
      [{ countryCode: 'ke' }, 'countryCode'],
      [{ region: 'MARS' }, 'region'],
      [{ limit: 501 }, 'limit'],
      [{ offset: -1 }, 'offset'],
    ])('refuses the filter %j (400)', async (query, field) => {
      expect(expectProblem(await list(query), 400, 'VALIDATION_FAILED').map((e) => e.field)).toContain(field);
    });

    it('is for the secretariat only (403), and 404 for an unknown call', async () => {
      expectProblem(await list({}, owner.token), 403, 'FORBIDDEN');
      expectProblem(await list({}, staff.evaluator.token), 403, 'FORBIDDEN');
      const unknown = await api.get(`/api/v1/calls/${randomUUID()}/applications`, { token: staff.secretariat.token });
      expectProblem(unknown, 404, 'NOT_FOUND');
    });
  });
});
