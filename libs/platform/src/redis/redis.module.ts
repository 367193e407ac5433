import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { PlatformConfig, platformConfig } from '../config';
import { RedisClient, RedisConnections, closeClient } from './redis-connections';

export const REDIS = Symbol('REDIS');

/** One shared connection for health checks and short-lived keys; queues and counters open their own. */
@Global()
@Module({
  imports: [ConfigModule.forFeature(platformConfig)],
  providers: [
    RedisConnections,
    {
      provide: REDIS,
      inject: [platformConfig.KEY, RedisConnections],
      // A command fails (503) instead of waiting: after one reconnection attempt while Redis is down,
      // and after REDIS_COMMAND_TIMEOUT_MS while it accepts but does not answer (frozen, overloaded).
      useFactory: (config: PlatformConfig, connections: RedisConnections) =>
        connections.open({ maxRetriesPerRequest: 1, commandTimeout: config.REDIS_COMMAND_TIMEOUT_MS }),
    },
  ],
  exports: [REDIS, RedisConnections],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: RedisClient) {}

  async onApplicationShutdown(): Promise<void> {
    await closeClient(this.redis);
  }
}
