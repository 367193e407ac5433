import { ConfigType, registerAs } from '@nestjs/config';
import { IsIn, IsInt, IsString, Max, Min } from 'class-validator';
import { readEnv } from './validate-env';

export class PlatformEnv {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: string = 'development';

  @IsString()
  DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/accelerator';

  @IsString()
  REDIS_URL: string = 'redis://127.0.0.1:6379';

  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 3000;

  @IsInt()
  @Min(0)
  @Max(65535)
  WORKER_PORT: number = 3001;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  /** Largest JSON body accepted, in bytes; uploads have their own limit. */
  @IsInt()
  @Min(1024)
  JSON_BODY_LIMIT: number = 1_048_576;

  @IsInt()
  @Min(1)
  DB_POOL_SIZE: number = 10;
}

/** Settings of the platform plumbing; inject with `@Inject(platformConfig.KEY)`. */
export const platformConfig = registerAs('platform', () => readEnv(PlatformEnv));
export type PlatformConfig = ConfigType<typeof platformConfig>;
