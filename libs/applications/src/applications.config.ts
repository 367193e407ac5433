import { ConfigType, registerAs } from '@nestjs/config';
import { IsInt, Min } from 'class-validator';
import { readEnv } from '@app/platform';

const MiB = 1_048_576;

class ApplicationsEnv {
  /** Documents one application may hold. */
  @IsInt()
  @Min(1)
  DOCUMENTS_MAX_PER_APPLICATION: number = 20;

  /** Bytes that one application's documents may take in all. */
  @IsInt()
  @Min(1)
  DOCUMENTS_MAX_TOTAL_BYTES: number = 100 * MiB;

  /** Largest sum of the sizes a DOCX or XLSX (a zip) declares for its parts once uncompressed. */
  @IsInt()
  @Min(1)
  DOCUMENTS_MAX_UNCOMPRESSED_BYTES: number = 100 * MiB;
}

export const applicationsConfig = registerAs('applications', () => readEnv(ApplicationsEnv));
export type ApplicationsConfig = ConfigType<typeof applicationsConfig>;
