import { Global, Module } from '@nestjs/common';
import { Client, ClientConfig } from 'pg';
import type { PlatformConfig } from '../config';

/** Who waits on the statements: HTTP clients (short timeouts) or nobody (the worker's long runs). */
export type DatabaseWorkload = 'requests' | 'background';

export const DATABASE_WORKLOAD = Symbol('DATABASE_WORKLOAD');

/**
 * Imported by the worker: its connections take WORKER_DB_STATEMENT_TIMEOUT_MS, since a full scoring
 * run's set-based statements may run for minutes and no HTTP client waits on them.
 */
@Global()
@Module({
  providers: [{ provide: DATABASE_WORKLOAD, useValue: 'background' satisfies DatabaseWorkload }],
  exports: [DATABASE_WORKLOAD],
})
export class BackgroundDatabaseWorkloadModule {}

/**
 * A pg client that closes its connection when an answer does not come within `query_timeout`. The
 * statement may still be running (or the server be frozen), so the connection cannot serve anyone
 * else: lent again, its next user would queue behind the stuck statement, or inherit a transaction
 * whose ROLLBACK never went through. Closed, the pool drops it (a closing client is never lent
 * again) and the server rolls back whatever it held once it notices.
 */
export class DiscardOnTimeoutClient extends Client {
  constructor(config?: string | ClientConfig) {
    super(config);
    const query = this.query.bind(this) as (...args: unknown[]) => unknown;
    this.query = ((...args: unknown[]) => {
      const last = args.length - 1;
      const callback = args[last];
      if (typeof callback === 'function') {
        args[last] = (error: unknown, ...rest: unknown[]) => {
          this.discardAfter(error);
          return (callback as (...values: unknown[]) => unknown)(error, ...rest);
        };
      }
      const result = query(...args);
      if (result instanceof Promise) result.catch((error: unknown) => this.discardAfter(error));
      return result;
    }) as Client['query'];
  }

  private discardAfter(error: unknown): void {
    if ((error as { message?: unknown } | undefined)?.message === 'Query read timeout') {
      this.end().catch(() => undefined);
    }
  }
}

/** The options of pg's pool (TypeORM's `extra`) for a workload: its timeouts and the discarding client. */
export function poolOptions(config: PlatformConfig, workload: DatabaseWorkload) {
  const background = workload === 'background';
  return {
    max: config.DB_POOL_SIZE,
    Client: DiscardOnTimeoutClient,
    connectionTimeoutMillis: config.DB_CONNECT_TIMEOUT_MS,
    statement_timeout: background ? config.WORKER_DB_STATEMENT_TIMEOUT_MS : config.DB_STATEMENT_TIMEOUT_MS,
    query_timeout: background
      ? config.WORKER_DB_STATEMENT_TIMEOUT_MS + config.DB_QUERY_TIMEOUT_MS
      : config.DB_QUERY_TIMEOUT_MS,
    // Notices a peer that vanished without closing (a host gone) on idle connections too.
    keepAlive: true,
  };
}
