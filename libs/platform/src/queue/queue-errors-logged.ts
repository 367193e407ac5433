import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Queue } from 'bullmq';

/**
 * Logs the errors of every queue the process adds jobs to. A queue re-emits its connection's errors
 * (a Redis Cluster that lost its nodes, a refused reconnection) as `error` events; with nobody
 * listening, BullMQ prints them to stderr as unhandled errors with their stacks, outside the logs.
 */
@Injectable()
export class QueueErrorsLogged implements OnApplicationBootstrap {
  private readonly logger = new Logger('Queue');

  constructor(private readonly discovery: DiscoveryService) {}

  onApplicationBootstrap(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const queue: unknown = wrapper.instance;
      if (queue instanceof Queue) {
        queue.on('error', (error: Error) => this.logger.warn({ err: error, queue: queue.name }, 'Queue error'));
      }
    }
  }
}
