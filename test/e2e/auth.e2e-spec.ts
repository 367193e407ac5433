import { JwtService } from '@nestjs/jwt';
import { PASSWORD, uniqueEmail } from '../support/fixtures';
import { TestApi } from '../support/test-app';
import { expectProblem, organisationBody, problemFields, refresh, registerApplicant, signIn } from './identity.helpers';

describe('authentication', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.close());

  const register = (body: Record<string, unknown>) => api.post('/api/v1/auth/register', { body });

  describe('POST /auth/register', () => {
    it('creates an applicant and answers only its id, e-mail and role', async () => {
      const email = uniqueEmail('register');
      const res = await register({ email, password: PASSWORD, displayName: 'Awa Diop', locale: 'fr' });

      expect(res.status).toBe(201);
      expect(res.body).toEqual({ id: expect.any(String), email, role: 'applicant' });
    });

    it('stores the e-mail in lower case and refuses the same address in another case with EMAIL_TAKEN', async () => {
      const email = uniqueEmail('MixedCase');
      const first = await register({ email, password: PASSWORD, displayName: 'First' });
      expect(first.status).toBe(201);
      expect(first.body.email).toBe(email.toLowerCase());

      const again = await register({ email: email.toUpperCase(), password: PASSWORD, displayName: 'Second' });
      expectProblem(again, 409, 'EMAIL_TAKEN');
    });

    it('refuses a password shorter than 10 characters, naming the field', async () => {
      const res = await register({ email: uniqueEmail(), password: 'short-9ch', displayName: 'Short' });

      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(problemFields(res)).toEqual(['password']);
    });

    it('accepts a password of exactly 10 characters', async () => {
      const res = await register({ email: uniqueEmail(), password: 'ten-chars!', displayName: 'Ten' });
      expect(res.status).toBe(201);
    });

    it('refuses unknown fields, so nobody can sign up with a chosen role', async () => {
      const email = uniqueEmail('escalate');
      const res = await register({ email, password: PASSWORD, displayName: 'Mallory', role: 'admin' });

      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(problemFields(res)).toEqual(['role']);
      const login = await api.post('/api/v1/auth/login', { body: { email, password: PASSWORD } });
      expectProblem(login, 401, 'INVALID_CREDENTIALS');
    });

    it('reports every invalid field at once', async () => {
      const res = await register({ email: 'not-an-email', password: 123, displayName: '', locale: 'de' });

      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(problemFields(res).sort()).toEqual(['displayName', 'email', 'locale', 'password']);
    });
  });

  describe('POST /auth/login', () => {
    it('answers a token pair that opens GET /me', async () => {
      const { email } = await registerApplicant(api);
      const res = await api.post('/api/v1/auth/login', { body: { email, password: PASSWORD } });

      expect(res.status).toBe(200);
      expect(res.body).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: 900 });
      const me = await api.get('/api/v1/me', { token: res.body.accessToken });
      expect(me.status).toBe(200);
      expect(me.body.email).toBe(email);
    });

    it('finds the account whatever the case of the e-mail', async () => {
      const { email } = await registerApplicant(api);
      const res = await api.post('/api/v1/auth/login', {
        body: { email: ` ${email.toUpperCase()} `, password: PASSWORD },
      });
      expect(res.status).toBe(200);
    });

    it('answers 401 INVALID_CREDENTIALS for a wrong password and for an unknown e-mail alike', async () => {
      const { email } = await registerApplicant(api);
      const wrongPassword = await api.post('/api/v1/auth/login', { body: { email, password: `${PASSWORD}!` } });
      const unknownEmail = await api.post('/api/v1/auth/login', {
        body: { email: uniqueEmail('nobody'), password: PASSWORD },
      });

      expectProblem(wrongPassword, 401, 'INVALID_CREDENTIALS');
      expectProblem(unknownEmail, 401, 'INVALID_CREDENTIALS');
      expect(unknownEmail.body.detail).toBe(wrongPassword.body.detail);
    });

    it('refuses a body that is not an e-mail/password pair with 400, never 500', async () => {
      const res = await api.post('/api/v1/auth/login', { body: { email: { $ne: null }, password: PASSWORD } });
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(problemFields(res)).toEqual(['email']);
    });
  });

  describe('POST /auth/refresh', () => {
    it('rotates: a new pair is issued and the presented refresh token stops working', async () => {
      const { email } = await registerApplicant(api);
      const first = await signIn(api, email);

      const rotated = await refresh(api, first.refreshToken);
      expect(rotated.status).toBe(200);
      expect(rotated.body).toEqual({
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
        expiresIn: 900,
      });
      expect(rotated.body.refreshToken).not.toBe(first.refreshToken);
      expect((await api.get('/api/v1/me', { token: rotated.body.accessToken })).status).toBe(200);

      expectProblem(await refresh(api, first.refreshToken), 401, 'INVALID_REFRESH_TOKEN');
    });

    it('revokes the whole family when a spent token is presented again, leaving other sessions alone', async () => {
      const { email } = await registerApplicant(api);
      const session = await signIn(api, email);
      const otherSession = await signIn(api, email);
      const second = (await refresh(api, session.refreshToken)).body as { refreshToken: string };
      const third = (await refresh(api, second.refreshToken)).body as { refreshToken: string };

      // Someone replays a token the user already exchanged: it leaked.
      expectProblem(await refresh(api, second.refreshToken), 401, 'INVALID_REFRESH_TOKEN');

      expectProblem(await refresh(api, third.refreshToken), 401, 'INVALID_REFRESH_TOKEN');
      expect((await refresh(api, otherSession.refreshToken)).status).toBe(200);
    });

    it('lets only one of two concurrent refreshes with the same token succeed', async () => {
      const { email } = await registerApplicant(api);
      const { refreshToken } = await signIn(api, email);

      const results = await Promise.all([refresh(api, refreshToken), refresh(api, refreshToken)]);

      expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
    });

    it('refuses an unknown refresh token with 401 and a missing one with 400', async () => {
      expectProblem(await refresh(api, 'not-a-token-we-ever-issued'), 401, 'INVALID_REFRESH_TOKEN');
      const missing = await api.post('/api/v1/auth/refresh', { body: {} });
      expectProblem(missing, 400, 'VALIDATION_FAILED');
      expect(problemFields(missing)).toEqual(['refreshToken']);
    });
  });

  describe('GET /me', () => {
    it('describes an applicant without an organisation', async () => {
      const applicant = await registerApplicant(api);
      const res = await api.get('/api/v1/me', { token: applicant.token });

      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        id: applicant.id,
        email: applicant.email,
        displayName: 'Applicant under test',
        role: 'applicant',
        locale: 'en',
        // The suites take addresses as they are (APPLICANT_EMAIL_VERIFICATION=off): unconfirmed, not required.
        emailVerified: false,
        emailVerificationRequired: false,
      });
    });

    it('adds the organisation and its country once the applicant has registered one', async () => {
      const applicant = await registerApplicant(api);
      const org = await api.post('/api/v1/organisations', {
        token: applicant.token,
        body: organisationBody({ countryCode: 'BR' }),
      });
      expect(org.status).toBe(201);

      const res = await api.get('/api/v1/me', { token: applicant.token });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: applicant.id, organisationId: org.body.id, countryCode: 'BR' });
    });

    it('keeps the locale chosen at sign-up', async () => {
      const email = uniqueEmail('francophone');
      await api.post('/api/v1/auth/register', {
        body: { email, password: PASSWORD, displayName: 'Awa', locale: 'fr' },
      });
      const { accessToken } = await signIn(api, email);
      expect((await api.get('/api/v1/me', { token: accessToken })).body.locale).toBe('fr');
    });

    it.each(['ar', 'zh', 'ru', 'es'])(
      'keeps %s chosen at sign-up, and switches to another of the six',
      async (locale) => {
        const email = uniqueEmail(`speaker-${locale}`);
        const created = await api.post('/api/v1/auth/register', {
          body: { email, password: PASSWORD, displayName: 'Awa', locale },
        });
        expect(created.status).toBe(201);
        const { accessToken } = await signIn(api, email);
        expect((await api.get('/api/v1/me', { token: accessToken })).body.locale).toBe(locale);
        const switched = await api.patch('/api/v1/me', { token: accessToken, body: { locale: 'zh' } });
        expect(switched.status).toBe(200);
        expect((await api.get('/api/v1/me', { token: accessToken })).body.locale).toBe('zh');
        expectProblem(
          await api.patch('/api/v1/me', { token: accessToken, body: { locale: 'de' } }),
          400,
          'VALIDATION_FAILED',
        );
      },
    );

    it('answers 401 UNAUTHENTICATED without a token, with a garbage token and with a malformed header', async () => {
      expectProblem(await api.get('/api/v1/me'), 401, 'UNAUTHENTICATED');
      expectProblem(await api.get('/api/v1/me', { token: 'garbage.token.value' }), 401, 'UNAUTHENTICATED');
      const basic = await api.get('/api/v1/me', { headers: { Authorization: 'Basic YWRtaW46YWRtaW4=' } });
      expectProblem(basic, 401, 'UNAUTHENTICATED');
    });

    it('refuses an expired token and one signed with another secret', async () => {
      const applicant = await registerApplicant(api);
      const jwt = api.app.get(JwtService);
      const claims = { sub: applicant.id, role: 'applicant' };
      const expired = await jwt.signAsync(claims, { expiresIn: -60 });
      const forged = await jwt.signAsync({ ...claims, role: 'admin' }, { secret: 'some-other-secret-of-16+chars' });

      expectProblem(await api.get('/api/v1/me', { token: expired }), 401, 'UNAUTHENTICATED');
      expectProblem(await api.get('/api/v1/me', { token: forged }), 401, 'UNAUTHENTICATED');
    });

    it('does not accept a refresh token as an access token', async () => {
      const { email } = await registerApplicant(api);
      const { refreshToken } = await signIn(api, email);
      expectProblem(await api.get('/api/v1/me', { token: refreshToken }), 401, 'UNAUTHENTICATED');
    });
  });
});
