import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { readEnv } from '../config/validate-env';
import { measure } from './measuring-stream';
import { StorageEnv, readS3Settings } from './storage.config';

async function drain(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('measuring a stream', () => {
  it('passes every byte through unchanged and answers their count and SHA-256, however they are cut', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 20 }), async (parts) => {
        const chunks = parts.map((part) => Buffer.from(part));
        const whole = Buffer.concat(chunks);
        const measured = measure(Readable.from(chunks));

        expect(Buffer.compare(await drain(measured), whole)).toBe(0);
        expect(measured.bytesSeen).toBe(whole.length);
        expect(measured.sha256()).toBe(createHash('sha256').update(whole).digest('hex'));
      }),
      { numRuns: 100 },
    );
  });

  it('fails with its source', async () => {
    const source = new Readable({
      read() {
        this.destroy(new Error('gone'));
      },
    });
    await expect(drain(measure(source))).rejects.toThrow('gone');
  });
});

describe('storage settings', () => {
  const s3 = {
    S3_ENDPOINT: 'http://127.0.0.1:4569',
    S3_BUCKET: 'documents',
    S3_ACCESS_KEY_ID: 'key',
    S3_SECRET_ACCESS_KEY: 'secret',
  };

  it('keeps documents in PostgreSQL unless told otherwise, and knows no third driver', () => {
    expect(readEnv(StorageEnv, {}).DOCUMENT_STORAGE).toBe('postgres');
    expect(readEnv(StorageEnv, { DOCUMENT_STORAGE: 's3' }).DOCUMENT_STORAGE).toBe('s3');
    expect(() => readEnv(StorageEnv, { DOCUMENT_STORAGE: 'disk' })).toThrow('DOCUMENT_STORAGE');
  });

  it('refuses to start without the bucket, its credentials or a URL for the endpoint, naming each', () => {
    expect(() => readS3Settings({})).toThrow(
      /S3_ENDPOINT[\s\S]*S3_BUCKET[\s\S]*S3_ACCESS_KEY_ID[\s\S]*S3_SECRET_ACCESS_KEY/,
    );
    expect(() => readS3Settings({ ...s3, S3_ENDPOINT: 'minio:9000' })).toThrow('S3_ENDPOINT');
  });

  it('reads the path style as a flag, off by default', () => {
    expect(readS3Settings(s3)).toMatchObject({ S3_REGION: 'us-east-1', S3_FORCE_PATH_STYLE: false });
    expect(readS3Settings({ ...s3, S3_FORCE_PATH_STYLE: 'true' }).S3_FORCE_PATH_STYLE).toBe(true);
    expect(readS3Settings({ ...s3, S3_FORCE_PATH_STYLE: 'false' }).S3_FORCE_PATH_STYLE).toBe(false);
  });
});
