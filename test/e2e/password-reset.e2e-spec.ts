import { sql } from '../support/applications';
import {
  LinkWorld,
  accountState,
  linkIn,
  nthEmailTo,
  startLinkWorld,
  tokenStoredAnywhere,
} from '../support/account-links';
import { PASSWORD, createStaff, uniqueEmail } from '../support/fixtures';
import { expectProblem, refresh, signIn } from './identity.helpers';

/**
 * Password reset by e-mailed link and password change from the profile, end to end: the worker
 * e-mails the link to the in-process SMTP server and the test reads it from the captured e-mail.
 */
describe('password reset and change', () => {
  let world: LinkWorld;

  const NEW_PASSWORD = 'a brand new passphrase';
  const request = (email: string, client = '198.51.100.7') =>
    world.api.post('/api/v1/auth/password-reset/request', { body: { email }, headers: { 'X-Forwarded-For': client } });
  const confirm = (token: string, password = NEW_PASSWORD) =>
    world.api.post('/api/v1/auth/password-reset/confirm', { body: { token, password } });
  const login = (email: string, password: string) =>
    world.api.post('/api/v1/auth/login', { body: { email, password } });

  beforeAll(async () => {
    world = await startLinkWorld();
  }, 600_000);

  afterAll(async () => {
    await world?.close();
  });

  it('answers alike whether or not the address has an account, and e-mails only an account', async () => {
    const user = await createStaff(world.api, 'evaluator');
    const unknown = uniqueEmail('nobody');
    const known = await request(user.email.toUpperCase(), '198.51.100.1');
    const absent = await request(unknown, '198.51.100.1');
    expect({ status: known.status, body: known.body }).toEqual({ status: absent.status, body: absent.body });
    expect(known.status).toBe(202);

    const message = await nthEmailTo(world.smtp, user.email);
    expect(message.subject).toBe('Resetting your password');
    const { page, token } = linkIn(message);
    expect(page).toBe('reset-password');
    expect(await tokenStoredAnywhere(world.api, token)).toBe(false);
    expect(world.smtp.to(unknown)).toEqual([]);
    const [{ count }] = await sql<{ count: string }>(
      world.api,
      `SELECT count(*) FROM users WHERE lower(email) = lower($1)`,
      [unknown],
    );
    expect(Number(count)).toBe(0);
  });

  it('sets the new password through the link and ends every session; the link works once', async () => {
    const user = await createStaff(world.api, 'evaluator');
    const sessions = [await signIn(world.api, user.email), await signIn(world.api, user.email)];
    await request(user.email, '198.51.100.2');
    const { token } = linkIn(await nthEmailTo(world.smtp, user.email));

    expect((await confirm(token)).status).toBe(204);
    for (const session of sessions) {
      expectProblem(await refresh(world.api, session.refreshToken), 401, 'INVALID_REFRESH_TOKEN');
      expect((await world.api.get('/api/v1/me', { token: session.accessToken })).status).toBe(401);
    }
    expectProblem(await login(user.email, PASSWORD), 401, 'INVALID_CREDENTIALS');
    expect((await login(user.email, NEW_PASSWORD)).status).toBe(200);

    const before = await accountState(world.api, user.id);
    expectProblem(await confirm(token, 'yet another passphrase'), 410, 'LINK_USED');
    expect(await accountState(world.api, user.id)).toEqual(before);
  });

  it('refuses an expired link, and a link replaced by a newer request, changing nothing', async () => {
    const user = await createStaff(world.api, 'evaluator');
    const session = await signIn(world.api, user.email);
    await request(user.email, '198.51.100.3');
    const { token: first } = linkIn(await nthEmailTo(world.smtp, user.email));
    await request(user.email, '198.51.100.3');
    const { token: second } = linkIn(await nthEmailTo(world.smtp, user.email, 2));

    const before = await accountState(world.api, user.id);
    expectProblem(await confirm(first), 410, 'LINK_REVOKED');
    await sql(world.api, `UPDATE account_links SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [
      user.id,
    ]);
    const expired = await accountState(world.api, user.id);
    expectProblem(await confirm(second), 410, 'LINK_EXPIRED');
    expect(await accountState(world.api, user.id)).toEqual(expired);
    expect(before).not.toEqual(expired);
    expect((await login(user.email, PASSWORD)).status).toBe(200);
    expect((await refresh(world.api, session.refreshToken)).status).toBe(200);
  });

  it('refuses unknown tokens and an invitation link', async () => {
    expectProblem(await confirm('not-a-token-of-ours'), 400, 'LINK_INVALID');
    const secretariat = await createStaff(world.api, 'secretariat');
    const email = uniqueEmail('invited');
    const invited = await world.api.post('/api/v1/invitations', {
      token: secretariat.token,
      body: { email, displayName: 'Invited', role: 'evaluator' },
    });
    const { token } = linkIn(await nthEmailTo(world.smtp, email));
    const before = await accountState(world.api, invited.body.id);
    expectProblem(await confirm(token), 400, 'LINK_INVALID');
    expect(await accountState(world.api, invited.body.id)).toEqual(before);
    // An invited address gets no reset link: it accepts its invitation instead.
    expect((await request(email, '198.51.100.4')).status).toBe(202);
    expect(await accountState(world.api, invited.body.id)).toEqual(before);
  });

  it('limits requests per address with 429 and Retry-After, known address or not', async () => {
    for (const email of [uniqueEmail('nobody'), (await createStaff(world.api, 'evaluator')).email]) {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1) statuses.push((await request(email, '198.51.100.5')).status);
      expect(statuses).toEqual([202, 202, 202, 429]);
      const refused = await request(email, '198.51.100.6');
      expectProblem(refused, 429, 'RATE_LIMITED');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    }
  });

  it('changes the password from the profile with the current one; other sessions end, this one goes on', async () => {
    const user = await createStaff(world.api, 'evaluator');
    const current = await signIn(world.api, user.email);
    const other = await signIn(world.api, user.email);
    const change = (currentPassword: string, newPassword: string) =>
      world.api.post('/api/v1/me/password', { token: current.accessToken, body: { currentPassword, newPassword } });

    const before = await accountState(world.api, user.id);
    expectProblem(await change('not my password', NEW_PASSWORD), 400, 'WRONG_PASSWORD');
    expectProblem(await change(PASSWORD, 'short'), 400, 'VALIDATION_FAILED');
    expect(await accountState(world.api, user.id)).toEqual(before);

    expect((await change(PASSWORD, NEW_PASSWORD)).status).toBe(204);
    expectProblem(await refresh(world.api, other.refreshToken), 401, 'INVALID_REFRESH_TOKEN');
    expect((await world.api.get('/api/v1/me', { token: other.accessToken })).status).toBe(401);
    expect((await world.api.get('/api/v1/me', { token: current.accessToken })).status).toBe(200);
    expect((await refresh(world.api, current.refreshToken)).status).toBe(200);
    expectProblem(await login(user.email, PASSWORD), 401, 'INVALID_CREDENTIALS');
    expect((await login(user.email, NEW_PASSWORD)).status).toBe(200);
    expect(
      (await world.api.post('/api/v1/me/password', { body: { currentPassword: 'x', newPassword: NEW_PASSWORD } }))
        .status,
    ).toBe(401);
  });

  it('writes the reset e-mail in French to a French-speaking user', async () => {
    const user = await createStaff(world.api, 'evaluator', { locale: 'fr' });
    await request(user.email, '198.51.100.8');
    const message = await nthEmailTo(world.smtp, user.email);
    expect(message.subject).toBe('Réinitialisation de votre mot de passe');
    expect(message.text).toContain('Pour choisir un nouveau mot de passe, veuillez ouvrir le lien suivant\u00a0:');
    expect(linkIn(message).page).toBe('reset-password');
  });
});
