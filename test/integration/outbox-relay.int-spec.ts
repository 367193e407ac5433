import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Queue, Worker } from 'bullmq';
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import {
  MetricsModule,
  Outbox,
  OutboxModule,
  OutboxRelay,
  OutboxRelayModule,
  PlatformModule,
  QueueModule,
  REDIS,
  RedisDurabilityCheck,
  Subscriptions,
  Transactions,
  eventsOf,
  queueJobs,
} from '@app/platform';

const QUEUE = 'outbox-test';
/** A second context's queue, subscribing to one of the events the first one receives. */
const SECOND_QUEUE = 'outbox-test-second';
type TestEvents = { 'test.job': object; 'test.event': { n: number } };
const testEvent = eventsOf<TestEvents>();

/** A worker-like context whose relay runs only when the test asks, with a queue of its own. */
async function relayContext(env: Record<string, string> = {}): Promise<INestApplicationContext> {
  const saved = { ...process.env };
  Object.assign(process.env, { OUTBOX_RELAY_ENABLED: 'false', ...env });
  try {
    const moduleRef = await Test.createTestingModule({
      imports: [
        PlatformModule,
        MetricsModule,
        QueueModule,
        OutboxModule,
        OutboxRelayModule.forQueues([QUEUE, SECOND_QUEUE]),
        Subscriptions.declare(queueJobs<TestEvents>(QUEUE, { 'test.job': true, 'test.event': true })),
        Subscriptions.declare(queueJobs<Pick<TestEvents, 'test.event'>>(SECOND_QUEUE, { 'test.event': true })),
        BullModule.registerQueue(
          { name: QUEUE, prefix: `test-${randomUUID()}` },
          { name: SECOND_QUEUE, prefix: `test-${randomUUID()}` },
        ),
      ],
    }).compile();
    return await moduleRef.init();
  } finally {
    process.env = saved;
  }
}

describe('outbox relay', () => {
  let context: INestApplicationContext;
  let outbox: Outbox;
  let relay: OutboxRelay;
  let transactions: Transactions;
  let queue: Queue;
  let second: Queue;
  let db: DataSource;

  beforeAll(async () => {
    context = await relayContext();
    outbox = context.get(Outbox);
    relay = context.get(OutboxRelay);
    transactions = context.get(Transactions);
    queue = context.get<Queue>(getQueueToken(QUEUE));
    second = context.get<Queue>(getQueueToken(SECOND_QUEUE));
    db = context.get(DataSource);
  });

  afterAll(async () => {
    await queue.obliterate({ force: true });
    await second.obliterate({ force: true });
    await context.close();
  });

  beforeEach(async () => {
    // Each test counts only its own rows.
    await db.query(`UPDATE outbox SET completed_at = now() WHERE queue = ANY($1) AND completed_at IS NULL`, [
      [QUEUE, SECOND_QUEUE],
    ]);
    await queue.obliterate({ force: true });
    await second.obliterate({ force: true });
  });

  const add = (payload: Record<string, unknown>) =>
    transactions.run((tx) => outbox.add(tx, { queue: QUEUE, name: 'test.job', payload }));
  const row = async (id: string) =>
    (await db.query(`SELECT dispatched_at, dispatch_count, completed_at FROM outbox WHERE id = $1`, [id]))[0];

  it('moves a committed row to BullMQ with the row id as the job id, once', async () => {
    const id = await add({ callId: 'c-1' });
    expect(await relay.relayOnce()).toBe(1);
    const job = await queue.getJob(id);
    expect(job?.name).toBe('test.job');
    expect(job?.data).toEqual({ callId: 'c-1', outboxId: id });
    expect(await row(id)).toMatchObject({ dispatch_count: 1, completed_at: null });
    expect(await relay.relayOnce()).toBe(0);
  });

  it('relays nothing of a transaction that rolled back', async () => {
    await expect(
      transactions.run(async (tx) => {
        await outbox.add(tx, { queue: QUEUE, name: 'test.job', payload: {} });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await relay.relayOnce()).toBe(0);
    expect(await queue.count()).toBe(0);
  });

  it('sends again a row dispatched long ago and never completed, which restores a job Redis lost', async () => {
    const id = await add({});
    await relay.relayOnce();
    await queue.obliterate({ force: true });
    await db.query(`UPDATE outbox SET dispatched_at = now() - interval '1 hour' WHERE id = $1`, [id]);
    expect(await relay.relayOnce()).toBe(1);
    expect(await queue.getJob(id)).toBeDefined();
    expect(await row(id)).toMatchObject({ dispatch_count: 2 });
  });

  it('never sends a completed row again', async () => {
    const id = await add({});
    await db.query(`UPDATE outbox SET completed_at = now() WHERE id = $1`, [id]);
    await db.query(`UPDATE outbox SET dispatched_at = now() - interval '1 hour' WHERE id = $1`, [id]);
    expect(await relay.relayOnce()).toBe(0);
  });

  it('lets several relays share the rows without sending any twice', async () => {
    // One after another: what is shared here is the relaying, and sixty commits at once, each notifying the
    // relays, queue for the pool longer than its connection timeout on a loaded machine.
    const ids: string[] = [];
    for (let n = 0; n < 60; n++) ids.push(await add({ n }));
    const second = await relayContext();
    try {
      const sent = await Promise.all([relay.relayOnce(), second.get(OutboxRelay).relayOnce(), relay.relayOnce()]);
      expect(sent.reduce((a, b) => a + b, 0)).toBe(60);
      const counts = await db.query(`SELECT dispatch_count FROM outbox WHERE id = ANY($1::uuid[])`, [ids]);
      expect(counts.map((c: { dispatch_count: number }) => c.dispatch_count)).toEqual(new Array(60).fill(1));
    } finally {
      await second.close();
    }
  });

  it('publishes many events in one statement, each relayed as a job of its own', async () => {
    const events = [1, 2, 3].map((n) => testEvent('test.event', { n }));
    await transactions.run((tx) => outbox.publishMany(tx, events));
    await transactions.run((tx) => outbox.publishMany(tx, []));
    expect(await relay.relayOnce()).toBe(6);
    const jobs = await queue.getJobs(['waiting']);
    expect(jobs.map((j) => j.data.n).sort()).toEqual([1, 2, 3]);
    for (const job of jobs)
      expect({ name: job.name, id: job.id }).toEqual({ name: 'test.event', id: job.data.outboxId });
  });

  it('gives every declared subscriber of an event a row and a job of its own, and no one else', async () => {
    const ids = await transactions.run((tx) => outbox.publish(tx, testEvent('test.event', { n: 7 })));
    const [onlyFirst] = await transactions.run((tx) => outbox.publish(tx, testEvent('test.job', {})));
    const rows = (await db.query(`SELECT id, queue FROM outbox WHERE id = ANY($1::uuid[]) ORDER BY queue`, [
      [...ids, onlyFirst],
    ])) as Array<{ id: string; queue: string }>;
    expect(rows.map((r) => r.queue)).toEqual([QUEUE, QUEUE, SECOND_QUEUE]);
    expect(await relay.relayOnce()).toBe(3);
    const firstJobs = await queue.getJobs(['waiting']);
    const secondJobs = await second.getJobs(['waiting']);
    expect(firstJobs.map((j) => j.name).sort()).toEqual(['test.event', 'test.job']);
    expect(secondJobs.map((j) => ({ name: j.name, data: j.data as unknown }))).toEqual([
      { name: 'test.event', data: { n: 7, outboxId: rows.find((r) => r.queue === SECOND_QUEUE)?.id } },
    ]);
  });

  it('writes nothing for an event no queue declares', async () => {
    const undeclared = { name: 'test.nobody-listens', payload: {} };
    expect(await transactions.run((tx) => outbox.publish(tx, undeclared))).toEqual([]);
    expect(await relay.relayOnce()).toBe(0);
  });

  it('leaves the rows of an excluded queue to other relays', async () => {
    const id = await add({});
    const excluding = await relayContext({ OUTBOX_RELAY_EXCLUDE: `other-queue,${QUEUE}` });
    try {
      expect(await excluding.get(OutboxRelay).relayOnce()).toBe(0);
      expect(await row(id)).toMatchObject({ dispatch_count: 0 });
    } finally {
      await excluding.close();
    }
    expect(await relay.relayOnce()).toBe(1);
  });

  it('keeps rows pending while Redis is unreachable', async () => {
    const id = await add({});
    const offline = await relayContext({ REDIS_URL: 'redis://127.0.0.1:1', OUTBOX_DISPATCH_TIMEOUT_MS: '300' });
    try {
      await expect(offline.get(OutboxRelay).relayOnce()).rejects.toThrow(/did not accept/);
      expect(await row(id)).toMatchObject({ dispatched_at: null, dispatch_count: 0 });
    } finally {
      await offline.close();
    }
    expect(await relay.relayOnce()).toBe(1);
  });
});

describe('outbox relay woken by PostgreSQL notifications', () => {
  // Polling every ten minutes: only a notification can send a row within the suite's timeout.
  const LISTENING = { OUTBOX_RELAY_ENABLED: 'true', OUTBOX_POLL_MS: '600000', OUTBOX_LISTEN_RETRY_MS: '50' };
  let context: INestApplicationContext;
  let queue: Queue;
  let db: DataSource;

  beforeAll(async () => {
    context = await relayContext(LISTENING);
    queue = context.get<Queue>(getQueueToken(QUEUE));
    db = context.get(DataSource);
  });

  afterAll(async () => {
    await queue.obliterate({ force: true });
    await context.close();
  });

  /** The backend of the relay's listening connection, once it listens. */
  const listener = async (): Promise<number | undefined> => {
    const [row] = (await db.query(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN outbox'`,
    )) as Array<{ pid: number }>;
    return row?.pid;
  };

  /**
   * Rows one after the other, each once the previous one's job exists: the relay's start and its
   * connection may each have sent one row, never three.
   */
  const relayedOneByOne = async () => {
    for (let n = 0; n < 3; n++) {
      const id = await context
        .get(Transactions)
        .run((tx) => context.get(Outbox).add(tx, { queue: QUEUE, name: 'test.job', payload: { n } }));
      await waitFor(async () => (await queue.getJob(id)) !== undefined);
    }
  };

  it('sends each committed row at once, without waiting for the next poll', async () => {
    await waitFor(async () => (await listener()) !== undefined);
    await relayedOneByOne();
  });

  it('listens again after its connection was lost, and sends rows at once again', async () => {
    const lost = await listener();
    await db.query(`SELECT pg_terminate_backend($1)`, [lost]);
    await waitFor(async () => ![undefined, lost].includes(await listener()));
    await relayedOneByOne();
  });
});

describe('Redis durability check', () => {
  it('names what the local Redis (no AOF here) would lose', async () => {
    const context = await relayContext();
    try {
      const warnings = await context.get(RedisDurabilityCheck).warnings();
      const [, appendonly] = (await context.get<Redis>(REDIS).config('GET', 'appendonly')) as string[];
      expect(warnings.some((w) => w.startsWith('appendonly is off'))).toBe(appendonly !== 'yes');
    } finally {
      await context.close();
    }
  });

  it('says it could not check when Redis is unreachable', async () => {
    const context = await relayContext({ REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      expect(await context.get(RedisDurabilityCheck).warnings()).toEqual([
        expect.stringMatching(/^could not read the Redis configuration/),
      ]);
    } finally {
      await context.close();
    }
  });
});

describe('outbox relay and failed jobs', () => {
  it('retries, when sending again, a job that BullMQ kept as failed', async () => {
    const context = await relayContext();
    const queue = context.get<Queue>(getQueueToken(QUEUE));
    const db = context.get(DataSource);
    const id = await context
      .get(Transactions)
      .run((tx) => context.get(Outbox).add(tx, { queue: QUEUE, name: 'test.job', payload: {} }));
    let succeed = false;
    const worker = new Worker(
      queue.name,
      async () => {
        if (!succeed) throw new Error('the database is down');
      },
      { connection: queue.opts.connection, prefix: queue.opts.prefix },
    );
    try {
      // Dispatched once already, and failed past its attempts.
      await queue.add('test.job', { outboxId: id }, { jobId: id, attempts: 1 });
      await waitFor(async () => (await queue.getJob(id))?.isFailed());
      await db.query(`UPDATE outbox SET dispatched_at = now() - interval '1 hour', dispatch_count = 1 WHERE id = $1`, [
        id,
      ]);
      succeed = true;
      expect(await context.get(OutboxRelay).relayOnce()).toBe(1);
      await waitFor(async () => (await queue.getJob(id))?.isCompleted());
    } finally {
      await worker.close();
      await queue.obliterate({ force: true });
      await context.close();
    }
  });
});

/** Polls a condition until it holds (10 s at most). */
async function waitFor(condition: () => Promise<boolean | undefined>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not reached within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
