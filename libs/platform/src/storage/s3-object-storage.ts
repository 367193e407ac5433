import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Readable } from 'node:stream';
import { measure } from './measuring-stream';
import { ObjectStorage, StoredObject } from './object-storage';
import { S3Settings } from './storage.config';
import { DocumentStoreUnavailableError } from './storage.errors';

/** S3's smallest part: a larger body goes up in parts of this size, one in flight, never whole in memory. */
export const S3_PART_SIZE_BYTES = 5 * 1_048_576;

/** The object store of S3 or any store speaking its protocol, by the settings of StorageEnv. */
export class S3ObjectStorage implements ObjectStorage {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  static fromSettings(config: S3Settings): S3ObjectStorage {
    const client = new S3Client({
      endpoint: config.S3_ENDPOINT,
      region: config.S3_REGION,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
      credentials: { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY },
      // Integrity is the SHA-256 kept beside each document; checksums are sent where S3 requires them,
      // which every compatible store understands, instead of the aws-chunked trailers not all do.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 2,
      requestHandler: { connectionTimeout: 3_000, requestTimeout: config.S3_REQUEST_TIMEOUT_MS },
    });
    return new S3ObjectStorage(client, config.S3_BUCKET);
  }

  async put(key: string, body: Readable, { contentType }: { contentType: string }): Promise<StoredObject> {
    const measured = measure(body);
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: key, Body: measured, ContentType: contentType },
      partSize: S3_PART_SIZE_BYTES,
      queueSize: 1,
      leavePartsOnError: false,
    });
    try {
      await upload.done();
    } catch (error) {
      measured.destroy();
      throw new DocumentStoreUnavailableError('store the document', error);
    }
    return { key, size: measured.bytesSeen, sha256: measured.sha256() };
  }

  async get(key: string): Promise<{ body: Readable; size: number } | null> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return { body: object.Body as Readable, size: object.ContentLength ?? 0 };
    } catch (error) {
      if (isAbsent(error)) return null;
      throw new DocumentStoreUnavailableError('read the document', error);
    }
  }

  async head(key: string): Promise<{ size: number } | null> {
    try {
      const object = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: object.ContentLength ?? 0 };
    } catch (error) {
      if (isAbsent(error)) return null;
      throw new DocumentStoreUnavailableError('read the document', error);
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (error) {
      throw new DocumentStoreUnavailableError('remove the document', error);
    }
  }

  destroy(): void {
    this.client.destroy();
  }
}

function isAbsent(error: unknown): boolean {
  const { name, $metadata } = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return name === 'NoSuchKey' || name === 'NotFound' || $metadata?.httpStatusCode === 404;
}
