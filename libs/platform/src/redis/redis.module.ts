import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import Redis from 'ioredis';
import { PlatformConfig, platformConfig } from '../config';

export const REDIS = Symbol('REDIS');

/** One shared connection for health checks and rate limiting; queues open their own. */
@Global()
@Module({
  imports: [ConfigModule.forFeature(platformConfig)],
  providers: [
    {
      provide: REDIS,
      inject: [platformConfig.KEY],
      // A command fails (503) instead of waiting: after one reconnection attempt while Redis is down,
      // and after REDIS_COMMAND_TIMEOUT_MS while it accepts but does not answer (frozen, overloaded).
      useFactory: (config: PlatformConfig) =>
        new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, commandTimeout: config.REDIS_COMMAND_TIMEOUT_MS }),
    },
  ],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  /** QUIT when connected; a connection still retrying is simply dropped (QUIT would wait for it). */
  async onApplicationShutdown(): Promise<void> {
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => this.redis.disconnect());
    else this.redis.disconnect();
  }
}
