import { BullModule, Processor, getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import {
  JobHandlers,
  JobProcessor,
  JobRoutingModule,
  MetricsModule,
  OutboxRelayModule,
  PlatformModule,
  QueueModule,
  Subscriptions,
  queueJobs,
} from '@app/platform';
import { eventually, withEnv } from '../support/async';

const QUEUE = 'routing-test';
type RoutingJobs = { 'routing.first': object; 'routing.second': object };
const served: string[] = [];

@Processor(QUEUE, { autorun: false })
class BothJobs extends JobProcessor<RoutingJobs> {
  protected readonly handlers: JobHandlers<RoutingJobs> = {
    'routing.first': async () => served.push('first'),
    'routing.second': async () => served.push('second'),
  };
}

@Processor(QUEUE, { autorun: false })
class FirstJobOnly extends JobProcessor<Pick<RoutingJobs, 'routing.first'>> {
  protected readonly handlers: JobHandlers<Pick<RoutingJobs, 'routing.first'>> = {
    'routing.first': async () => served.push('first, again'),
  };
}

/** A worker-like application of the routing queue with the given processors, booted; closed again if it fails. */
async function boot(processors: Type[]): Promise<INestApplicationContext> {
  const moduleRef = await withEnv({ OUTBOX_RELAY_ENABLED: 'false' }, () =>
    Test.createTestingModule({
      imports: [
        PlatformModule,
        MetricsModule,
        QueueModule,
        OutboxRelayModule.forQueues([QUEUE]),
        JobRoutingModule,
        Subscriptions.declare(queueJobs<RoutingJobs>(QUEUE, { 'routing.first': true, 'routing.second': true })),
        BullModule.registerQueue({ name: QUEUE, prefix: `test-${randomUUID()}` }),
      ],
      providers: processors,
    }).compile(),
  );
  try {
    return await moduleRef.init();
  } catch (error) {
    await moduleRef.close();
    throw error;
  }
}

describe('the worker’s check of its processors at boot', () => {
  it('boots when every job of the queue has exactly one processor, which then serves them', async () => {
    const app = await boot([BothJobs]);
    try {
      const queue = app.get<Queue>(getQueueToken(QUEUE));
      await queue.add('routing.second', {});
      await eventually(
        async () => served,
        (jobs) => jobs.includes('second'),
      );
      expect(served).toEqual(['second']);
    } finally {
      await app.get<Queue>(getQueueToken(QUEUE)).obliterate({ force: true });
      await app.close();
    }
  });

  it('refuses to boot when a job of the queue has no processor, naming it', async () => {
    await expect(boot([FirstJobOnly])).rejects.toThrow('job "routing.second" of queue "routing-test" has no processor');
  });

  it('refuses to boot when a job has two processors, naming both', async () => {
    await expect(boot([BothJobs, FirstJobOnly])).rejects.toThrow(
      'job "routing.first" of queue "routing-test" has 2 processors: BothJobs, FirstJobOnly',
    );
  });
});
