import { randomUUID } from 'node:crypto';
import { draftId, sql } from '../support/applications';
import { LinkWorld, accountState, linkIn, nthEmailTo, startLinkWorld } from '../support/account-links';
import { expectProblem } from '../support/calls-e2e';
import { secretariatOf } from '../support/evaluation-fixtures';
import { Applicant, PASSWORD, createApplicant, createCall } from '../support/fixtures';
import { TestApi } from '../support/test-app';

/**
 * A member invites a colleague to its organisation by e-mail; the colleague accepts through the link
 * read from the e-mail the worker sends, and becomes a member who acts for the organisation. Refused
 * links (reused, expired) change nothing.
 */
describe('colleagues invited to an organisation', () => {
  let world: LinkWorld;
  let api: TestApi;
  let member: Applicant;
  const organisationName = `Kigali Innovation Hub ${randomUUID().slice(0, 6)}`;

  const invite = (token: string, body: Record<string, unknown>, organisationId = member.organisationId) =>
    api.post(`/api/v1/organisations/${organisationId}/members/invitations`, { token, body });
  const accept = (token: string) =>
    api.post('/api/v1/auth/invitations/accept', { body: { token, password: PASSWORD } });
  const organisationOf = async (userId: string) =>
    (await sql<{ id: string | null }>(api, `SELECT organisation_id AS id FROM users WHERE id = $1`, [userId]))[0].id;

  beforeAll(async () => {
    world = await startLinkWorld();
    api = world.api;
    member = await createApplicant(api, 'RW', { name: organisationName });
  }, 600_000);
  afterAll(() => world?.close());

  it('e-mails the colleague a link that makes it a member, in the inviter’s language by default', async () => {
    const email = `colleague-${randomUUID().slice(0, 8)}@kigali-hub.example`;
    const invited = await invite(member.token, { email, displayName: 'Aline Uwase' });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ email, displayName: 'Aline Uwase', role: 'applicant', status: 'pending' });
    const colleagueId = invited.body.id as string;
    expect(await organisationOf(colleagueId)).toBeNull();

    const message = await nthEmailTo(world.smtp, email);
    expect(message.subject).toBe(`Invitation to join ${organisationName} on the ITU BDT Accelerator Network platform`);
    expect(message.text).toContain(`Test applicant has invited you to join the team of ${organisationName}`);
    const { page, token } = linkIn(message);
    expect(page).toBe('accept-invitation');
    const preview = await api.post('/api/v1/auth/invitations/preview', { body: { token } });
    expect(preview.body).toMatchObject({ email, role: 'applicant' });

    const accepted = await accept(token);
    expect(accepted.status).toBe(200);
    const colleagueToken = accepted.body.accessToken as string;
    expect(await organisationOf(colleagueId)).toBe(member.organisationId);
    const me = await api.get('/api/v1/me', { token: colleagueToken });
    expect(me.body).toMatchObject({ organisationId: member.organisationId, role: 'applicant', emailVerified: true });
    const members = await api.get(`/api/v1/organisations/${member.organisationId}/members`, {
      token: member.token,
    });
    expect(members.body.total).toBe(2);

    // The colleague acts for the organisation at once: it submits the draft its colleague started.
    const callId = (await createCall(api, (await secretariatOf(api)).token)).id;
    const id = await draftId(api, member.token, callId, { programme: 'A six-month programme.' });
    const submitted = await api.post(`/api/v1/applications/${id}/submit`, { token: colleagueToken });
    expect(submitted.status).toBe(200);
    expect(submitted.body.submittedBy).toEqual({ id: colleagueId, displayName: 'Aline Uwase' });

    const before = await accountState(api, colleagueId);
    expectProblem(await accept(token), 410, 'LINK_USED');
    expect(await accountState(api, colleagueId)).toEqual(before);
  });

  it('writes in French when asked to', async () => {
    const email = `collegue-${randomUUID().slice(0, 8)}@kigali-hub.example`;
    expect((await invite(member.token, { email, displayName: 'Claude Mugisha', locale: 'fr' })).status).toBe(201);
    const message = await nthEmailTo(world.smtp, email);
    expect(message.subject).toContain(`Invitation à rejoindre ${organisationName}`);
    expect(message.headers.get('content-language')).toBe('fr');
  });

  it('refuses an expired link: the colleague stays invited and outside the organisation', async () => {
    const email = `late-${randomUUID().slice(0, 8)}@kigali-hub.example`;
    const invited = await invite(member.token, { email, displayName: 'Late colleague' });
    const { token } = linkIn(await nthEmailTo(world.smtp, email));
    await sql(api, `UPDATE account_links SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [
      invited.body.id,
    ]);
    const before = await accountState(api, invited.body.id as string);
    expectProblem(await accept(token), 410, 'LINK_EXPIRED');
    expect(await accountState(api, invited.body.id as string)).toEqual(before);
    expect(await organisationOf(invited.body.id as string)).toBeNull();
  });

  it('lets only members invite, and sends nothing otherwise', async () => {
    const outsider = await createApplicant(api);
    const email = `nobody-${randomUUID().slice(0, 8)}@kigali-hub.example`;
    expectProblem(await invite(outsider.token, { email, displayName: 'Nobody' }), 404, 'NOT_FOUND');
    const secretariat = await secretariatOf(api);
    expectProblem(await invite(secretariat.token, { email, displayName: 'Nobody' }), 403, 'FORBIDDEN');
    expectProblem(
      await invite(member.token, { email: 'not-an-address', displayName: 'Nobody' }),
      400,
      'VALIDATION_FAILED',
    );
    const rows = await sql(api, `SELECT 1 FROM users WHERE email = $1`, [email]);
    expect(rows).toEqual([]);
    expect(world.smtp.to(email)).toEqual([]);
  });
});
