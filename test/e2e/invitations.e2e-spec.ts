import { sql } from '../support/applications';
import {
  LinkWorld,
  accountState,
  linkIn,
  nthEmailTo,
  startLinkWorld,
  tokenStoredAnywhere,
} from '../support/account-links';
import { secretariatOf } from '../support/evaluation-fixtures';
import { Actor, createCall, createStaff, uniqueEmail } from '../support/fixtures';
import { expectProblem } from './identity.helpers';

/**
 * Invitations end to end: the secretariat invites, the worker e-mails the link to the in-process SMTP
 * server, and the test reads the link from the captured e-mail, as the invited person would.
 */
describe('invitations', () => {
  let world: LinkWorld;
  let secretariat: Actor;

  const NEW_PASSWORD = 'a brand new passphrase';

  const invite = (body: Record<string, unknown>, token = secretariat.token) =>
    world.api.post('/api/v1/invitations', { token, body });
  const accept = (token: string, password = NEW_PASSWORD, extra: Record<string, unknown> = {}) =>
    world.api.post('/api/v1/auth/invitations/accept', { body: { token, password, ...extra } });
  const signIn = (email: string, password: string) =>
    world.api.post('/api/v1/auth/login', { body: { email, password } });

  /** Invites a fresh address and answers the invitation and the token its e-mail carries. */
  async function invited(extra: Record<string, unknown> = {}) {
    const email = uniqueEmail('invited');
    const res = await invite({ email, displayName: 'Invited Evaluator', role: 'evaluator', ...extra });
    expect(res.status).toBe(201);
    const { token } = linkIn(await nthEmailTo(world.smtp, email));
    return { email, id: res.body.id as string, token, body: res.body as Record<string, unknown> };
  }

  beforeAll(async () => {
    world = await startLinkWorld();
    secretariat = await secretariatOf(world.api);
  }, 600_000);

  afterAll(async () => {
    await world?.close();
  });

  it('invites an evaluator by e-mail: an account that cannot sign in yet, and a link stored nowhere', async () => {
    const call = await createCall(world.api, secretariat.token);
    const email = uniqueEmail('invited');
    const res = await invite({ email, displayName: 'Ada Evaluator', role: 'evaluator', callIds: [call.id] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      email,
      displayName: 'Ada Evaluator',
      role: 'evaluator',
      locale: 'en',
      callIds: [call.id],
      status: 'pending',
      invitedBy: secretariat.id,
      acceptedAt: null,
    });
    const days = (Date.parse(res.body.expiresAt) - Date.parse(res.body.sentAt)) / 86_400_000;
    expect(days).toBeCloseTo(7, 3);

    const message = await nthEmailTo(world.smtp, email);
    expect(message.subject).toBe('Invitation to the ITU BDT Accelerator Network platform');
    const link = linkIn(message);
    expect(link.page).toBe('accept-invitation');
    expect(message.text).toContain('Test secretariat has invited you to join the platform');
    expect(await tokenStoredAnywhere(world.api, link.token)).toBe(false);
    const [notification] = await sql<{ body: string; params: Record<string, unknown> }>(
      world.api,
      `SELECT body, params FROM notifications WHERE recipient_id = $1`,
      [res.body.id],
    );
    expect(notification.body).toContain('has been sent to you by e-mail');
    expect(Object.keys(notification.params).sort()).toEqual(['expiresAt', 'inviterName', 'linkId']);

    expect(await accountState(world.api, res.body.id)).toMatchObject({
      user: { passwordHash: null, active: false, invited: true },
    });
    expectProblem(await signIn(email, NEW_PASSWORD), 401, 'INVALID_CREDENTIALS');
    const panel = await world.api.get(`/api/v1/calls/${call.id}/panel`, { token: secretariat.token });
    expect(panel.body.members).toEqual([]);
  });

  it('lets the invited person accept once: password set, panels joined, signed in', async () => {
    const call = await createCall(world.api, secretariat.token);
    const { email, id, token } = await invited({ callIds: [call.id] });

    const preview = await world.api.post('/api/v1/auth/invitations/preview', { body: { token } });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ email, displayName: 'Invited Evaluator', role: 'evaluator' });

    const accepted = await accept(token, NEW_PASSWORD, { displayName: 'Grace Evaluator' });
    expect(accepted.status).toBe(200);
    const me = await world.api.get('/api/v1/me', { token: accepted.body.accessToken });
    expect(me.body).toMatchObject({ id, email, role: 'evaluator', displayName: 'Grace Evaluator' });
    expect((await signIn(email, NEW_PASSWORD)).status).toBe(200);
    const panel = await world.api.get(`/api/v1/calls/${call.id}/panel`, { token: secretariat.token });
    expect(panel.body.members.map((m: { evaluatorId: string }) => m.evaluatorId)).toEqual([id]);
    const invitation = await world.api.get(`/api/v1/invitations/${id}`, { token: secretariat.token });
    expect(invitation.body).toMatchObject({ status: 'accepted', acceptedAt: expect.any(String) });

    const before = await accountState(world.api, id);
    expectProblem(await accept(token, 'another passphrase entirely'), 410, 'LINK_USED');
    expect(await accountState(world.api, id)).toEqual(before);
    expectProblem(await signIn(email, 'another passphrase entirely'), 401, 'INVALID_CREDENTIALS');
  });

  it('refuses an expired link and changes nothing', async () => {
    const { id, token } = await invited();
    await sql(world.api, `UPDATE account_links SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [id]);
    const before = await accountState(world.api, id);
    expectProblem(await world.api.post('/api/v1/auth/invitations/preview', { body: { token } }), 410, 'LINK_EXPIRED');
    expectProblem(await accept(token), 410, 'LINK_EXPIRED');
    expect(await accountState(world.api, id)).toEqual(before);
    const invitation = await world.api.get(`/api/v1/invitations/${id}`, { token: secretariat.token });
    expect(invitation.body.status).toBe('expired');
  });

  it('revokes an invitation: its link is refused, and a second revocation too', async () => {
    const { id, token } = await invited();
    const revoked = await world.api.post(`/api/v1/invitations/${id}/revoke`, { token: secretariat.token });
    expect(revoked.status).toBe(200);
    expect(revoked.body.status).toBe('revoked');
    const before = await accountState(world.api, id);
    expectProblem(await accept(token), 410, 'LINK_REVOKED');
    expectProblem(
      await world.api.post(`/api/v1/invitations/${id}/revoke`, { token: secretariat.token }),
      409,
      'INVITATION_NOT_PENDING',
    );
    expectProblem(
      await world.api.post(`/api/v1/invitations/${id}/resend`, { token: secretariat.token }),
      409,
      'INVITATION_NOT_PENDING',
    );
    expect(await accountState(world.api, id)).toEqual(before);
  });

  it('resends a new link that replaces the first, also once the first expired', async () => {
    const { email, id, token: first } = await invited();
    await sql(world.api, `UPDATE account_links SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [id]);
    const resent = await world.api.post(`/api/v1/invitations/${id}/resend`, { token: secretariat.token });
    expect(resent.status).toBe(200);
    expect(resent.body.status).toBe('pending');
    const { token: second } = linkIn(await nthEmailTo(world.smtp, email, 2));
    expect(second).not.toBe(first);
    expectProblem(await accept(first), 410, 'LINK_REVOKED');
    expect((await accept(second)).status).toBe(200);
    expectProblem(
      await world.api.post(`/api/v1/invitations/${id}/resend`, { token: secretariat.token }),
      409,
      'INVITATION_NOT_PENDING',
    );
  });

  it('limits resends per address with 429 and Retry-After', async () => {
    const { id } = await invited();
    const statuses: number[] = [];
    let last = await world.api.post(`/api/v1/invitations/${id}/resend`, { token: secretariat.token });
    statuses.push(last.status);
    while (last.status === 200 && statuses.length < 10) {
      last = await world.api.post(`/api/v1/invitations/${id}/resend`, { token: secretariat.token });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expectProblem(last, 429, 'RATE_LIMITED');
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('refuses tokens that are unknown or meant for another page', async () => {
    expectProblem(await accept('not-a-token-of-ours'), 400, 'LINK_INVALID');
    const { email } = await createStaff(world.api, 'evaluator');
    const requested = await world.api.post('/api/v1/auth/password-reset/request', { body: { email } });
    expect(requested.status).toBe(202);
    const { token } = linkIn(await nthEmailTo(world.smtp, email));
    expectProblem(await accept(token), 400, 'LINK_INVALID');
  });

  it('writes to a French-speaking invitee in French', async () => {
    const email = uniqueEmail('invitee-fr');
    const res = await invite({ email, displayName: 'Camille Évaluatrice', role: 'secretariat', locale: 'fr' });
    expect(res.status).toBe(201);
    const message = await nthEmailTo(world.smtp, email);
    expect(message.subject).toBe(
      'Invitation à rejoindre la plateforme du Réseau des centres d’accélération du BDT de l’UIT',
    );
    expect(message.text).toContain('veuillez ouvrir le lien suivant\u00a0:');
    expect(message.headers.get('content-language')).toBe('fr');
    expect(linkIn(message).page).toBe('accept-invitation');
  });

  it('refuses invitations an evaluator sends, panels for a secretariat member, unknown calls and taken addresses', async () => {
    const evaluator = await createStaff(world.api, 'evaluator');
    const body = { email: uniqueEmail('x'), displayName: 'X', role: 'evaluator' };
    expectProblem(await invite(body, evaluator.token), 403, 'FORBIDDEN');
    const call = await createCall(world.api, secretariat.token);
    expectProblem(await invite({ ...body, role: 'secretariat', callIds: [call.id] }), 400, 'VALIDATION_FAILED');
    expectProblem(await invite({ ...body, callIds: ['00000000-0000-4000-8000-000000000000'] }), 404, 'NOT_FOUND');
    expectProblem(await invite({ ...body, email: evaluator.email.toUpperCase() }), 409, 'EMAIL_TAKEN');
    const [{ count }] = await sql<{ count: string }>(world.api, `SELECT count(*) FROM users WHERE email = $1`, [
      body.email,
    ]);
    expect(Number(count)).toBe(0);
  });

  it('lists invitations by status, newest first, in pages', async () => {
    const { id: pendingId } = await invited();
    const { id: revokedId } = await invited();
    await world.api.post(`/api/v1/invitations/${revokedId}/revoke`, { token: secretariat.token });
    const pending = await world.api.get('/api/v1/invitations', {
      token: secretariat.token,
      query: { status: 'pending', limit: 500 },
    });
    expect(pending.status).toBe(200);
    const ids = pending.body.items.map((i: { id: string }) => i.id);
    expect(ids).toContain(pendingId);
    expect(ids).not.toContain(revokedId);
    expect(pending.body.items.every((i: { status: string }) => i.status === 'pending')).toBe(true);
    const all = await world.api.get('/api/v1/invitations', { token: secretariat.token, query: { limit: 500 } });
    const order = all.body.items.map((i: { id: string }) => i.id);
    expect(order.indexOf(revokedId)).toBeLessThan(order.indexOf(pendingId));
    const sent = all.body.items.map((i: { sentAt: string }) => Date.parse(i.sentAt));
    expect(sent).toEqual([...sent].sort((a, b) => b - a));
    const past = await world.api.get('/api/v1/invitations', {
      token: secretariat.token,
      query: { limit: 1, offset: 100_000 },
    });
    expect(past.body).toEqual({ items: [], total: all.body.total });
  });

  it('keeps the password rules of registration', async () => {
    const { id, token } = await invited();
    const before = await accountState(world.api, id);
    expectProblem(await accept(token, 'short'), 400, 'VALIDATION_FAILED');
    expect(await accountState(world.api, id)).toEqual(before);
  });
});
