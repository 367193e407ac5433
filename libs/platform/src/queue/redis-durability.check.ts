import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import Redis from 'ioredis';
import { REDIS } from '../redis';

/**
 * Warns at start when Redis may lose queued jobs: BullMQ needs `maxmemory-policy noeviction`, and
 * without AOF a restart forgets everything. Nothing is lost for good (the outbox sends again), but
 * work is delayed by the redispatch timeout, so operators should know.
 */
@Injectable()
export class RedisDurabilityCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger('Redis');

  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const warning of await this.warnings()) this.logger.warn(warning);
  }

  async warnings(): Promise<string[]> {
    try {
      const [, policy] = (await this.redis.config('GET', 'maxmemory-policy')) as string[];
      const [, appendonly] = (await this.redis.config('GET', 'appendonly')) as string[];
      return [
        ...(policy === 'noeviction' ? [] : [`maxmemory-policy is ${policy}; BullMQ needs noeviction`]),
        ...(appendonly === 'yes' ? [] : ['appendonly is off: queued jobs do not survive a Redis restart']),
      ];
    } catch (error) {
      return [`could not read the Redis configuration (${error instanceof Error ? error.message : String(error)})`];
    }
  }
}
