import { createHash } from 'node:crypto';
import request from 'supertest';
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
import { Applicant, SAMPLE_PDF, SAMPLE_PNG, createApplicant, createCall } from '../support/fixtures';
import { TestApi } from '../support/test-app';

const MiB = 1_048_576;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('application documents', () => {
  let api: TestApi;
  let callId: string;
  let applicant: Applicant;
  let applicationId: string;

  beforeAll(async () => {
    api = await TestApi.start();
    const { secretariat } = await createStaffPair(api);
    callId = (await createCall(api, secretariat.token, intakeCallOverrides())).id;
  });
  beforeEach(async () => {
    applicant = await createApplicant(api);
    applicationId = await draftId(api, applicant.token, callId);
  });
  afterAll(() => api.close());

  const documentsUrl = () => `/api/v1/applications/${applicationId}/documents`;

  describe('accepted files', () => {
    const accepted: Array<[string, () => Buffer, string, string]> = [
      ['PDF', () => SAMPLE_PDF, 'statutes.pdf', 'application/pdf'],
      ['PNG', () => SAMPLE_PNG, 'logo.png', 'image/png'],
      [
        'DOCX',
        () => ooxml('docx'),
        'plan.docx',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ],
      ['XLSX', () => ooxml('xlsx'), 'budget.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ];

    it.each(accepted)('stores a %s and serves back the identical bytes', async (_type, bytes, filename, mimeType) => {
      const file = bytes();
      const res = await uploadDocument(api, applicant.token, applicationId, 'annex', { buffer: file, filename });

      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ kind: 'annex', filename, size: file.length, sha256: sha256(file), mimeType });
      const got = await download(api, `${documentsUrl()}/${res.body.id}`, applicant.token);
      expect(got.status).toBe(200);
      expect(got.headers['content-type']).toBe(mimeType);
      expect(Buffer.compare(got.body as Buffer, file)).toBe(0);
      expect(got.headers['content-disposition']).toContain(`filename="${filename}"`);
    });

    it('decides the type by content, not by the name or the declared type, and names it so', async () => {
      const res = await uploadDocument(api, applicant.token, applicationId, 'logo', {
        buffer: SAMPLE_PNG,
        filename: 'logo.pdf',
        contentType: 'application/pdf',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ mimeType: 'image/png', filename: 'logo.png' });
      const got = await download(api, `${documentsUrl()}/${res.body.id}`, applicant.token);
      expect(got.headers['content-type']).toBe('image/png');
      expect(got.headers['content-disposition']).toContain('filename="logo.png"');
    });

    it('lists the documents on the application, bumps its version and audits the upload', async () => {
      const uploaded = await uploadDocument(api, applicant.token, applicationId, 'statutes', {
        buffer: SAMPLE_PDF,
        filename: 'statutes.pdf',
      });
      const res = await api.get(`/api/v1/applications/${applicationId}`, { token: applicant.token });
      expect(res.body.version).toBe(2);
      expect(res.body.documents).toEqual([
        expect.objectContaining({ id: uploaded.body.id, kind: 'statutes', sha256: sha256(SAMPLE_PDF) }),
      ]);
      expect(await auditActions(api, applicationId)).toEqual(['application.created', 'application.document_added']);
    });

    it('strips any path from the file name', async () => {
      const res = await uploadDocument(api, applicant.token, applicationId, 'statutes', {
        buffer: SAMPLE_PDF,
        filename: '../../etc/statutes.pdf',
      });
      expect(res.status).toBe(201);
      expect(res.body.filename).toBe('statutes.pdf');
    });

    it('keeps a non-ASCII file name and offers it back on download', async () => {
      const filename = 'Statuts de l’incubateur – été 2025.pdf';
      const res = await uploadDocument(api, applicant.token, applicationId, 'statutes', {
        buffer: SAMPLE_PDF,
        filename,
      });
      expect(res.body.filename).toBe(filename);

      const got = await download(api, `${documentsUrl()}/${res.body.id}`, applicant.token);
      const disposition = String(got.headers['content-disposition']);
      expect(disposition).toMatch(/^attachment;/);
      const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
      expect(decodeURIComponent(encoded ?? '')).toBe(filename);
      // Clients that ignore filename* still get a readable name, not percent-escapes.
      expect(/filename="([^"]*)"/.exec(disposition)?.[1]).toMatch(/^Statuts de l.incubateur . .t. 2025\.pdf$/);
    });

    it('accepts a file of exactly 10 MiB', async () => {
      const file = pdfOfSize(10 * MiB);
      const res = await uploadDocument(api, applicant.token, applicationId, 'report', {
        buffer: file,
        filename: 'report.pdf',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ size: 10 * MiB, sha256: sha256(file) });
    });
  });

  describe('refused files', () => {
    it('refuses a file of 10 MiB + 1 byte with 413 and stores nothing', async () => {
      const res = await uploadDocument(api, applicant.token, applicationId, 'report', {
        buffer: pdfOfSize(10 * MiB + 1),
        filename: 'report.pdf',
        contentType: 'application/pdf',
      });
      expectProblem(res, 413, 'PAYLOAD_TOO_LARGE');
      expect(await documentCount(api, applicationId)).toBe(0);
      expect(await auditActions(api, applicationId)).toEqual(['application.created']);
    });

    const disguised: Array<[string, Buffer]> = [
      ['plain text', Buffer.from('This is not a PDF, just text.\n')],
      ['HTML with a script', Buffer.from('<!DOCTYPE html><html><script>alert(document.cookie)</script></html>')],
      ['a Windows executable', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(126, 0x90)])],
      ['a plain ZIP archive', zip([{ name: 'payload.js', data: 'alert(1)' }])],
      ['an empty file', Buffer.alloc(0)],
    ];

    it.each(disguised)('refuses %s named x.pdf as application/pdf with 415', async (_label, buffer) => {
      const res = await uploadDocument(api, applicant.token, applicationId, 'statutes', {
        buffer,
        filename: 'x.pdf',
        contentType: 'application/pdf',
      });
      expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
      expect(await documentCount(api, applicationId)).toBe(0);
      const [row] = await sql(api, 'SELECT version FROM applications WHERE id = $1', [applicationId]);
      expect(row).toEqual({ version: 1 });
    });

    it('requires a file (400)', async () => {
      const res = await request(api.server)
        .post(documentsUrl())
        .set('Authorization', `Bearer ${applicant.token}`)
        .field('kind', 'statutes');
      api.contract.assertSupertestResponse(res);
      expect(expectProblem(res, 400, 'VALIDATION_FAILED').map((e) => e.field)).toEqual(['file']);
      expect(await documentCount(api, applicationId)).toBe(0);
    });

    it.each([
      ['a file under another field name', ['document']],
      ['two files at once', ['file', 'file']],
    ])('refuses %s (400)', async (_label, fields) => {
      let test = request(api.server).post(documentsUrl()).set('Authorization', `Bearer ${applicant.token}`);
      test = test.field('kind', 'statutes');
      for (const field of fields) test = test.attach(field, SAMPLE_PDF, 'statutes.pdf');
      const res = await test;
      api.contract.assertSupertestResponse(res);
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(await documentCount(api, applicationId)).toBe(0);
    });

    it.each([['Statutes!'], [''], ['k'.repeat(51)]])('refuses the kind %j (400)', async (kind) => {
      const res = await uploadDocument(api, applicant.token, applicationId, kind, {
        buffer: SAMPLE_PDF,
        filename: 'statutes.pdf',
      });
      expect(expectProblem(res, 400, 'VALIDATION_FAILED').map((e) => e.field)).toContain('kind');
      expect(await documentCount(api, applicationId)).toBe(0);
    });

    it('refuses a missing kind (400)', async () => {
      const res = await api.upload(documentsUrl(), applicant.token, { buffer: SAMPLE_PDF, filename: 'a.pdf' });
      expect(expectProblem(res, 400, 'VALIDATION_FAILED').map((e) => e.field)).toContain('kind');
    });
  });

  describe('removing', () => {
    it('deletes a document of a draft (204), after which it is gone', async () => {
      const uploaded = await uploadDocument(api, applicant.token, applicationId, 'statutes', {
        buffer: SAMPLE_PDF,
        filename: 'statutes.pdf',
      });
      const url = `${documentsUrl()}/${uploaded.body.id}`;

      const res = await api.delete(url, { token: applicant.token });
      expect(res.status).toBe(204);
      expect(await documentCount(api, applicationId)).toBe(0);
      expectProblem(await download(api, url, applicant.token), 404, 'NOT_FOUND');
      expectProblem(await api.delete(url, { token: applicant.token }), 404, 'NOT_FOUND');
      expect(await auditActions(api, applicationId)).toEqual([
        'application.created',
        'application.document_added',
        'application.document_removed',
      ]);
    });

    it('keeps the documents of a submitted application', async () => {
      const uploaded = await uploadDocument(api, applicant.token, applicationId, 'statutes', {
        buffer: SAMPLE_PDF,
        filename: 'statutes.pdf',
      });
      expect((await api.post(`/api/v1/applications/${applicationId}/submit`, { token: applicant.token })).status).toBe(
        200,
      );

      const url = `${documentsUrl()}/${uploaded.body.id}`;
      expectProblem(await api.delete(url, { token: applicant.token }), 409, 'INVALID_TRANSITION');
      const more = await uploadDocument(api, applicant.token, applicationId, 'annex', {
        buffer: SAMPLE_PNG,
        filename: 'late.png',
      });
      expectProblem(more, 409, 'INVALID_TRANSITION');
      expect(await documentCount(api, applicationId)).toBe(1);
    });
  });
});
