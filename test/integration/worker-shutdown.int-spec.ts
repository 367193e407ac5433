import { BullModule, Processor } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { JobHandlers, JobProcessor, PlatformModule, QueueModule, StopTakingJobs } from '@app/platform';
import { eventually, withEnv } from '../support/async';
import { RedisServer } from '../support/redis-server';

const QUEUE = 'shutdown-test';
type NoJobs = Record<string, never>;

@Processor(QUEUE, { autorun: false })
class IdleProcessor extends JobProcessor<NoJobs> {
  protected readonly handlers: JobHandlers<NoJobs> = {};
}

/** What the worker's two connections' clients report (BullMQ keeps them private). */
function connectionStatuses(processor: IdleProcessor): string[] {
  const held = processor.worker as unknown as Record<
    'blockingConnection' | 'connection',
    { _client: { status: string } }
  >;
  return [held.blockingConnection._client.status, held.connection._client.status];
}

describe('a worker told to stop while Redis is down', () => {
  let redis: RedisServer;
  let app: INestApplicationContext | undefined;

  beforeAll(async () => {
    redis = await RedisServer.start();
    const moduleRef = await withEnv({ REDIS_URL: redis.url }, () =>
      Test.createTestingModule({
        imports: [
          PlatformModule,
          QueueModule,
          BullModule.registerQueue({ name: QUEUE, prefix: `test-${randomUUID()}` }),
        ],
        providers: [IdleProcessor],
      }).compile(),
    );
    app = await moduleRef.init();
    app.get(StopTakingJobs).graceMs = 100;
  });

  afterAll(async () => {
    await app?.close();
    await redis.stop();
  });

  it('closes once its grace period is over, its connections waiting to reconnect ended', async () => {
    const processor = app!.get(IdleProcessor);
    await processor.worker.waitUntilReady();
    let closed = false;
    processor.worker.on('closed', () => (closed = true));

    await redis.stop();
    await eventually(
      async () => connectionStatuses(processor),
      (statuses) => statuses.every((status) => status === 'reconnecting'),
    );
    await app!.close();
    app = undefined;

    // Without ending them, BullMQ's close waits forever for the blocking connection's end.
    expect(closed).toBe(true);
    expect(connectionStatuses(processor)).toEqual(['end', 'end']);
  });
});
