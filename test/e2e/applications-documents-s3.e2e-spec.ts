import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
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
} from '../support/applications';
import { withEnv } from '../support/async';
import { answerClarification, clarificationId } from '../support/clarifications';
import { callWithSubmissions, secretariatOf } from '../support/evaluation-fixtures';
import { Applicant, SAMPLE_PDF, SAMPLE_PNG, createApplicant, createCall } from '../support/fixtures';
import { S3Server } from '../support/s3-server';
import { TestApi } from '../support/test-app';

const MiB = 1_048_576;
const MAX_DOCUMENTS = 3;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * The documents' upload and download of applications-documents*.e2e-spec.ts, a focused subset, with
 * DOCUMENT_STORAGE=s3 against an s3rver process: the rows hold keys, the bytes are in the store.
 */
describe('application documents in an S3 object store', () => {
  let s3: S3Server;
  let client: S3Client;
  let api: TestApi;
  let callId: string;
  let applicant: Applicant;
  let applicationId: string;

  beforeAll(async () => {
    s3 = await S3Server.start();
    client = new S3Client({
      endpoint: s3.endpoint,
      region: 'eu-west-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    api = await withEnv({ ...s3.env, DOCUMENTS_MAX_PER_APPLICATION: String(MAX_DOCUMENTS) }, () => TestApi.start());
    const { secretariat } = await createStaffPair(api);
    callId = (await createCall(api, secretariat.token, intakeCallOverrides())).id;
  });
  beforeEach(async () => {
    applicant = await createApplicant(api);
    applicationId = await draftId(api, applicant.token, callId);
  });
  afterAll(async () => {
    // Suites after this one on the jest worker's database find no document whose bytes were in this store.
    await sql(api, 'DELETE FROM documents WHERE storage_key IS NOT NULL');
    await sql(api, 'DELETE FROM clarification_documents WHERE storage_key IS NOT NULL');
    await api.close();
    client.destroy();
    await s3.close();
  });

  const documentsUrl = () => `/api/v1/applications/${applicationId}/documents`;
  const upload = (buffer: Buffer, filename: string) =>
    uploadDocument(api, applicant.token, applicationId, 'annex', { buffer, filename });
  const storedKeys = async () =>
    ((await client.send(new ListObjectsV2Command({ Bucket: s3.bucket }))).Contents ?? []).map((o) => o.Key).sort();
  const rowsOf = (id: string) =>
    sql<{ content: Buffer | null; storage_key: string | null }>(
      api,
      'SELECT content, storage_key FROM documents WHERE id = $1',
      [id],
    );

  it.each([
    ['PDF', () => SAMPLE_PDF, 'statutes.pdf', 'application/pdf'],
    [
      'DOCX',
      () => ooxml('docx'),
      'plan.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
  ])(
    'stores a %s in the object store, keeps only its key in the row, and serves back the identical bytes',
    async (_type, bytes, filename, mimeType) => {
      const file = bytes();
      const res = await upload(file, filename);

      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ filename, size: file.length, sha256: sha256(file), mimeType });
      expect(await rowsOf(res.body.id)).toEqual([
        { content: null, storage_key: `applications/documents/${res.body.id}` },
      ]);
      expect(await storedKeys()).toContain(`applications/documents/${res.body.id}`);
      const got = await download(api, `${documentsUrl()}/${res.body.id}`, applicant.token);
      expect(got.status).toBe(200);
      expect(got.headers['content-type']).toBe(mimeType);
      expect(got.headers['content-length']).toBe(String(file.length));
      expect(Buffer.compare(got.body as Buffer, file)).toBe(0);
    },
  );

  it('takes a file of several upload parts (6 MiB) and streams it back whole', async () => {
    const file = pdfOfSize(6 * MiB + 17);
    const res = await upload(file, 'large.pdf');

    expect(res.status).toBe(201);
    expect(res.body.sha256).toBe(sha256(file));
    const got = await download(api, `${documentsUrl()}/${res.body.id}`, applicant.token);
    expect(got.status).toBe(200);
    expect(sha256(got.body as Buffer)).toBe(sha256(file));
  });

  it('still refuses a file over 10 MiB (413) and a disguised one (415), storing nothing anywhere', async () => {
    const before = await storedKeys();

    expectProblem(await upload(pdfOfSize(10 * MiB + 1), 'big.pdf'), 413, 'PAYLOAD_TOO_LARGE');
    expectProblem(await upload(Buffer.from('MZ not a pdf at all'), 'x.pdf'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(await documentCount(api, applicationId)).toBe(0);
    expect(await storedKeys()).toEqual(before);
  });

  it('removes the object of a document refused by the quota after it reached the store', async () => {
    for (let i = 0; i < MAX_DOCUMENTS; i++) expect((await upload(SAMPLE_PNG, `logo-${i}.png`)).status).toBe(201);
    const before = await storedKeys();

    expectProblem(await upload(SAMPLE_PDF, 'one-more.pdf'), 413, 'QUOTA_EXCEEDED');
    expect(await documentCount(api, applicationId)).toBe(MAX_DOCUMENTS);
    expect(await storedKeys()).toEqual(before);
  });

  it('deletes the object with its document', async () => {
    const res = await upload(SAMPLE_PDF, 'statutes.pdf');
    const key = `applications/documents/${res.body.id}`;
    expect(await storedKeys()).toContain(key);

    expect((await api.delete(`${documentsUrl()}/${res.body.id}`, { token: applicant.token })).status).toBe(204);
    expect(await storedKeys()).not.toContain(key);
  });

  it('answers 503 DOCUMENT_STORE_UNAVAILABLE while the store is down, recording nothing, and serves all again after its restart', async () => {
    const kept = await upload(SAMPLE_PDF, 'kept.pdf');
    const auditBefore = await auditActions(api, applicationId);

    await s3.stop();
    try {
      const refused = await upload(SAMPLE_PNG, 'logo.png');
      expectProblem(refused, 503, 'DOCUMENT_STORE_UNAVAILABLE');
      expect(refused.headers['retry-after']).toBeDefined();
      expect(await documentCount(api, applicationId)).toBe(1);
      expect(await auditActions(api, applicationId)).toEqual(auditBefore);
      expectProblem(
        await download(api, `${documentsUrl()}/${kept.body.id}`, applicant.token),
        503,
        'DOCUMENT_STORE_UNAVAILABLE',
      );
    } finally {
      await s3.start();
    }

    const got = await download(api, `${documentsUrl()}/${kept.body.id}`, applicant.token);
    expect(Buffer.compare(got.body as Buffer, SAMPLE_PDF)).toBe(0);
    expect((await upload(SAMPLE_PNG, 'logo.png')).status).toBe(201);
  });

  it('keeps a clarification answer’s document in the store too, and serves it back', async () => {
    const answering = await createApplicant(api);
    const {
      applicationIds: [submitted],
    } = await callWithSubmissions(api, [answering]);
    const id = await clarificationId(api, (await secretariatOf(api)).token, submitted, 'Your budget for 2026?');
    const file = pdfOfSize(6 * MiB + 5);

    const answered = await answerClarification(api, answering.token, id, 'Attached.', {
      buffer: file,
      filename: 'budget.pdf',
    });
    expect(answered.status).toBe(200);
    expect(
      await sql(api, 'SELECT content, storage_key, sha256 FROM clarification_documents WHERE clarification_id = $1', [
        id,
      ]),
    ).toEqual([
      { content: null, storage_key: expect.stringMatching(/^applications\/clarifications\//), sha256: sha256(file) },
    ]);
    const got = await download(api, `/api/v1/clarifications/${id}/document`, answering.token);
    expect(got.status).toBe(200);
    expect(sha256(got.body as Buffer)).toBe(sha256(file));
  });

  it('serves documents stored in their rows before the switch to S3', async () => {
    const [{ id }] = await sql<{ id: string }>(
      api,
      `INSERT INTO documents (application_id, kind, filename, mime_type, size, sha256, content, uploaded_by)
       SELECT $1, 'annex', 'old.pdf', 'application/pdf', $2, $3, $4, created_by FROM applications WHERE id = $1
       RETURNING id`,
      [applicationId, SAMPLE_PDF.length, sha256(SAMPLE_PDF), SAMPLE_PDF],
    );

    const got = await download(api, `${documentsUrl()}/${id}`, applicant.token);
    expect(got.status).toBe(200);
    expect(Buffer.compare(got.body as Buffer, SAMPLE_PDF)).toBe(0);
  });
});
