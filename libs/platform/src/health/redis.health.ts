import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { Cluster } from 'ioredis';
import { REDIS, RedisClient, clusterServesAllSlots, parseClusterInfo } from '../redis';

@Injectable()
export class RedisHealthIndicator {
  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    private readonly indicator: HealthIndicatorService,
  ) {}

  /** One server: up when it answers PING. A cluster: up when CLUSTER INFO says every slot is served. */
  async isHealthy(key: string, timeoutMs = 1000) {
    const check = this.indicator.check(key);
    try {
      const timeout = new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('timeout')), timeoutMs).unref(),
      );
      if (!(this.redis instanceof Cluster)) {
        await Promise.race([this.redis.ping(), timeout]);
        return check.up();
      }
      const cluster = parseClusterInfo(await Promise.race([this.redis.cluster('INFO'), timeout]));
      const details = { mode: 'cluster', cluster };
      return clusterServesAllSlots(cluster)
        ? check.up(details)
        : check.down({ ...details, message: `cluster_state:${cluster.state}` });
    } catch (error) {
      return check.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}
