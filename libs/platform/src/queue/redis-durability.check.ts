import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Cluster } from 'ioredis';
import { REDIS, RedisClient } from '../redis';

/**
 * Warns at start when Redis may lose queued jobs: BullMQ needs `maxmemory-policy noeviction`, and
 * without AOF a restart forgets everything. Nothing is lost for good (the outbox sends again), but
 * work is delayed by the redispatch timeout, so operators should know. On a cluster every node is
 * read, replicas included (a replica becomes the master of its slots when its master fails).
 */
@Injectable()
export class RedisDurabilityCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger('Redis');

  constructor(@Inject(REDIS) private readonly redis: RedisClient) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const warning of await this.warnings()) this.logger.warn(warning);
  }

  async warnings(): Promise<string[]> {
    try {
      if (!(this.redis instanceof Cluster)) return await serverWarnings(this.redis, '');
      const nodes = this.redis.nodes('all');
      const perNode = await Promise.all(
        nodes.map((node) => serverWarnings(node, `${node.options.host}:${node.options.port}: `)),
      );
      return perNode.flat();
    } catch (error) {
      return [`could not read the Redis configuration (${error instanceof Error ? error.message : String(error)})`];
    }
  }
}

async function serverWarnings(server: RedisClient, label: string): Promise<string[]> {
  const [, policy] = (await server.config('GET', 'maxmemory-policy')) as string[];
  const [, appendonly] = (await server.config('GET', 'appendonly')) as string[];
  return [
    ...(policy === 'noeviction' ? [] : [`${label}maxmemory-policy is ${policy}; BullMQ needs noeviction`]),
    ...(appendonly === 'yes' ? [] : [`${label}appendonly is off: queued jobs do not survive a Redis restart`]),
  ];
}
