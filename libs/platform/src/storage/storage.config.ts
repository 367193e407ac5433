import { ConfigType, registerAs } from '@nestjs/config';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsString, IsUrl, Min } from 'class-validator';
import { readEnv } from '../config/validate-env';

export const DOCUMENT_STORAGE_DRIVERS = ['postgres', 's3'] as const;
export type DocumentStorageDriver = (typeof DOCUMENT_STORAGE_DRIVERS)[number];

/** Where the bytes of new documents go. */
export class StorageEnv {
  @IsIn(DOCUMENT_STORAGE_DRIVERS)
  DOCUMENT_STORAGE: DocumentStorageDriver = 'postgres';
}

/** The bucket of the S3 driver, each setting required once the driver is used. */
export class S3Env {
  /** The store's base URL, e.g. https://s3.eu-west-1.amazonaws.com or a compatible store's. */
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  S3_ENDPOINT: string = '';

  @IsString()
  @IsNotEmpty()
  S3_REGION: string = 'us-east-1';

  @IsString()
  @IsNotEmpty()
  S3_BUCKET: string = '';

  @IsString()
  @IsNotEmpty()
  S3_ACCESS_KEY_ID: string = '';

  @IsString()
  @IsNotEmpty()
  S3_SECRET_ACCESS_KEY: string = '';

  /** Bucket in the path (`endpoint/bucket/key`) rather than in the host name, as most compatible stores need. */
  // The raw setting: implicit conversion alone would make the string 'false' true.
  @Transform(({ obj, key }: { obj: Record<string, unknown>; key: string }) =>
    [true, 'true', '1'].includes(obj[key] as string),
  )
  @IsBoolean()
  S3_FORCE_PATH_STYLE: boolean = false;

  /** Milliseconds a request to the store may take before it fails (503). */
  @IsInt()
  @Min(100)
  S3_REQUEST_TIMEOUT_MS: number = 30_000;
}

export type S3Settings = S3Env;

/** The driver, and with `s3` its bucket's settings (boot fails when one is missing or malformed). */
export const storageConfig = registerAs('storage', () => {
  const { DOCUMENT_STORAGE } = readEnv(StorageEnv);
  return DOCUMENT_STORAGE === 's3' ? { DOCUMENT_STORAGE, s3: readEnv(S3Env) } : { DOCUMENT_STORAGE, s3: undefined };
});
export type StorageConfig = ConfigType<typeof storageConfig>;

/** The bucket's settings whatever the driver: `documents:move` reads the store it empties too. */
export function readS3Settings(env: NodeJS.ProcessEnv = process.env): S3Settings {
  return readEnv(S3Env, env);
}
