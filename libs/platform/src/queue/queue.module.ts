import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { DiscoveryModule } from '@nestjs/core';
import type { ConnectionOptions } from 'bullmq';
import { PlatformConfig, platformConfig } from '../config';
import { RedisDurabilityCheck } from './redis-durability.check';
import { StopTakingJobs } from './stop-taking-jobs';

/** BullMQ's connection from REDIS_URL; workers need `maxRetriesPerRequest: null` to block on Redis. */
export function bullConnection(redisUrl: string): ConnectionOptions {
  const url = new URL(redisUrl);
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: Number(url.port || 6379),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : undefined,
    // A rediss:// URL asks for TLS, as ioredis reads it from a URL; options built by hand must say so.
    tls: url.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

/** Queues keep failed jobs for inspection and a short tail of completed ones. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 3600, count: 10_000 },
  removeOnFail: false,
} as const;

@Global()
@Module({
  imports: [
    DiscoveryModule,
    BullModule.forRootAsync({
      imports: [ConfigModule.forFeature(platformConfig)],
      inject: [platformConfig.KEY],
      useFactory: (config: PlatformConfig) => ({
        connection: bullConnection(config.REDIS_URL),
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
  ],
  providers: [RedisDurabilityCheck, StopTakingJobs],
  exports: [RedisDurabilityCheck],
})
export class QueueModule {}
