import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { sql } from '../support/applications';
import { eventually, withEnv } from '../support/async';
import { Actor, PASSWORD, adminToken, createStaff } from '../support/fixtures';
import { TestApi } from '../support/test-app';
import { expectProblem, registerApplicant, signIn } from './identity.helpers';

/** Access tokens follow their user: role changes, deactivation and sign-out apply to tokens already issued. */
describe('access tokens follow their user', () => {
  let api: TestApi;
  let admin: string;

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await adminToken(api);
  });
  afterAll(() => api.close());

  const changeAccount = (token: string, id: string, body: unknown) => api.patch(`/api/v1/users/${id}`, { token, body });
  const listUsers = (token: string) => api.get('/api/v1/users', { token });
  const me = (token: string) => api.get('/api/v1/me', { token });
  const jwt = () => api.app.get(JwtService);
  /** A token's claims, less its times, to sign again with changes. */
  const claimsOf = (token: string) => {
    const { exp: _expiry, iat: _issued, ...claims } = jwt().decode<Record<string, unknown>>(token);
    return claims;
  };

  describe('a role change', () => {
    let secretariat: Actor;
    beforeEach(async () => {
      secretariat = await createStaff(api, 'secretariat');
      expect((await listUsers(secretariat.token)).status).toBe(200);
    });

    it('takes effect on the token already issued: a demoted secretariat is refused staff routes at once', async () => {
      const changed = await changeAccount(admin, secretariat.id, { role: 'evaluator' });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ id: secretariat.id, role: 'evaluator', active: true });

      expectProblem(await listUsers(secretariat.token), 403, 'FORBIDDEN');
      expect((await me(secretariat.token)).body.role).toBe('evaluator');
    });

    it('takes the current role, never the one a token claims, even when signed with the right key', async () => {
      const applicant = await registerApplicant(api);
      const selfPromoted = await jwt().signAsync({ ...claimsOf(applicant.token), role: 'admin' });

      expectProblem(await listUsers(selfPromoted), 403, 'FORBIDDEN');
      expect((await me(selfPromoted)).body.role).toBe('applicant');
    });

    it('is only an admin’s to make on an admin account or to grant admin', async () => {
      const other = await createStaff(api, 'secretariat');
      const granted = await changeAccount(secretariat.token, other.id, { role: 'admin' });
      expectProblem(granted, 403, 'FORBIDDEN');
      const adminId = (await me(admin)).body.id as string;
      expectProblem(await changeAccount(secretariat.token, adminId, { active: false }), 403, 'FORBIDDEN');
      expect((await sql(api, 'SELECT role, active FROM users WHERE id = $1', [other.id]))[0]).toEqual({
        role: 'secretariat',
        active: true,
      });
    });

    it('is refused on one’s own account, on an applicant, without a field, with null, and to non-staff', async () => {
      const applicant = await registerApplicant(api);
      expectProblem(await changeAccount(secretariat.token, secretariat.id, { active: false }), 403, 'FORBIDDEN');
      expectProblem(await changeAccount(admin, applicant.id, { role: 'evaluator' }), 409, 'INVALID_TRANSITION');
      expectProblem(await changeAccount(admin, applicant.id, {}), 400, 'VALIDATION_FAILED');
      expectProblem(await changeAccount(admin, applicant.id, { role: null }), 400, 'VALIDATION_FAILED');
      expectProblem(await changeAccount(admin, applicant.id, { active: 'no' }), 400, 'VALIDATION_FAILED');
      expectProblem(await changeAccount(applicant.token, secretariat.id, { active: false }), 403, 'FORBIDDEN');
      expectProblem(await changeAccount(admin, randomUUID(), { active: false }), 404, 'NOT_FOUND');
      expect((await sql(api, 'SELECT role, active FROM users WHERE id = $1', [applicant.id]))[0]).toEqual({
        role: 'applicant',
        active: true,
      });
    });
  });

  describe('deactivation', () => {
    it('ends the tokens already issued, sign-in and refresh; reactivation lets the user sign in again', async () => {
      const applicant = await registerApplicant(api);
      const session = await signIn(api, applicant.email);
      expect((await me(session.accessToken)).status).toBe(200);

      const changed = await changeAccount(admin, applicant.id, { active: false });
      expect(changed.body).toMatchObject({ id: applicant.id, active: false });

      expectProblem(await me(session.accessToken), 401, 'UNAUTHENTICATED');
      expectProblem(await me(applicant.token), 401, 'UNAUTHENTICATED');
      const login = await api.post('/api/v1/auth/login', { body: { email: applicant.email, password: PASSWORD } });
      expectProblem(login, 401, 'INVALID_CREDENTIALS');
      const refreshed = await api.post('/api/v1/auth/refresh', { body: { refreshToken: session.refreshToken } });
      expectProblem(refreshed, 401, 'INVALID_REFRESH_TOKEN');

      expect((await changeAccount(admin, applicant.id, { active: true })).body.active).toBe(true);
      expectProblem(await me(session.accessToken), 401, 'UNAUTHENTICATED');
      const again = await signIn(api, applicant.email);
      expect((await me(again.accessToken)).status).toBe(200);
    });

    it('reaches another API process within its cache time, without a restart', async () => {
      const applicant = await registerApplicant(api);
      const other = await withEnv({ TOKEN_STATE_CACHE_MS: '1000' }, () => TestApi.start());
      try {
        expect((await other.get('/api/v1/me', { token: applicant.token })).status).toBe(200);
        await changeAccount(admin, applicant.id, { active: false });

        const refused = await eventually(
          () => other.get('/api/v1/me', { token: applicant.token }),
          (res) => res.status !== 200,
          5_000,
        );
        expectProblem(refused, 401, 'UNAUTHENTICATED');
      } finally {
        await other.close();
      }
    });
  });

  describe('sign-out', () => {
    it('ends the access token of the session signed out, not the user’s other sessions', async () => {
      const applicant = await registerApplicant(api);
      const [signedOut, kept] = [await signIn(api, applicant.email), await signIn(api, applicant.email)];

      const res = await api.post('/api/v1/auth/logout', { body: { refreshToken: signedOut.refreshToken } });
      expect(res.status).toBe(204);

      expectProblem(await me(signedOut.accessToken), 401, 'UNAUTHENTICATED');
      expect((await me(kept.accessToken)).status).toBe(200);
    });

    it('also ends the access tokens refreshed from the same sign-in', async () => {
      const applicant = await registerApplicant(api);
      const first = await signIn(api, applicant.email);
      const second = (await api.post('/api/v1/auth/refresh', { body: { refreshToken: first.refreshToken } })).body;

      await api.post('/api/v1/auth/logout', { body: { refreshToken: second.refreshToken } });
      expectProblem(await me(first.accessToken), 401, 'UNAUTHENTICATED');
      expectProblem(await me(second.accessToken as string), 401, 'UNAUTHENTICATED');
    });
  });

  describe('tokens of no current user', () => {
    it('answers 401 to a well-signed token for a user that does not exist', async () => {
      const token = await jwt().signAsync({ sub: randomUUID(), role: 'admin', sid: randomUUID(), ver: 0 });
      expectProblem(await me(token), 401, 'UNAUTHENTICATED');
      expectProblem(await listUsers(token), 401, 'UNAUTHENTICATED');
    });

    it('answers 401 once the user is deleted, within the time the API caches what it read', async () => {
      const evaluator = await createStaff(api, 'evaluator');
      expect((await me(evaluator.token)).status).toBe(200);
      await sql(api, 'DELETE FROM users WHERE id = $1', [evaluator.id]);
      const refused = await eventually(
        () => me(evaluator.token),
        (res) => res.status === 401,
        10_000,
      );
      expectProblem(refused, 401, 'UNAUTHENTICATED');
    });

    it('answers 401 to a tampered token, and to one without its session or version', async () => {
      const applicant = await registerApplicant(api);
      const [header, payload, signature] = applicant.token.split('.');
      const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
      const tampered = Buffer.from(JSON.stringify({ ...decoded, role: 'admin' })).toString('base64url');
      expectProblem(await listUsers(`${header}.${tampered}.${signature}`), 401, 'UNAUTHENTICATED');

      const { sid: _session, ver: _version, ...sessionless } = claimsOf(applicant.token);
      expectProblem(await me(await jwt().signAsync(sessionless)), 401, 'UNAUTHENTICATED');
      const claims = claimsOf(applicant.token);
      const stale = await jwt().signAsync({ ...claims, ver: Number(claims.ver) - 1 });
      expectProblem(await me(stale), 401, 'UNAUTHENTICATED');
    });
  });
});
