import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { PlatformConfig, platformConfig } from '@app/platform';

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
 */
@Injectable()
export class LoginCounters implements OnApplicationShutdown {
  private readonly redis: Redis;

  constructor(@Inject(platformConfig.KEY) config: PlatformConfig) {
    this.redis = new Redis(config.REDIS_URL, {
      commandTimeout: config.REDIS_COMMAND_TIMEOUT_MS,
      maxRetriesPerRequest: 0,
    });
    // Failures reach the callers of count(); the connection retries by itself.
    this.redis.on('error', () => undefined);
  }

  /** Counts one attempt under each key, in one round trip; a window starts with its first attempt. */
  async count(keys: string[], windowMs: number): Promise<CounterWindow[]> {
    const batch = this.redis.multi();
    for (const key of keys) batch.set(key, 0, 'PX', windowMs, 'NX').incr(key).pttl(key);
    const replies = await batch.exec();
    if (!replies) throw new Error('The sign-in counters transaction was discarded');
    return keys.map((_, index) => {
      const [, [incrError, count], [ttlError, remainingMs]] = replies.slice(index * 3, index * 3 + 3);
      if (incrError || ttlError) throw incrError ?? ttlError;
      return { count: Number(count), remainingMs: Math.max(0, Number(remainingMs)) };
    });
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
