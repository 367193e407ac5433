import {
  auditActions,
  createStaffPair,
  documentCount,
  download,
  draftId,
  expectProblem,
  intakeCallOverrides,
  ooxml,
  pdfOfSize,
  sql,
  uploadDocument,
  zip,
} from '../support/applications';
import { withEnv } from '../support/async';
import { Applicant, SAMPLE_PDF, SAMPLE_PNG, createApplicant, createCall } from '../support/fixtures';
import { TestApi } from '../support/test-app';

/**
 * Issue 10, uploads: names that lie about the type or hide it, zips that only look like Office
 * documents, and the per-application quota, alone and under concurrent uploads.
 */

const KiB = 1024;
const MAX_DOCUMENTS = 3;
const MAX_TOTAL_BYTES = 64 * KiB;

describe('hostile uploads', () => {
  let api: TestApi;
  let callId: string;
  let applicant: Applicant;
  let applicationId: string;

  beforeAll(async () => {
    api = await withEnv(
      { DOCUMENTS_MAX_PER_APPLICATION: String(MAX_DOCUMENTS), DOCUMENTS_MAX_TOTAL_BYTES: String(MAX_TOTAL_BYTES) },
      () => TestApi.start(),
    );
    const { secretariat } = await createStaffPair(api);
    callId = (await createCall(api, secretariat.token, intakeCallOverrides())).id;
  });
  beforeEach(async () => {
    applicant = await createApplicant(api);
    applicationId = await draftId(api, applicant.token, callId);
  });
  afterAll(() => api.close());

  const upload = (buffer: Buffer, filename: string, contentType?: string) =>
    uploadDocument(api, applicant.token, applicationId, 'annex', { buffer, filename, contentType });
  const storedNames = async () =>
    (
      await sql<{ filename: string }>(api, 'SELECT filename FROM documents WHERE application_id = $1', [applicationId])
    ).map((row) => row.filename);

  describe('names', () => {
    it('stores and serves a PDF named run.bat as run.pdf', async () => {
      const res = await upload(SAMPLE_PDF, 'run.bat', 'application/x-msdownload');
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ filename: 'run.pdf', mimeType: 'application/pdf' });
      expect(await storedNames()).toEqual(['run.pdf']);

      const got = await download(
        api,
        `/api/v1/applications/${applicationId}/documents/${res.body.id}`,
        applicant.token,
      );
      expect(got.headers['content-disposition']).toBe(`attachment; filename="run.pdf"; filename*=UTF-8''run.pdf`);
    });

    it('removes direction overrides, isolates and control characters, keeping the script of the name', async () => {
      // Shown as "تقريرexe.pdf" by a bidi-aware viewer, it is an executable's name. (A C0 control
      // character cannot reach the service: the multipart parser refuses it in a part's header.)
      const res = await upload(SAMPLE_PNG, 'تقرير\u202Efdp.exe\u2066\u0085.png', 'image/png');
      expect(res.status).toBe(201);
      expect(res.body.filename).toBe('تقريرfdp.exe.png');

      const got = await download(
        api,
        `/api/v1/applications/${applicationId}/documents/${res.body.id}`,
        applicant.token,
      );
      const encoded = /filename\*=UTF-8''([^;]+)/.exec(String(got.headers['content-disposition']))?.[1] ?? '';
      expect(decodeURIComponent(encoded)).toBe('تقريرfdp.exe.png');
    });

    it('names a file whose name is nothing but invisible characters document.<type>', async () => {
      const res = await upload(SAMPLE_PDF, '\u202E\u200F\u2068.', 'application/pdf');
      expect(res.status).toBe(201);
      expect(res.body.filename).toBe('document.pdf');
    });
  });

  describe('Office documents', () => {
    const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

    it.each([
      ['a zip of Word-like parts without the document itself', zip([{ name: 'word/styles.xml', data: '<styles/>' }])],
      ['a zip bomb: a main part declaring 4 GiB once inflated', ooxml('docx', 0xffffffff)],
      ['a DOCX cut short', ooxml('docx').subarray(0, ooxml('docx').length - 8)],
    ])('refuses %s with 415 and stores nothing', async (_label, bytes) => {
      expectProblem(await upload(bytes, 'plan.docx', DOCX), 415, 'UNSUPPORTED_MEDIA_TYPE');
      expect(await documentCount(api, applicationId)).toBe(0);
      expect(await auditActions(api, applicationId)).toEqual(['application.created']);
    });

    it('accepts a real DOCX, named by its type', async () => {
      const res = await upload(ooxml('docx'), 'plan.zip', 'application/zip');
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ filename: 'plan.docx', mimeType: DOCX });
    });
  });

  describe('quota per application', () => {
    it(`refuses a document beyond ${MAX_DOCUMENTS} with 413 QUOTA_EXCEEDED`, async () => {
      for (let i = 0; i < MAX_DOCUMENTS; i++) expect((await upload(SAMPLE_PDF, `part-${i}.pdf`)).status).toBe(201);

      expectProblem(await upload(SAMPLE_PNG, 'one-more.png'), 413, 'QUOTA_EXCEEDED');
      expect(await documentCount(api, applicationId)).toBe(MAX_DOCUMENTS);
      const [row] = await sql(api, 'SELECT version FROM applications WHERE id = $1', [applicationId]);
      expect(row).toEqual({ version: 1 + MAX_DOCUMENTS });
    });

    it('refuses a document that would take the total beyond the allowed size, and takes one that fits', async () => {
      expect((await upload(pdfOfSize(40 * KiB), 'a.pdf')).status).toBe(201);

      expectProblem(await upload(pdfOfSize(24 * KiB + 1), 'b.pdf'), 413, 'QUOTA_EXCEEDED');
      expect(await documentCount(api, applicationId)).toBe(1);
      expect((await upload(pdfOfSize(24 * KiB), 'c.pdf')).status).toBe(201);
      expect(await storedNames()).toEqual(expect.arrayContaining(['a.pdf', 'c.pdf']));
    });

    it('lets through only the uploads that fit when many arrive at once', async () => {
      const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => upload(SAMPLE_PDF, `at-once-${i}.pdf`)));

      expect(answers.map((res) => res.status).sort()).toEqual([201, 201, 201, 413, 413, 413, 413, 413]);
      for (const res of answers.filter((r) => r.status === 413)) expectProblem(res, 413, 'QUOTA_EXCEEDED');
      expect(await documentCount(api, applicationId)).toBe(MAX_DOCUMENTS);
    });
  });
});
