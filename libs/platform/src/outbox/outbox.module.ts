import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { DiscoveryModule } from '@nestjs/core';
import { platformConfig } from '../config';
import { JobRoutingCheck } from './job-routing';
import { Outbox } from './outbox';
import { QueueDepthMetrics } from '../metrics/queue-depth.metrics';
import { OutboxRelay, RELAYED_QUEUES } from './outbox-relay';
import { outboxConfig } from './outbox.config';
import { Subscriptions } from './subscriptions';

/** The writer side, for every process that changes state. */
@Global()
@Module({ providers: [Outbox, Subscriptions], exports: [Outbox, Subscriptions] })
export class OutboxModule {}

/** The relay, for the worker only, of the queues whose processors it registers. */
@Module({})
export class OutboxRelayModule {
  static forQueues(queues: string[]): DynamicModule {
    return {
      module: OutboxRelayModule,
      imports: [ConfigModule.forFeature(outboxConfig), ConfigModule.forFeature(platformConfig)],
      providers: [{ provide: RELAYED_QUEUES, useValue: queues }, OutboxRelay, QueueDepthMetrics],
      exports: [OutboxRelay, RELAYED_QUEUES],
    };
  }
}

/** The worker's check, at boot, that each job of the relayed queues has exactly one processor. */
@Module({ imports: [DiscoveryModule], providers: [JobRoutingCheck] })
export class JobRoutingModule {}
