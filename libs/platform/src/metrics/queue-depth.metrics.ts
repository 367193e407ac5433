import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { Gauge } from 'prom-client';
import { RELAYED_QUEUES } from '../outbox/outbox-relay';
import { Metrics } from './metrics';

const STATES = ['waiting', 'delayed', 'active', 'completed', 'failed'] as const;

/** Jobs per queue and state, read from BullMQ when Prometheus scrapes (worker only). */
@Injectable()
export class QueueDepthMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    private readonly moduleRef: ModuleRef,
    @Inject(RELAYED_QUEUES) private readonly queues: string[],
  ) {}

  onModuleInit(): void {
    const queues = this.queues.map((name) => this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }));
    new Gauge({
      name: 'queue_jobs',
      help: 'Jobs in each queue by state',
      labelNames: ['queue', 'state'],
      registers: [this.metrics.registry],
      async collect() {
        for (const queue of queues) {
          const counts = await queue.getJobCounts(...STATES);
          for (const state of STATES) this.set({ queue: queue.name, state }, counts[state] ?? 0);
        }
      },
    });
  }
}
