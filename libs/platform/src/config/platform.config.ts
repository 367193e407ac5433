import { ConfigType, registerAs } from '@nestjs/config';
import { IsIn, IsInt, IsString, Max, Min } from 'class-validator';
import { RedisSettingsError, redisTarget } from '../redis/redis-target';
import { readEnv } from './validate-env';

export class PlatformEnv {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: string = 'development';

  @IsString()
  DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/accelerator';

  /** One server (`redis://`, `rediss://`) or a cluster (`redis+cluster://host:port,host:port`). */
  @IsString()
  REDIS_URL: string = 'redis://127.0.0.1:6379';

  /** A Redis Cluster's nodes (`host:port,host:port`), REDIS_URL then giving only credentials and TLS. */
  @IsString()
  REDIS_CLUSTER_NODES: string = '';

  /** BullMQ's key prefix; empty: `bull` on one server, `{bull}` (hash-tagged) on a cluster. */
  @IsString()
  REDIS_QUEUE_PREFIX: string = '';

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

  /** Server-side `statement_timeout` of the API's connections: a statement running longer is cancelled (503). */
  @IsInt()
  @Min(100)
  DB_STATEMENT_TIMEOUT_MS: number = 5000;

  /**
   * Client-side limit on any statement's answer, which also fires when the server is frozen and cannot
   * cancel anything itself; the connection is then discarded. Above the statement timeout, so that a
   * merely slow statement is cancelled by the server first.
   */
  @IsInt()
  @Min(100)
  DB_QUERY_TIMEOUT_MS: number = 7000;

  /** Longest wait to obtain a connection, from the pool or by opening one, before answering 503. */
  @IsInt()
  @Min(100)
  DB_CONNECT_TIMEOUT_MS: number = 3000;

  /**
   * The worker's statement timeout: a full scoring run's set-based statements may take minutes on a
   * large call, and nobody waits on them. Its client-side limit is this plus DB_QUERY_TIMEOUT_MS.
   */
  @IsInt()
  @Min(1000)
  WORKER_DB_STATEMENT_TIMEOUT_MS: number = 900_000;

  /** Longest wait for an answer of Redis to a command of the shared connection (rate limits, health). */
  @IsInt()
  @Min(100)
  REDIS_COMMAND_TIMEOUT_MS: number = 2000;
}

/** Settings of the platform plumbing; inject with `@Inject(platformConfig.KEY)`. */
export const platformConfig = registerAs('platform', () => {
  const settings = readEnv(PlatformEnv);
  try {
    redisTarget(settings);
  } catch (error) {
    if (error instanceof RedisSettingsError) throw new Error(`Invalid configuration:\n  ${error.message}`);
    throw error;
  }
  return settings;
});
export type PlatformConfig = ConfigType<typeof platformConfig>;
