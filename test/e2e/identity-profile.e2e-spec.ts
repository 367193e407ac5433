import { sql } from '../support/applications';
import { createEvaluators, secretariatOf } from '../support/evaluation-fixtures';
import { Actor, uniqueEmail } from '../support/fixtures';
import { TestApi } from '../support/test-app';
import { expectProblem, problemFields, refresh, registerApplicant, signIn } from './identity.helpers';

/** What the web application needs of identity: the user list, one's own profile, signing out. */
describe('users, profile and sign-out', () => {
  let api: TestApi;
  let secretariat: Actor;
  let evaluators: Actor[];
  const tag = uniqueEmail('tag').split('@')[0];

  beforeAll(async () => {
    api = await TestApi.start();
    secretariat = await secretariatOf(api);
    evaluators = await createEvaluators(api, [
      { countryCode: 'DE', affiliation: `Panel ${tag} one` },
      { countryCode: 'JP', affiliation: `Panel ${tag} two` },
    ]);
  });
  afterAll(() => api.close());

  describe('GET /users', () => {
    it('lists users by role and search for the secretariat, paginated', async () => {
      const res = await api.get('/api/v1/users', { token: secretariat.token, query: { role: 'evaluator', q: tag } });
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(2);
      expect(res.body.items.map((u: { id: string }) => u.id).sort()).toEqual(evaluators.map((e) => e.id).sort());
      expect(res.body.items[0]).toMatchObject({ role: 'evaluator', affiliation: expect.stringContaining(tag) });
      expect(res.body.items[0]).not.toHaveProperty('passwordHash');

      const page = await api.get('/api/v1/users', {
        token: secretariat.token,
        query: { role: 'evaluator', q: tag, limit: 1, offset: 1 },
      });
      expect(page.body).toMatchObject({ total: 2, items: [expect.any(Object)] });
      // As a wildcard, `<tag>%` would match both evaluators; searched for as such, it matches none.
      const wildcard = await api.get('/api/v1/users', { token: secretariat.token, query: { q: `${tag}%` } });
      expect(wildcard.body.total).toBe(0);
    });

    it('refuses other roles and bad filters', async () => {
      expectProblem(await api.get('/api/v1/users', { token: evaluators[0].token }), 403, 'FORBIDDEN');
      expectProblem(await api.get('/api/v1/users'), 401, 'UNAUTHENTICATED');
      const bad = await api.get('/api/v1/users', { token: secretariat.token, query: { role: 'king', limit: 0 } });
      expectProblem(bad, 400, 'VALIDATION_FAILED');
      expect(problemFields(bad).sort()).toEqual(['limit', 'role']);
    });
  });

  describe('PATCH /me', () => {
    it('changes the caller’s name and language, kept for the notifications it will receive', async () => {
      const applicant = await registerApplicant(api);
      const { accessToken } = await signIn(api, applicant.email);
      const res = await api.patch('/api/v1/me', {
        token: accessToken,
        body: { displayName: '  Awa Diop ', locale: 'fr' },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: applicant.id, displayName: 'Awa Diop', locale: 'fr' });
      expect((await api.get('/api/v1/me', { token: accessToken })).body).toMatchObject({ locale: 'fr' });
      const [row] = await sql<{ locale: string }>(api, `SELECT locale FROM users WHERE id = $1`, [applicant.id]);
      expect(row.locale).toBe('fr');
    });

    it('refuses an unknown language or an empty name, changing nothing', async () => {
      const applicant = await registerApplicant(api);
      const { accessToken } = await signIn(api, applicant.email);
      const bad = await api.patch('/api/v1/me', { token: accessToken, body: { locale: 'xx', displayName: ' ' } });
      expectProblem(bad, 400, 'VALIDATION_FAILED');
      expect(problemFields(bad).sort()).toEqual(['displayName', 'locale']);
      expect((await api.get('/api/v1/me', { token: accessToken })).body).toMatchObject({ locale: 'en' });
      expectProblem(await api.patch('/api/v1/me', { body: { locale: 'fr' } }), 401, 'UNAUTHENTICATED');
    });
  });

  describe('POST /auth/logout', () => {
    it('ends the sign-in: its refresh token and the ones refreshed from it stop working', async () => {
      const applicant = await registerApplicant(api);
      const first = await signIn(api, applicant.email);
      const other = await signIn(api, applicant.email);
      const renewed = await refresh(api, first.refreshToken);
      expect(renewed.status).toBe(200);

      const out = await api.post('/api/v1/auth/logout', { body: { refreshToken: renewed.body.refreshToken } });
      expect(out.status).toBe(204);
      expectProblem(await refresh(api, renewed.body.refreshToken), 401, 'INVALID_REFRESH_TOKEN');
      // Another sign-in (another device) is not affected.
      expect((await refresh(api, other.refreshToken)).status).toBe(200);
      expect((await api.post('/api/v1/auth/logout', { body: { refreshToken: 'unknown' } })).status).toBe(204);
      expectProblem(await api.post('/api/v1/auth/logout', { body: {} }), 400, 'VALIDATION_FAILED');
    });
  });
});
