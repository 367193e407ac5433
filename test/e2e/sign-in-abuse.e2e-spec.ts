import { randomInt } from 'node:crypto';
import request, { Response } from 'supertest';
import { eventually, withEnv } from '../support/async';
import { ADMIN, PASSWORD, adminToken, uniqueEmail } from '../support/fixtures';
import { RedisServer } from '../support/redis-server';
import { TestApi } from '../support/test-app';
import { expectProblem } from './identity.helpers';

/**
 * A client address of its own per call, in a /24 of the shared address space drawn per run: the
 * counters of a run a minute earlier are still in Redis.
 */
const RUN_PREFIX = `100.${64 + randomInt(64)}.${randomInt(256)}`;
let lastAddress = 0;
const clientAddress = () => `${RUN_PREFIX}.${(++lastAddress % 254) + 1}`;

function attempt(api: TestApi, email: string, password: string, headers: Record<string, string> = {}) {
  return api.post('/api/v1/auth/login', { body: { email, password }, headers });
}

async function register(api: TestApi): Promise<string> {
  const email = uniqueEmail('abuse');
  const res = await api.post('/api/v1/auth/register', { body: { email, password: PASSWORD, displayName: 'A' } });
  expect(res.status).toBe(201);
  return email;
}

function expectRetryAfter(res: Response, seconds?: number): void {
  const retryAfter = Number(res.headers['retry-after']);
  if (seconds === undefined) expect(retryAfter).toBeGreaterThan(0);
  else expect(retryAfter).toBe(seconds);
}

describe('sign-in abuse', () => {
  describe('per client across e-mails (LOGIN_CLIENT_RATE_LIMIT)', () => {
    let api: TestApi;
    beforeAll(async () => (api = await withEnv({ LOGIN_CLIENT_RATE_LIMIT: '5' }, () => TestApi.start())));
    afterAll(() => api.close());

    it('refuses a client that tried too many e-mails, even with a right password, and not the others', async () => {
      const email = await register(api);
      const stuffer = { 'X-Forwarded-For': clientAddress() };
      for (let i = 0; i < 5; i++) {
        expectProblem(await attempt(api, uniqueEmail('guess'), 'wrong password!', stuffer), 401, 'INVALID_CREDENTIALS');
      }

      const blocked = await attempt(api, email, PASSWORD, stuffer);
      expectProblem(blocked, 429, 'RATE_LIMITED');
      expectRetryAfter(blocked);
      expect((await attempt(api, email, PASSWORD, { 'X-Forwarded-For': clientAddress() })).status).toBe(200);
    });
  });

  describe('X-Forwarded-For (TRUST_PROXY)', () => {
    const saved = process.env.TRUST_PROXY;
    afterEach(() => {
      if (saved === undefined) delete process.env.TRUST_PROXY;
      else process.env.TRUST_PROXY = saved;
    });

    it('is ignored by default: a spoofed address does not escape the limit', async () => {
      delete process.env.TRUST_PROXY;
      const api = await withEnv({ LOGIN_RATE_LIMIT: '3' }, () => TestApi.start());
      try {
        const email = await register(api);
        for (let i = 0; i < 3; i++) {
          const spoofed = { 'X-Forwarded-For': clientAddress() };
          expectProblem(await attempt(api, email, 'wrong password!', spoofed), 401, 'INVALID_CREDENTIALS');
        }
        const res = await attempt(api, email, PASSWORD, { 'X-Forwarded-For': clientAddress() });
        expectProblem(res, 429, 'RATE_LIMITED');
      } finally {
        await api.close();
      }
    });

    it('names the client when the peer is a configured proxy: each forwarded client has its own count', async () => {
      process.env.TRUST_PROXY = '127.0.0.1/8, ::1';
      const api = await withEnv({ LOGIN_RATE_LIMIT: '3' }, () => TestApi.start());
      try {
        const email = await register(api);
        const noisy = { 'X-Forwarded-For': clientAddress() };
        for (let i = 0; i < 3; i++) {
          expectProblem(await attempt(api, email, 'wrong password!', noisy), 401, 'INVALID_CREDENTIALS');
        }
        expectProblem(await attempt(api, email, PASSWORD, noisy), 429, 'RATE_LIMITED');
        expect((await attempt(api, email, PASSWORD, { 'X-Forwarded-For': clientAddress() })).status).toBe(200);
      } finally {
        await api.close();
      }
    });
  });

  describe('the ceiling on password checks (PASSWORD_HASH_CONCURRENCY, PASSWORD_HASH_QUEUE_LIMIT)', () => {
    let api: TestApi;
    beforeAll(async () => {
      // Production-sized hashes (64 MiB), one at a time, four waiting at most.
      const env = { PASSWORD_HASH_MEMORY_KIB: '65536', PASSWORD_HASH_CONCURRENCY: '1', PASSWORD_HASH_QUEUE_LIMIT: '4' };
      api = await withEnv(env, () => TestApi.start());
    });
    afterAll(() => api.close());

    it('refuses the sign-ins beyond it with 429 and Retry-After, while other requests go on being served', async () => {
      const token = await adminToken(api);
      expect((await api.get('/api/v1/me', { token })).status).toBe(200);

      const finished: string[] = [];
      const logins = Array.from({ length: 30 }, () =>
        attempt(api, uniqueEmail('flood'), 'wrong password!', { 'X-Forwarded-For': clientAddress() }).then((res) => {
          finished.push(res.status === 429 ? 'refused' : 'checked');
          return res;
        }),
      );
      const me = api.get('/api/v1/me', { token }).then((res) => {
        finished.push('me');
        return res;
      });
      const [answers, meAnswer] = await Promise.all([Promise.all(logins), me]);

      expect(meAnswer.status).toBe(200);
      const refused = answers.filter((res) => res.status === 429);
      const checked = answers.filter((res) => res.status !== 429);
      expect(checked.length).toBeGreaterThanOrEqual(5);
      expect(refused.length).toBeGreaterThan(0);
      for (const res of refused) {
        expectProblem(res, 429, 'RATE_LIMITED');
        expectRetryAfter(res, 1);
      }
      for (const res of checked) expectProblem(res, 401, 'INVALID_CREDENTIALS');
      // The signed-in user's request did not wait for the queue of password checks to drain.
      expect(finished.indexOf('me')).toBeLessThan(finished.lastIndexOf('checked'));
    });
  });

  describe('without Redis', () => {
    let redis: RedisServer;
    let api: TestApi;
    beforeAll(async () => {
      redis = await RedisServer.start();
      api = await withEnv({ REDIS_URL: redis.url }, () => TestApi.start());
    });
    afterAll(async () => {
      await api.close();
      await redis.stop();
    });

    it('answers 503 SERVICE_UNAVAILABLE with Retry-After while Redis is down, and signs in again once it is back', async () => {
      expect((await attempt(api, ADMIN.email, ADMIN.password)).status).toBe(200);

      await redis.stop();
      const refused = await attempt(api, ADMIN.email, ADMIN.password);
      expectProblem(refused, 503, 'SERVICE_UNAVAILABLE');
      expectRetryAfter(refused, 5);

      await redis.start();
      const recovered = await eventually(
        () => attempt(api, ADMIN.email, ADMIN.password),
        (res) => res.status === 200,
        30_000,
      );
      expect(recovered.status).toBe(200);
      // The queue dashboard's connections reconnect on their own schedule; the app closes once they have.
      const dashboard = await eventually(
        () =>
          request(api.server).get('/queues/api/queues').set('Authorization', `Bearer ${recovered.body.accessToken}`),
        (res) => res.status === 200,
        30_000,
      );
      expect(dashboard.status).toBe(200);
    });
  });
});
