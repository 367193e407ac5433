import { randomUUID } from 'node:crypto';
import { sql } from '../support/applications';
import { adminToken, createStaff } from '../support/fixtures';
import { TestApi } from '../support/test-app';
import { TokenPair, expectProblem, refresh, registerApplicant } from './identity.helpers';

/** A user's sessions: one per sign-in, listed with where they come from, ended one by one or all but the current. */
describe('sessions', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.close());

  const signInFrom = async (email: string, userAgent: string): Promise<TokenPair> => {
    const res = await api.post('/api/v1/auth/login', {
      body: { email, password: 'correct horse battery' },
      headers: { 'User-Agent': userAgent },
    });
    expect(res.status).toBe(200);
    return res.body as TokenPair;
  };
  const sessions = (token: string, query: Record<string, number> = {}) =>
    api.get('/api/v1/me/sessions', { token, query });
  const me = (token: string) => api.get('/api/v1/me', { token });
  const liveFamilies = async (userId: string) =>
    (
      await sql<{ family_id: string }>(
        api,
        `SELECT DISTINCT family_id FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL ORDER BY family_id`,
        [userId],
      )
    ).map((r) => r.family_id);

  it('lists the caller’s live sessions, the most recently used first, its own marked current, a page at a time', async () => {
    const applicant = await registerApplicant(api);
    const laptop = await signInFrom(applicant.email, 'Laptop browser');
    const phone = await signInFrom(applicant.email, 'Phone browser');

    const listed = await sessions(phone.accessToken);
    expect(listed.status).toBe(200);
    expect(listed.body.total).toBe(3);
    expect(
      listed.body.items.map((s: { userAgent: string | null; current: boolean }) => [s.userAgent, s.current]),
    ).toEqual([
      ['Phone browser', true],
      ['Laptop browser', false],
      [null, false],
    ]);
    expect(listed.body.items[0]).toMatchObject({ ip: expect.any(String), id: expect.any(String) });
    expect(Date.parse(listed.body.items[0].expiresAt)).toBeGreaterThan(Date.now());

    const refreshed = await api.post('/api/v1/auth/refresh', {
      body: { refreshToken: laptop.refreshToken },
      headers: { 'User-Agent': 'Laptop browser, updated' },
    });
    expect(refreshed.status).toBe(200);
    const after = await sessions(refreshed.body.accessToken as string);
    expect(after.body.total).toBe(3);
    expect(after.body.items[0]).toMatchObject({ userAgent: 'Laptop browser, updated', current: true });
    expect(Date.parse(after.body.items[0].lastUsedAt)).toBeGreaterThan(Date.parse(after.body.items[0].createdAt));

    const page = await sessions(phone.accessToken, { limit: 1, offset: 2 });
    expect(page.body).toMatchObject({ total: 3, items: [{ current: false }] });
    expect((await sessions(phone.accessToken, { offset: 10 })).body).toEqual({ items: [], total: 3 });
  });

  it('ends one session at once, its refresh and access tokens; the others go on', async () => {
    const applicant = await registerApplicant(api);
    const kept = await signInFrom(applicant.email, 'Kept');
    const ended = await signInFrom(applicant.email, 'Ended');
    const endedId = (await sessions(ended.accessToken)).body.items.find((s: { current: boolean }) => s.current).id;

    const res = await api.delete(`/api/v1/me/sessions/${endedId}`, { token: kept.accessToken });
    expect(res.status).toBe(204);
    expectProblem(await me(ended.accessToken), 401, 'UNAUTHENTICATED');
    expectProblem(await refresh(api, ended.refreshToken), 401, 'INVALID_REFRESH_TOKEN');
    expect((await me(kept.accessToken)).status).toBe(200);
    expect((await sessions(kept.accessToken)).body.items.map((s: { id: string }) => s.id)).not.toContain(endedId);
    expectProblem(await api.delete(`/api/v1/me/sessions/${endedId}`, { token: kept.accessToken }), 404, 'NOT_FOUND');
  });

  it('answers 404 for another user’s session, and ends nothing', async () => {
    const owner = await registerApplicant(api);
    const intruder = await registerApplicant(api);
    const before = await liveFamilies(owner.id);
    for (const id of [...before, randomUUID()]) {
      expectProblem(await api.delete(`/api/v1/me/sessions/${id}`, { token: intruder.token }), 404, 'NOT_FOUND');
    }
    expectProblem(
      await api.delete('/api/v1/me/sessions/not-a-uuid', { token: intruder.token }),
      400,
      'VALIDATION_FAILED',
    );
    expect(await liveFamilies(owner.id)).toEqual(before);
    expect((await me(owner.token)).status).toBe(200);
  });

  it('ends every other session and keeps the current one', async () => {
    const applicant = await registerApplicant(api);
    const others = [await signInFrom(applicant.email, 'A'), await signInFrom(applicant.email, 'B')];
    const current = await signInFrom(applicant.email, 'Current');

    const res = await api.post('/api/v1/me/sessions/revoke-others', { token: current.accessToken });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ended: 3 });
    for (const other of [...others, { accessToken: applicant.token }]) {
      expectProblem(await me(other.accessToken), 401, 'UNAUTHENTICATED');
    }
    expect((await me(current.accessToken)).status).toBe(200);
    const listed = await sessions(current.accessToken);
    expect(listed.body).toMatchObject({ total: 1, items: [{ userAgent: 'Current', current: true }] });
    expect((await api.post('/api/v1/me/sessions/revoke-others', { token: current.accessToken })).body).toEqual({
      ended: 0,
    });
  });

  it('lets an administrator see and end a user’s sessions, nobody else', async () => {
    const admin = await adminToken(api);
    const applicant = await registerApplicant(api);
    const secretariat = await createStaff(api, 'secretariat');

    const listed = await api.get(`/api/v1/users/${applicant.id}/sessions`, { token: admin });
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ total: 1, items: [{ current: false }] });
    const sessionId = listed.body.items[0].id as string;

    expectProblem(
      await api.get(`/api/v1/users/${applicant.id}/sessions`, { token: secretariat.token }),
      403,
      'FORBIDDEN',
    );
    const refused = await api.delete(`/api/v1/users/${applicant.id}/sessions/${sessionId}`, {
      token: secretariat.token,
    });
    expectProblem(refused, 403, 'FORBIDDEN');
    expectProblem(
      await api.delete(`/api/v1/users/${secretariat.id}/sessions/${sessionId}`, { token: admin }),
      404,
      'NOT_FOUND',
    );
    expect((await me(applicant.token)).status).toBe(200);

    expect((await api.delete(`/api/v1/users/${applicant.id}/sessions/${sessionId}`, { token: admin })).status).toBe(
      204,
    );
    expectProblem(await me(applicant.token), 401, 'UNAUTHENTICATED');
  });

  it('needs a signed-in caller', async () => {
    expectProblem(await api.get('/api/v1/me/sessions'), 401, 'UNAUTHENTICATED');
    expectProblem(await api.post('/api/v1/me/sessions/revoke-others'), 401, 'UNAUTHENTICATED');
    expectProblem(await api.delete(`/api/v1/me/sessions/${randomUUID()}`), 401, 'UNAUTHENTICATED');
  });
});
