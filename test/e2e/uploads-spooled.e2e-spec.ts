import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import {
  createStaffPair,
  documentCount,
  download,
  draftId,
  expectProblem,
  intakeCallOverrides,
  ooxml,
  pdfOfSize,
  uploadDocument,
} from '../support/applications';
import { eventually } from '../support/async';
import { Applicant, SAMPLE_PDF, createApplicant, createCall } from '../support/fixtures';
import { TestApi } from '../support/test-app';
import { spooledUploadPrefix } from '../../libs/applications/src/http/spooled-upload';

const MiB = 1_048_576;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * Issue 18 item 3: an upload streams to a temporary file as it arrives (counted and hashed on the
 * way, never held in memory whole), is checked there, then stored (here in PostgreSQL, the default
 * driver); the temporary file is gone once the request is answered, whatever the answer, and when
 * the client gives up halfway. The spooled files of this process are named by its id.
 */
describe('uploads spooled to a temporary file', () => {
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
  afterAll(async () => {
    await api?.close();
  });

  const upload = (buffer: Buffer, filename: string) =>
    uploadDocument(api, applicant.token, applicationId, 'annex', { buffer, filename });
  /** This process's spooled uploads. */
  const inSpool = async () => (await readdir(tmpdir())).filter((name) => name.startsWith(spooledUploadPrefix()));
  /** The same, once no request is left holding one (or after 10 s). */
  const spooled = () => eventually(inSpool, (names) => names.length === 0, 10_000);

  it('stores a 10 MiB file with the SHA-256 measured while it streamed in, and leaves no temporary file', async () => {
    const file = pdfOfSize(10 * MiB);
    const res = await upload(file, 'annual-report.pdf');

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ size: file.length, sha256: sha256(file), mimeType: 'application/pdf' });
    expect(await spooled()).toEqual([]);
    const got = await download(api, `/api/v1/applications/${applicationId}/documents/${res.body.id}`, applicant.token);
    expect(sha256(got.body as Buffer)).toBe(sha256(file));
  });

  it('checks a DOCX down to its parts from the spooled file', async () => {
    const res = await upload(ooxml('docx'), 'plan.docx');

    expect(res.status).toBe(201);
    expect(res.body.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(await spooled()).toEqual([]);
  });

  it('refuses a file over the limit as soon as it passes it (413), a disguised one (415), keeping nothing', async () => {
    expectProblem(await upload(pdfOfSize(10 * MiB + 1), 'big.pdf'), 413, 'PAYLOAD_TOO_LARGE');
    expect(await spooled()).toEqual([]);
    expectProblem(await upload(Buffer.from('MZ not a pdf at all'), 'x.pdf'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(await spooled()).toEqual([]);
    expect(await documentCount(api, applicationId)).toBe(0);
  });

  it('removes the temporary file of a refused request (a draft of someone else) too', async () => {
    const stranger = await createApplicant(api);
    const res = await uploadDocument(api, stranger.token, applicationId, 'annex', {
      buffer: SAMPLE_PDF,
      filename: 'x.pdf',
    });

    expect(res.status).toBe(404);
    expect(await spooled()).toEqual([]);
    expect(await documentCount(api, applicationId)).toBe(0);
  });

  it('removes what had arrived when the client gives up halfway', async () => {
    await api.listen(0);
    const { port } = api.server.address() as AddressInfo;
    const boundary = 'spool-test-boundary';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nannex\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="half.pdf"\r\n` +
        `Content-Type: application/pdf\r\n\r\n`,
    );
    const client = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: `/api/v1/applications/${applicationId}/documents`,
      headers: {
        Authorization: `Bearer ${applicant.token}`,
        'Content-Type': `multipart/form-data; boundary=${boundary}`,
        'Content-Length': String(head.length + 8 * MiB),
      },
    });
    client.on('error', () => undefined);
    try {
      client.write(head);
      client.write(pdfOfSize(4 * MiB));
      // The part has reached the spool before the client goes away.
      expect(await eventually(inSpool, (names) => names.length > 0, 10_000)).toHaveLength(1);
    } finally {
      client.destroy();
    }

    expect(await spooled()).toEqual([]);
    expect(await documentCount(api, applicationId)).toBe(0);
  });
});
