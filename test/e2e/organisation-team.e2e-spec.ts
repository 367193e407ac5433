import { randomUUID } from 'node:crypto';
import { draftId, patchAnswers, sql } from '../support/applications';
import { expectProblem } from '../support/calls-e2e';
import {
  assignByHand,
  autoAssign,
  callWithSubmissions,
  evaluatorsByApplication,
  seatPanel,
  secretariatOf,
} from '../support/evaluation-fixtures';
import { Actor, Applicant, PASSWORD, createApplicant, createCall, login } from '../support/fixtures';
import { TestApi } from '../support/test-app';
import { joinedColleague } from '../support/team';

/**
 * Teams of a centre: every member reads, edits and submits the organisation's applications, the
 * submitting member is recorded, members leave (never the last one), and conflicts of interest take
 * every member's e-mail domain as the organisation's.
 */
describe('organisation teams', () => {
  let api: TestApi;
  let secretariat: Actor;

  beforeAll(async () => {
    api = await TestApi.start();
    secretariat = await secretariatOf(api);
  });
  afterAll(() => api.close());

  const membersOf = (organisationId: string, token: string, query: Record<string, string | number> = {}) =>
    api.get(`/api/v1/organisations/${organisationId}/members`, { token, query });
  const leave = (organisationId: string, token: string) =>
    api.post(`/api/v1/organisations/${organisationId}/members/leave`, { token });
  const organisationOf = async (userId: string) =>
    (await sql<{ id: string | null }>(api, `SELECT organisation_id AS id FROM users WHERE id = $1`, [userId]))[0].id;

  describe('a centre of two members', () => {
    let first: Applicant;
    let second: Actor;
    let callId: string;

    beforeAll(async () => {
      first = await createApplicant(api, 'KE', { name: `Team hub ${randomUUID().slice(0, 6)}` });
      second = await joinedColleague(api, first, { displayName: 'Second member' });
      callId = (await createCall(api, secretariat.token)).id;
    });

    it('lists its members, by name and by page, to them and to the secretariat only', async () => {
      const all = await membersOf(first.organisationId, second.token);
      expect(all.status).toBe(200);
      expect(all.body.total).toBe(2);
      expect(all.body.items.map((m: { id: string }) => m.id).sort()).toEqual([first.id, second.id].sort());
      expect(all.body.items[0]).toEqual(
        expect.objectContaining({
          displayName: 'Second member',
          email: second.email,
          emailVerified: expect.any(Boolean),
        }),
      );
      const page = await membersOf(first.organisationId, secretariat.token, { limit: 1, offset: 1 });
      expect(page.body).toMatchObject({ total: 2, items: [{ displayName: 'Test applicant' }] });

      const outsider = await createApplicant(api);
      expectProblem(await membersOf(first.organisationId, outsider.token), 404, 'NOT_FOUND');
    });

    it('lets any member edit the draft under optimistic locking and submit it, recording who submitted', async () => {
      const id = await draftId(api, first.token, callId, { programme: 'Drafted by the first member.' });
      const edited = await patchAnswers(api, second.token, id, 1, { programme: 'Revised by the second member.' });
      expect(edited.status).toBe(200);
      const stale = await patchAnswers(api, first.token, id, 1, { programme: 'A stale edit.' });
      expectProblem(stale, 412, 'VERSION_CONFLICT');

      const submitted = await api.post(`/api/v1/applications/${id}/submit`, { token: second.token });
      expect(submitted.status).toBe(200);
      expect(submitted.body).toMatchObject({
        status: 'submitted',
        answers: { programme: 'Revised by the second member.' },
        submittedBy: { id: second.id, displayName: 'Second member' },
      });
      const read = await api.get(`/api/v1/applications/${id}`, { token: first.token });
      expect(read.body.submittedBy).toEqual({ id: second.id, displayName: 'Second member' });
      const mine = await api.get('/api/v1/me/applications', { token: second.token });
      expect(mine.body.items.map((a: { id: string }) => a.id)).toContain(id);
    });

    it('lets a member leave, after which it no longer acts for the organisation; the last one cannot', async () => {
      const id = (await api.get('/api/v1/me/applications', { token: first.token })).body.items[0].id as string;
      expectProblem(await leave(first.organisationId, secretariat.token), 403, 'FORBIDDEN');
      const outsider = await createApplicant(api);
      expectProblem(await leave(first.organisationId, outsider.token), 404, 'NOT_FOUND');

      expect((await leave(first.organisationId, second.token)).status).toBe(204);
      expect(await organisationOf(second.id)).toBeNull();
      expectProblem(await api.get(`/api/v1/applications/${id}`, { token: second.token }), 404, 'NOT_FOUND');
      expect((await membersOf(first.organisationId, first.token)).body.total).toBe(1);

      expectProblem(await leave(first.organisationId, first.token), 409, 'LAST_MEMBER');
      expect(await organisationOf(first.id)).toBe(first.organisationId);
      const audit = await sql(
        api,
        `SELECT 1 FROM audit_events WHERE entity_id = $1 AND action = 'organisation.member_left'`,
        [first.organisationId],
      );
      expect(audit).toHaveLength(1);
    });
  });

  describe('conflicts of interest by e-mail domain', () => {
    const domain = `hub-${randomUUID().slice(0, 8)}.example`;
    let centre: Applicant;
    let other: Applicant;
    let colleague: Actor;
    let atDomain: Actor;
    let atGmail: Actor;

    /** An evaluator with this exact address, created by the secretariat. */
    async function evaluatorAt(email: string): Promise<Actor> {
      const res = await api.post('/api/v1/users', {
        token: secretariat.token,
        body: { email, password: PASSWORD, displayName: 'Domain evaluator', role: 'evaluator', countryCode: 'FR' },
      });
      expect(res.status).toBe(201);
      return { id: res.body.id as string, email, token: await login(api, email) };
    }

    beforeAll(async () => {
      [centre, other] = await Promise.all([createApplicant(api, 'KE'), createApplicant(api, 'BR')]);
      // The centre's first member writes from test.example (shared); a colleague from the centre's own domain.
      colleague = await joinedColleague(api, centre, { email: `ada-${randomUUID().slice(0, 6)}@${domain}` });
      atDomain = await evaluatorAt(`reviewer-${randomUUID().slice(0, 6)}@${domain.toUpperCase()}`);
      atGmail = await evaluatorAt(`reviewer-${randomUUID().slice(0, 6)}@gmail.com`);
    });

    it("refuses to assign an evaluator at a member's domain by hand, and leaves it out of automatic assignment", async () => {
      expect(colleague.email.endsWith(domain)).toBe(true);
      const { callId, applicationIds } = await callWithSubmissions(api, [centre, other], {
        evaluatorsPerApplication: 1,
      });
      await seatPanel(api, callId, [atDomain, atGmail]);
      expectProblem(await assignByHand(api, callId, applicationIds[0], atDomain.id), 409, 'CONFLICT_OF_INTEREST');
      expect((await assignByHand(api, callId, applicationIds[0], atGmail.id)).status).toBe(201);
      expect((await autoAssign(api, callId)).status).toBe(200);
      const byApplication = await evaluatorsByApplication(api, callId);
      expect(byApplication.get(applicationIds[0])).toEqual([atGmail.id]);
      expect(byApplication.get(applicationIds[1])).toHaveLength(1);
    });
  });
});
