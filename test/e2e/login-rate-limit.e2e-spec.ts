import { PASSWORD, uniqueEmail } from '../support/fixtures';
import { TestApi } from '../support/test-app';
import { expectProblem } from './identity.helpers';

/** LOGIN_RATE_LIMIT attempts per e-mail and client address in each window: the production default, 10. */
const LIMIT = 10;

describe('login rate limiting', () => {
  let api: TestApi;

  beforeAll(async () => {
    // test-env.ts raises the limit for the other suites; this one checks the default.
    delete process.env.LOGIN_RATE_LIMIT;
    api = await TestApi.start();
  });
  afterAll(() => api.close());

  /** Signs up without signing in, so that no attempt is spent before the test counts them. */
  async function account(): Promise<string> {
    const email = uniqueEmail('throttled');
    const res = await api.post('/api/v1/auth/register', { body: { email, password: PASSWORD, displayName: 'T' } });
    expect(res.status).toBe(201);
    return email;
  }

  const attempt = (email: string, password: string, headers: Record<string, string> = {}) =>
    api.post('/api/v1/auth/login', { body: { email, password }, headers });

  async function exhaust(email: string, headers: Record<string, string> = {}): Promise<void> {
    for (let i = 0; i < LIMIT; i++) {
      // Vary the case and spacing: they name the same account, so they share one counter.
      const variant = i % 2 === 0 ? email : ` ${email.toUpperCase()}`;
      expectProblem(await attempt(variant, 'wrong password!', headers), 401, 'INVALID_CREDENTIALS');
    }
  }

  it('answers 429 RATE_LIMITED after the limit, even with the right password', async () => {
    const email = await account();
    await exhaust(email);

    const blocked = await attempt(email, PASSWORD);
    expectProblem(blocked, 429, 'RATE_LIMITED');
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(blocked.body.detail).toBe(`Too many sign-in attempts; try again in ${retryAfter} seconds.`);
  });

  it('gives a localised title to the refusal', async () => {
    const email = await account();
    await exhaust(email);

    const blocked = await attempt(email, PASSWORD, { 'Accept-Language': 'fr' });
    expectProblem(blocked, 429, 'RATE_LIMITED');
    expect(blocked.body.title).toBe('Trop de requêtes');
  });

  it('still lets another account sign in from the same client', async () => {
    const [victim, other] = await Promise.all([account(), account()]);
    await exhaust(victim);

    expectProblem(await attempt(victim, PASSWORD), 429, 'RATE_LIMITED');
    const res = await attempt(other, PASSWORD);
    expect(res.status).toBe(200);
    expect(res.body.accessToken).toEqual(expect.any(String));
  });

  it('counts each client address separately, so one noisy client cannot lock the account for everyone', async () => {
    const email = await account();
    // The tests connect from loopback, the trusted proxy, so X-Forwarded-For names the client.
    await exhaust(email, { 'X-Forwarded-For': '203.0.113.10' });

    expectProblem(await attempt(email, PASSWORD, { 'X-Forwarded-For': '203.0.113.10' }), 429, 'RATE_LIMITED');
    expect((await attempt(email, PASSWORD, { 'X-Forwarded-For': '198.51.100.20' })).status).toBe(200);
  });
});
