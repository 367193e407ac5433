import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { withEnv } from '../support/async';
import { adminToken, createStaff } from '../support/fixtures';
import { OidcProviderProcess } from '../support/oidc-provider-server';
import { TestApi } from '../support/test-app';
import { expectProblem } from './identity.helpers';

/**
 * Single sign-on end to end against a real OpenID Connect provider (oidc-provider in a process of
 * its own): the API sends the browser to the provider, the test signs in there through its pages,
 * and brings the provider's answer back to the API's callback, as a browser would.
 */
describe('single sign-on with OpenID Connect', () => {
  const REDIRECT_URI = 'http://127.0.0.1:9/api/v1/auth/sso/callback';
  const CLIENT = { clientId: 'selection-platform', clientSecret: 'platform-client-secret' };
  const OTHER_CLIENT = { clientId: 'another-service', clientSecret: 'another-client-secret' };
  let provider: OidcProviderProcess;
  let api: TestApi;
  let db: DataSource;

  beforeAll(async () => {
    provider = await OidcProviderProcess.start({
      redirectUri: REDIRECT_URI,
      clients: [CLIENT, OTHER_CLIENT],
      otherAudience: OTHER_CLIENT.clientId,
    });
    api = await withEnv(
      {
        OIDC_ISSUER_URL: provider.issuer,
        OIDC_CLIENT_ID: CLIENT.clientId,
        OIDC_CLIENT_SECRET: CLIENT.clientSecret,
        OIDC_REDIRECT_URL: REDIRECT_URI,
        OIDC_DISPLAY_NAME: 'Test Identity',
        OIDC_ROLE_RULES: 'staff-sso.example=evaluator',
        APPLICANT_EMAIL_VERIFICATION: 'required',
      },
      () => TestApi.start(),
    );
    db = api.app.get(DataSource);
  });

  afterAll(async () => {
    await api?.close();
    await provider?.stop();
  });

  afterEach(() => provider.setIdTokenMode('as-issued'));

  /** A provider account with a fresh subject. */
  async function providerAccount(email: string, verified = true, name = 'Ada Lovelace'): Promise<string> {
    const login = `subject-${randomUUID()}`;
    await provider.addAccount(login, { email, email_verified: verified, name, locale: 'fr-FR' });
    return login;
  }

  /** Start → the provider's pages → the callback, in one browser (its binding cookie); answers the callback's answer. */
  async function signInAs(login: string, tamper: (callback: URL) => URL = (url) => url) {
    const start = await api.get('/api/v1/auth/sso/start');
    expect(start.status).toBe(302);
    expect(start.headers.location.startsWith(`${provider.issuer}/`)).toBe(true);
    const binding = (start.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('sso_binding='));
    expect(binding).toMatch(/HttpOnly/);
    const back = tamper(await provider.authorize(start.headers.location, login));
    return api.get(`${back.pathname}${back.search}`, { headers: { Cookie: binding!.split(';')[0] } });
  }

  async function exchange(location: string) {
    const code = new URLSearchParams(new URL(location, 'http://web').hash.slice(1)).get('code');
    return api.post('/api/v1/auth/sso/exchange', { body: { code } });
  }

  const usersWithEmail = async (email: string) =>
    Number((await db.query('SELECT count(*) FROM users WHERE lower(email) = lower($1)', [email]))[0].count);
  const linksOf = (subject: string) =>
    db.query('SELECT user_id, issuer FROM user_identities WHERE subject = $1', [subject]) as Promise<
      Array<{ user_id: string; issuer: string }>
    >;

  it('tells the web app it is offered, under the provider name', async () => {
    const res = await api.get('/api/v1/auth/sso');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ enabled: true, displayName: 'Test Identity' });
  });

  it('creates an applicant on a first sign-in, and signs the same account in afterwards', async () => {
    const email = `sso-new-${randomUUID().slice(0, 8)}@test.example`;
    const login = await providerAccount(email);

    const callback = await signInAs(login);
    expect(callback.status).toBe(302);
    expect(callback.headers.location).toMatch(/^\/sso\/complete#code=[\w-]+$/);
    const pair = await exchange(callback.headers.location);
    expect(pair.status).toBe(200);
    const me = await api.get('/api/v1/me', { token: pair.body.accessToken });
    expect(me.body).toMatchObject({
      email,
      role: 'applicant',
      displayName: 'Ada Lovelace',
      locale: 'fr',
      emailVerified: true,
    });
    const [link] = await linksOf(login);
    expect(link).toEqual({ user_id: me.body.id, issuer: `${provider.issuer}/` });
    const audit = await db.query(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY occurred_at`, [
      me.body.id,
    ]);
    expect(audit.map((row: { action: string }) => row.action)).toEqual(['user.sso_created']);

    // The code is single use; the refresh token works like any other.
    expectProblem(await exchange(callback.headers.location), 401, 'SSO_CODE_INVALID');
    expect((await api.post('/api/v1/auth/refresh', { body: { refreshToken: pair.body.refreshToken } })).status).toBe(
      200,
    );

    // The account has no password that signs in.
    const [{ password_hash }] = await db.query('SELECT password_hash FROM users WHERE id = $1', [me.body.id]);
    expect(password_hash).toBeNull();
    expectProblem(
      await api.post('/api/v1/auth/login', { body: { email, password: 'any password at all' } }),
      401,
      'INVALID_CREDENTIALS',
    );

    const again = await exchange((await signInAs(login)).headers.location);
    expect((await api.get('/api/v1/me', { token: again.body.accessToken })).body.id).toBe(me.body.id);
    expect(await usersWithEmail(email)).toBe(1);
  });

  it('gives a new account the role of its e-mail domain when the provider vouches for the address', async () => {
    const email = `sso-rule-${randomUUID().slice(0, 8)}@staff-sso.example`;
    const pair = await exchange((await signInAs(await providerAccount(email))).headers.location);
    expect((await api.get('/api/v1/me', { token: pair.body.accessToken })).body).toMatchObject({
      email,
      role: 'evaluator',
    });
  });

  it('links to the existing account with the verified e-mail, keeping its role', async () => {
    const evaluator = await createStaff(api, 'evaluator');
    const login = await providerAccount(evaluator.email.toUpperCase());

    const pair = await exchange((await signInAs(login)).headers.location);
    expect(pair.status).toBe(200);
    const me = await api.get('/api/v1/me', { token: pair.body.accessToken });
    expect(me.body).toMatchObject({ id: evaluator.id, email: evaluator.email, role: 'evaluator' });
    expect(await linksOf(login)).toEqual([{ user_id: evaluator.id, issuer: `${provider.issuer}/` }]);
    expect(await usersWithEmail(evaluator.email)).toBe(1);
    const [{ count }] = await db.query(
      `SELECT count(*) FROM audit_events WHERE entity_id = $1 AND action = 'user.sso_linked'`,
      [evaluator.id],
    );
    expect(Number(count)).toBe(1);
  });

  it('does not link to an existing account when the provider does not vouch for the e-mail', async () => {
    const evaluator = await createStaff(api, 'evaluator');
    const login = await providerAccount(evaluator.email, false);

    const callback = await signInAs(login);
    expect(callback.status).toBe(302);
    expect(callback.headers.location).toBe('/sign-in?ssoError=SSO_EMAIL_UNVERIFIED');
    expect(await linksOf(login)).toEqual([]);
  });

  it('asks a new applicant to confirm an address the provider does not vouch for', async () => {
    const email = `sso-unverified-${randomUUID().slice(0, 8)}@staff-sso.example`;
    const pair = await exchange((await signInAs(await providerAccount(email, false))).headers.location);
    expect(pair.status).toBe(200);
    const me = await api.get('/api/v1/me', { token: pair.body.accessToken });
    // No role rule without a vouched address, and no submission before the link is followed.
    expect(me.body).toMatchObject({ email, role: 'applicant', emailVerified: false, emailVerificationRequired: true });
    const sent = await db.query(
      `SELECT l.purpose FROM account_links l JOIN notifications n ON n.params->>'linkId' = l.id::text
       WHERE l.user_id = $1 AND n.recipient_id = $1 AND n.template = 'account.email_verification'`,
      [me.body.id],
    );
    expect(sent).toEqual([{ purpose: 'email_verification' }]);
  });

  it('refuses a deactivated account', async () => {
    const evaluator = await createStaff(api, 'evaluator');
    const deactivated = await api.patch(`/api/v1/users/${evaluator.id}`, {
      token: await adminToken(api),
      body: { active: false },
    });
    expect(deactivated.status).toBe(200);
    const login = await providerAccount(evaluator.email);

    expect((await signInAs(login)).headers.location).toBe('/sign-in?ssoError=SSO_ACCOUNT_DISABLED');
    expect(await linksOf(login)).toEqual([]);
  });

  it('accepts the pending invitation of the verified address, as the e-mailed link would; not a revoked one', async () => {
    const secretariat = await createStaff(api, 'secretariat');
    const invite = async (email: string) => {
      const res = await api.post('/api/v1/invitations', {
        token: secretariat.token,
        body: { email, displayName: 'Invited Through SSO', role: 'evaluator' },
      });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const email = `sso-invited-${randomUUID().slice(0, 8)}@test.example`;
    const invitedId = await invite(email);
    const login = await providerAccount(email);

    const pair = await exchange((await signInAs(login)).headers.location);
    expect(pair.status).toBe(200);
    expect((await api.get('/api/v1/me', { token: pair.body.accessToken })).body).toMatchObject({
      id: invitedId,
      role: 'evaluator',
      emailVerified: true,
    });
    const invitation = await api.get(`/api/v1/invitations/${invitedId}`, { token: secretariat.token });
    expect(invitation.body.status).toBe('accepted');
    const [accepted] = await db.query(
      `SELECT after FROM audit_events WHERE entity_id = $1 AND action = 'user.invitation_accepted'`,
      [invitedId],
    );
    expect(accepted.after).toMatchObject({ via: 'single_sign_on' });
    expect(await linksOf(login)).toEqual([{ user_id: invitedId, issuer: `${provider.issuer}/` }]);

    // A withdrawn invitation is not accepted this way either: the account stays unusable.
    const withdrawnEmail = `sso-withdrawn-${randomUUID().slice(0, 8)}@test.example`;
    const withdrawnId = await invite(withdrawnEmail);
    expect(
      (await api.post(`/api/v1/invitations/${withdrawnId}/revoke`, { token: secretariat.token })).status,
    ).toBeLessThan(300);
    const withdrawnLogin = await providerAccount(withdrawnEmail);
    expect((await signInAs(withdrawnLogin)).headers.location).toBe('/sign-in?ssoError=SSO_ACCOUNT_DISABLED');
    expect(await linksOf(withdrawnLogin)).toEqual([]);
    const [row] = await db.query('SELECT active, invited FROM users WHERE id = $1', [withdrawnId]);
    expect(row).toEqual({ active: false, invited: true });
  });

  it('refuses an answer with a wrong state, or from another browser, or twice; nothing is created', async () => {
    const email = `sso-state-${randomUUID().slice(0, 8)}@test.example`;
    const login = await providerAccount(email);

    const wrongState = await signInAs(login, (url) => {
      url.searchParams.set('state', 'a-state-this-platform-never-issued');
      return url;
    });
    expect(wrongState.status).toBe(302);
    expect(wrongState.headers.location).toBe('/sign-in?ssoError=SSO_STATE_INVALID');

    const start = await api.get('/api/v1/auth/sso/start');
    const back = await provider.authorize(start.headers.location, login);
    const withoutCookie = await api.get(`${back.pathname}${back.search}`);
    expect(withoutCookie.headers.location).toBe('/sign-in?ssoError=SSO_STATE_INVALID');
    // The attempt was spent by the refused answer: the same answer with the cookie is refused too.
    const binding = (start.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
    const replay = await api.get(`${back.pathname}${back.search}`, { headers: { Cookie: binding } });
    expect(replay.headers.location).toBe('/sign-in?ssoError=SSO_STATE_INVALID');

    expect(await usersWithEmail(email)).toBe(0);
    expect(await linksOf(login)).toEqual([]);
  });

  it('refuses an ID token issued for another client; nothing is created', async () => {
    const email = `sso-aud-${randomUUID().slice(0, 8)}@test.example`;
    const login = await providerAccount(email);
    await provider.setIdTokenMode('other-audience');

    const callback = await signInAs(login);
    expect(callback.status).toBe(302);
    expect(callback.headers.location).toBe('/sign-in?ssoError=SSO_REJECTED');
    expect(await usersWithEmail(email)).toBe(0);
    expect(await linksOf(login)).toEqual([]);
  });

  it('refuses an expired ID token; nothing is created', async () => {
    const email = `sso-exp-${randomUUID().slice(0, 8)}@test.example`;
    const login = await providerAccount(email);
    await provider.setIdTokenMode('expired');

    const callback = await signInAs(login);
    expect(callback.headers.location).toBe('/sign-in?ssoError=SSO_REJECTED');
    expect(await usersWithEmail(email)).toBe(0);
    expect(await linksOf(login)).toEqual([]);

    // The same provider's tokens as issued are taken: only the expiry was wrong.
    await provider.setIdTokenMode('as-issued');
    expect((await signInAs(login)).headers.location).toMatch(/^\/sso\/complete#code=/);
    expect(await usersWithEmail(email)).toBe(1);
  });

  it('keeps only a path of the web app to return to', async () => {
    const login = await providerAccount(`sso-next-${randomUUID().slice(0, 8)}@test.example`);
    for (const [returnTo, next] of [
      ['/invitations/accept?token=abc', '&next=%2Finvitations%2Faccept%3Ftoken%3Dabc'],
      ['https://elsewhere.example/', ''],
      ['//elsewhere.example/', ''],
    ]) {
      const start = await api.get('/api/v1/auth/sso/start', { query: { returnTo } });
      const binding = (start.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
      const back = await provider.authorize(start.headers.location, login);
      const callback = await api.get(`${back.pathname}${back.search}`, { headers: { Cookie: binding } });
      expect(callback.headers.location).toMatch(new RegExp(`^/sso/complete#code=[\\w-]+${escape(next)}$`));
    }
  });

  it('answers a clear problem when single sign-on is not configured', async () => {
    const plain = await TestApi.start();
    try {
      expect((await plain.get('/api/v1/auth/sso')).body).toEqual({ enabled: false });
      expectProblem(await plain.get('/api/v1/auth/sso/start'), 404, 'SSO_NOT_CONFIGURED');
      expectProblem(await plain.get('/api/v1/auth/sso/callback', { query: { state: 'x' } }), 404, 'SSO_NOT_CONFIGURED');
      expectProblem(await plain.post('/api/v1/auth/sso/exchange', { body: { code: 'x' } }), 404, 'SSO_NOT_CONFIGURED');
    } finally {
      await plain.close();
    }
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
