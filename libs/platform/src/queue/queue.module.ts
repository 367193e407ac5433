import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { RedisConnections } from '../redis';
import { QueueErrorsLogged } from './queue-errors-logged';
import { RedisDurabilityCheck } from './redis-durability.check';
import { StopTakingJobs } from './stop-taking-jobs';

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
      inject: [RedisConnections],
      // The prefix is `bull` on one server (as it always was) and hash-tagged on a cluster.
      useFactory: (connections: RedisConnections) => ({
        connection: connections.forQueues(),
        prefix: connections.target.queuePrefix,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
  ],
  providers: [RedisDurabilityCheck, StopTakingJobs, QueueErrorsLogged],
  exports: [RedisDurabilityCheck],
})
export class QueueModule {}
