import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RedisServer } from '../support/redis-server';
import { startWorker } from '../support/worker';
import { TestApi } from '../support/test-app';

/**
 * The API's connections give up on a statement after seconds, for a client waits on it; the worker's
 * allow the minutes a full scoring run's statements may take on a large call.
 */
describe('database timeouts', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let redis: RedisServer;

  beforeAll(async () => {
    api = await TestApi.start();
    // Its queues on a Redis of its own: nothing of the other suites' work reaches it.
    redis = await RedisServer.start();
    worker = await startWorker({ REDIS_URL: redis.url, WORKER_DB_STATEMENT_TIMEOUT_MS: '600000' });
  });
  afterAll(async () => {
    await worker?.close();
    await redis?.stop();
    await api?.close();
  });

  const statementTimeout = async (app: INestApplicationContext) => {
    const [row] = (await app.get(DataSource).query('SHOW statement_timeout')) as Array<{ statement_timeout: string }>;
    return row.statement_timeout;
  };

  it('cancels the API’s statements after DB_STATEMENT_TIMEOUT_MS (5 s by default)', async () => {
    expect(await statementTimeout(api.app)).toBe('5s');
  });

  it('lets the worker’s statements run for WORKER_DB_STATEMENT_TIMEOUT_MS', async () => {
    expect(await statementTimeout(worker)).toBe('10min');
  });
});
