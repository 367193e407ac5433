import { BULL_BOARD_INSTANCE, type BullBoardInstance } from '@bull-board/nestjs';
import request from 'supertest';
import type { Response } from 'supertest';
import { DashboardQueueRepair } from '../../libs/platform/src/queue-dashboard/queue-dashboard.outages';
import { eventually, withEnv } from '../support/async';
import { adminToken } from '../support/fixtures';
import { RedisServer } from '../support/redis-server';
import { TestApi } from '../support/test-app';

/**
 * Redis down or frozen: what needs it answers 503 with Retry-After in bounded time (readiness, the
 * queue dashboard), what does not keeps working, and the API reconnects by itself. The suite runs a
 * Redis of its own, which it kills, starts again, freezes (SIGSTOP) and thaws.
 */
describe('Redis outage', () => {
  let redis: RedisServer;
  let api: TestApi;
  let token: string;

  beforeAll(async () => {
    redis = await RedisServer.start();
    api = await withEnv({ REDIS_URL: redis.url, REDIS_COMMAND_TIMEOUT_MS: '500' }, () => TestApi.start());
    token = await adminToken(api);
  });
  afterAll(async () => {
    redis?.thaw();
    await api?.close();
    await redis?.stop();
  });

  const ready = () => api.get('/health/ready');
  const listCalls = () => api.get('/api/v1/calls', { token });
  /** Bull Board's own API: Express routes outside the OpenAPI document. */
  const queues = () => request(api.server).get('/queues/api/queues').set('Authorization', `Bearer ${token}`);

  /** 503 SERVICE_UNAVAILABLE; Bull Board writes its answers itself, without Retry-After. */
  function expectUnavailable(response: Response, retryAfter = true): void {
    expect({ status: response.status, code: response.body?.code }).toEqual({
      status: 503,
      code: 'SERVICE_UNAVAILABLE',
    });
    if (retryAfter) expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
  }

  /** Each client reconnects on its own schedule: readiness and the dashboard come back. */
  async function expectServing(): Promise<void> {
    const statuses = await eventually(
      async () => [(await ready()).status, (await queues()).status],
      (answers) => answers.every((status) => status === 200),
      20_000,
    );
    expect(statuses).toEqual([200, 200]);
  }

  it('stopped: readiness and the queue dashboard answer 503, the API serves what needs only PostgreSQL', async () => {
    await redis.stop();
    const readiness = await ready();
    expectUnavailable(readiness);
    expect(readiness.body.detail).toMatch(/redis down/);
    expectUnavailable(await queues(), false);
    // Bull Board answers without the request; the dashboard's middleware gives it the reader's language.
    const inFrench = await queues().set('Accept-Language', 'fr');
    expectUnavailable(inFrench, false);
    expect(inFrench.body.detail).toBe(
      'Les files d’attente ne peuvent pas être lues pour le moment ; veuillez réessayer dans quelques instants.',
    );
    expect((await listCalls()).status).toBe(200);
  });

  it('started again: serves again without a restart', async () => {
    await redis.start();
    await expectServing();
  });

  it('frozen: answers 503 within the command timeout, then recovers once thawed', async () => {
    redis.freeze();
    try {
      const [readiness, dashboard, calls] = await Promise.all([ready(), queues(), listCalls()]);
      expectUnavailable(readiness);
      expectUnavailable(dashboard, false);
      expect(calls.status).toBe(200);
    } finally {
      redis.thaw();
    }
    await expectServing();
  }, 20_000);

  it('a dashboard queue whose connection failed to become ready is replaced by one that connects', async () => {
    // Redis too slow for the command timeout when a queue first connects: a loaded machine did it.
    const board = api.app.get<BullBoardInstance>(BULL_BOARD_INSTANCE, { strict: false });
    const added = jest.spyOn(board, 'addQueue');
    api.app.get(DashboardQueueRepair, { strict: false }).watch({
      name: 'scoring',
      waitUntilReady: () => Promise.reject(new Error('Command timed out')),
    });
    const replacement = await eventually(
      async () => added.mock.calls.map(([adapter]) => adapter.getName()),
      (names) => names.length > 0,
      10_000,
    );
    expect(replacement).toEqual(['scoring']);
    await expectServing();
    const scoring = await queues();
    expect((scoring.body.queues as Array<{ name: string }>).map((q) => q.name)).toContain('scoring');
  });
});
