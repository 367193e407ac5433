import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { PlatformConfig, RedisClient, RedisConnections, platformConfig } from '@app/platform';

export interface CounterWindow {
  /** Attempts counted in the current window, this one included. */
  count: number;
  /** Milliseconds until the window ends. */
  remainingMs: number;
}

/**
 * Fixed-window counters of sign-in attempts in Redis, shared by every replica. A connection of its
 * own, that does not retry a command: when Redis is down, a command fails at the first failed
 * reconnection or after REDIS_COMMAND_TIMEOUT_MS, instead of waiting for Redis to come back.
 * Each counter is its own transaction: the keys of one call may lie in different slots of a cluster.
 */
@Injectable()
export class LoginCounters implements OnApplicationShutdown {
  private readonly redis: RedisClient;

  constructor(@Inject(platformConfig.KEY) config: PlatformConfig, connections: RedisConnections) {
    this.redis = connections.open({ commandTimeout: config.REDIS_COMMAND_TIMEOUT_MS, maxRetriesPerRequest: 0 });
    // Failures reach the callers of count(); the connection retries by itself.
    this.redis.on('error', () => undefined);
  }

  /** Counts one attempt under each key, all sent at once; a window starts with its first attempt. */
  async count(keys: string[], windowMs: number): Promise<CounterWindow[]> {
    return Promise.all(keys.map((key) => this.countOne(key, windowMs)));
  }

  private async countOne(key: string, windowMs: number): Promise<CounterWindow> {
    const replies = await this.redis.multi().set(key, 0, 'PX', windowMs, 'NX').incr(key).pttl(key).exec();
    if (!replies) throw new Error('The sign-in counter transaction was discarded');
    const [, [incrError, count], [ttlError, remainingMs]] = replies;
    if (incrError || ttlError) throw incrError ?? ttlError;
    return { count: Number(count), remainingMs: Math.max(0, Number(remainingMs)) };
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
