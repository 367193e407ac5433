import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  DocumentStoreUnavailableError,
  S3_PART_SIZE_BYTES,
  S3ObjectStorage,
  readS3Settings,
} from '@app/platform/storage';
import { S3Server } from '../support/s3-server';

const MiB = 1_048_576;
// Bytes 0, 1, … 250, 0, 1, …: any 64 KiB run of it starts 0–250 bytes in.
const PATTERN = Buffer.from(Array.from({ length: 65_536 + 251 }, (_, i) => i % 251));

/** `size` bytes of a repeatable pattern, produced 64 KiB at a time: the test never holds them whole either. */
function patterned(size: number, seed: number): { stream: () => Readable; sha256: string } {
  const start = (offset: number) => (offset + seed) % 251;
  const chunk = (offset: number) => PATTERN.subarray(start(offset), start(offset) + Math.min(65_536, size - offset));
  const hash = createHash('sha256');
  for (let offset = 0; offset < size; offset += 65_536) hash.update(chunk(offset));
  function* chunks() {
    for (let offset = 0; offset < size; offset += 65_536) yield chunk(offset);
  }
  return { stream: () => Readable.from(chunks()), sha256: hash.digest('hex') };
}

async function drain(body: Readable): Promise<{ sha256: string; size: number; chunks: number }> {
  const hash = createHash('sha256');
  let size = 0;
  let chunks = 0;
  for await (const chunk of body) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
    chunks += 1;
  }
  return { sha256: hash.digest('hex'), size, chunks };
}

describe('S3ObjectStorage against an S3-compatible server process', () => {
  let server: S3Server;
  let storage: S3ObjectStorage;
  let raw: S3Client;

  beforeAll(async () => {
    server = await S3Server.start();
    const settings = readS3Settings(server.env);
    storage = S3ObjectStorage.fromSettings(settings);
    raw = new S3Client({
      endpoint: settings.S3_ENDPOINT,
      region: settings.S3_REGION,
      forcePathStyle: true,
      credentials: { accessKeyId: settings.S3_ACCESS_KEY_ID, secretAccessKey: settings.S3_SECRET_ACCESS_KEY },
    });
  });
  afterAll(async () => {
    storage.destroy();
    raw.destroy();
    await server.close();
  });

  it('stores a stream under its key, measuring its size and SHA-256, and serves it back', async () => {
    const bytes = Buffer.from('%PDF-1.7 a small document');
    const stored = await storage.put('small/one', Readable.from([bytes]), { contentType: 'application/pdf' });

    expect(stored).toEqual({
      key: 'small/one',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    expect(await storage.head('small/one')).toEqual({ size: bytes.length });
    const object = await storage.get('small/one');
    expect(object?.size).toBe(bytes.length);
    expect((await drain(object!.body)).sha256).toBe(stored.sha256);
  });

  it('uploads a body larger than one part in several parts, and streams it back in many chunks', async () => {
    const file = patterned(2 * S3_PART_SIZE_BYTES + 123_457, 7);
    const sent = jest.spyOn(S3Client.prototype, 'send');
    const stored = await storage.put('large/multipart', file.stream(), { contentType: 'application/pdf' });
    const commands = sent.mock.calls.map(([command]) => command.constructor.name);
    sent.mockRestore();

    expect(stored.sha256).toBe(file.sha256);
    expect(stored.size).toBe(2 * S3_PART_SIZE_BYTES + 123_457);
    expect(commands).toEqual([
      'CreateMultipartUploadCommand',
      'UploadPartCommand',
      'UploadPartCommand',
      'UploadPartCommand',
      'CompleteMultipartUploadCommand',
    ]);
    const head = await raw.send(new HeadObjectCommand({ Bucket: server.bucket, Key: 'large/multipart' }));
    expect(head.ContentLength).toBe(stored.size);
    const object = await storage.get('large/multipart');
    const read = await drain(object!.body);
    expect(read).toMatchObject({ sha256: file.sha256, size: stored.size });
    expect(read.chunks).toBeGreaterThan(10);
  });

  it('answers null for an absent key, and deleting one succeeds', async () => {
    expect(await storage.get('never/stored')).toBeNull();
    expect(await storage.head('never/stored')).toBeNull();
    await expect(storage.delete('never/stored')).resolves.toBeUndefined();
  });

  it('deletes an object', async () => {
    await storage.put('to/delete', Readable.from([Buffer.from('x')]), { contentType: 'image/png' });
    await storage.delete('to/delete');
    expect(await storage.head('to/delete')).toBeNull();
  });

  it('replaces an object put again under the same key', async () => {
    await storage.put('same/key', Readable.from([Buffer.from('first')]), { contentType: 'application/pdf' });
    const second = await storage.put('same/key', Readable.from([Buffer.from('second!')]), {
      contentType: 'application/pdf',
    });
    expect(await storage.head('same/key')).toEqual({ size: second.size });
  });

  it('fails a put with the source stream when the source fails, storing nothing', async () => {
    const failing = new Readable({
      read() {
        this.destroy(new Error('client went away'));
      },
    });
    await expect(storage.put('broken/source', failing, { contentType: 'application/pdf' })).rejects.toBeInstanceOf(
      DocumentStoreUnavailableError,
    );
    expect(await storage.head('broken/source')).toBeNull();
  });

  it('answers DocumentStoreUnavailableError while the server is down, and what it stored survives its restart', async () => {
    const kept = patterned(3 * MiB, 3);
    await storage.put('survives/restart', kept.stream(), { contentType: 'application/pdf' });

    await server.stop();
    await expect(
      storage.put('while/down', Readable.from([Buffer.from('x')]), { contentType: 'application/pdf' }),
    ).rejects.toBeInstanceOf(DocumentStoreUnavailableError);
    await expect(storage.get('survives/restart')).rejects.toMatchObject({ code: 'DOCUMENT_STORE_UNAVAILABLE' });
    await server.start();

    const object = await storage.get('survives/restart');
    expect((await drain(object!.body)).sha256).toBe(kept.sha256);
    expect(await storage.head('while/down')).toBeNull();
  });
});
