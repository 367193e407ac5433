import { randomUUID } from 'node:crypto';
import { sql } from '../support/applications';
import {
  assignmentId,
  autoAssign,
  callWithSubmissions,
  createApplicantsFrom,
  createEvaluators,
  evaluate,
  seatPanel,
} from '../support/evaluation-fixtures';
import { Actor, PASSWORD, adminToken, createCall, createStaff } from '../support/fixtures';
import { TestApi } from '../support/test-app';
import { expectProblem, registerApplicant, signIn } from './identity.helpers';

/** People management: role changes, deactivation and reactivation with reasons, the account's history. */
describe('people: managing accounts', () => {
  let api: TestApi;
  let admin: string;
  let adminId: string;

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await adminToken(api);
    adminId = (await api.get('/api/v1/me', { token: admin })).body.id as string;
  });
  afterAll(() => api.close());

  const change = (token: string, id: string, body: unknown) => api.patch(`/api/v1/users/${id}`, { token, body });
  const history = (token: string, id: string, query: Record<string, number> = {}) =>
    api.get(`/api/v1/users/${id}/history`, { token, query });
  const accountRow = async (id: string) =>
    (
      await sql<{ role: string; active: boolean; token_version: number }>(
        api,
        'SELECT role, active, token_version FROM users WHERE id = $1',
        [id],
      )
    )[0];
  const auditCount = async (id: string) =>
    (
      await sql<{ n: number }>(
        api,
        `SELECT count(*)::int AS n FROM audit_events WHERE entity_type = 'user' AND entity_id = $1`,
        [id],
      )
    )[0].n;
  const liveTokens = async (id: string) =>
    (
      await sql<{ n: number }>(
        api,
        'SELECT count(*)::int AS n FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL',
        [id],
      )
    )[0].n;

  it('keeps each change with who made it and why, in the account’s history, a page at a time', async () => {
    const evaluator = await createStaff(api, 'evaluator');
    const secretariat = await createStaff(api, 'secretariat');

    const promoted = await change(admin, evaluator.id, { role: 'secretariat', reason: '  Joins the secretariat  ' });
    expect(promoted.status).toBe(200);
    expect(promoted.body).toMatchObject({ id: evaluator.id, role: 'secretariat', active: true });
    expect((await change(secretariat.token, evaluator.id, { active: false, reason: 'Left the network' })).status).toBe(
      200,
    );
    expect((await change(admin, evaluator.id, { active: true, reason: 'Back for the next call' })).status).toBe(200);

    const all = await history(secretariat.token, evaluator.id);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(3);
    expect(all.body.items).toEqual([
      expect.objectContaining({
        action: 'user.account_changed',
        actor: { id: adminId, displayName: 'Administrator' },
        before: { role: 'evaluator', active: true },
        after: { role: 'secretariat', reason: 'Joins the secretariat' },
      }),
      expect.objectContaining({
        actor: { id: secretariat.id, displayName: 'Test secretariat' },
        before: { role: 'secretariat', active: true },
        after: { active: false, reason: 'Left the network', sessionsEnded: 1 },
      }),
      expect.objectContaining({
        before: { role: 'secretariat', active: false },
        after: { active: true, reason: 'Back for the next call' },
      }),
    ]);
    const second = await history(admin, evaluator.id, { limit: 1, offset: 1 });
    expect(second.body).toMatchObject({ total: 3, items: [{ after: { active: false } }] });
  });

  it('still takes a change without a reason (the v1 contract had none), recorded as null', async () => {
    const evaluator = await createStaff(api, 'evaluator');
    expect((await change(admin, evaluator.id, { role: 'secretariat' })).status).toBe(200);
    expect((await history(admin, evaluator.id)).body.items[0].after).toEqual({ role: 'secretariat', reason: null });
  });

  it('records nothing for a change that changes nothing', async () => {
    const evaluator = await createStaff(api, 'evaluator');
    const same = await change(admin, evaluator.id, { role: 'evaluator', active: true, reason: 'No change' });
    expect(same.status).toBe(200);
    expect(await auditCount(evaluator.id)).toBe(0);
    expect(await liveTokens(evaluator.id)).toBe(1);
  });

  it('ends every session of a deactivated account at once; it cannot sign in; reactivation restores no session', async () => {
    const applicant = await registerApplicant(api);
    const other = await signIn(api, applicant.email);
    expect(await liveTokens(applicant.id)).toBe(2);

    const deactivated = await change(admin, applicant.id, { active: false, reason: 'Duplicate account' });
    expect(deactivated.body).toMatchObject({ active: false });
    expect(await liveTokens(applicant.id)).toBe(0);
    expectProblem(await api.get('/api/v1/me', { token: applicant.token }), 401, 'UNAUTHENTICATED');
    expectProblem(await api.get('/api/v1/me', { token: other.accessToken }), 401, 'UNAUTHENTICATED');
    expectProblem(
      await api.post('/api/v1/auth/refresh', { body: { refreshToken: other.refreshToken } }),
      401,
      'INVALID_REFRESH_TOKEN',
    );
    expectProblem(
      await api.post('/api/v1/auth/login', { body: { email: applicant.email, password: PASSWORD } }),
      401,
      'INVALID_CREDENTIALS',
    );

    await change(admin, applicant.id, { active: true, reason: 'Confirmed genuine' });
    expect(await liveTokens(applicant.id)).toBe(0);
    expectProblem(await api.get('/api/v1/me', { token: other.accessToken }), 401, 'UNAUTHENTICATED');
    expect((await api.get('/api/v1/me', { token: (await signIn(api, applicant.email)).accessToken })).status).toBe(200);
  });

  describe('refusals change nothing', () => {
    let secretariat: Actor;
    let evaluator: Actor;
    beforeEach(async () => {
      secretariat = await createStaff(api, 'secretariat');
      evaluator = await createStaff(api, 'evaluator');
    });

    const expectUntouched = async (id: string, role: string) => {
      expect(await accountRow(id)).toMatchObject({ role, active: true });
      expect(await auditCount(id)).toBe(0);
      expect(await liveTokens(id)).toBe(1);
    };

    it('the secretariat neither deactivates nor demotes an administrator, nor grants the role', async () => {
      const other = await createStaff(api, 'secretariat');
      expect((await change(admin, other.id, { role: 'admin', reason: 'Second administrator' })).status).toBe(200);
      const before = await auditCount(other.id);
      expectProblem(await change(secretariat.token, other.id, { active: false, reason: 'x' }), 403, 'FORBIDDEN');
      expectProblem(await change(secretariat.token, other.id, { role: 'evaluator', reason: 'x' }), 403, 'FORBIDDEN');
      expectProblem(await change(secretariat.token, evaluator.id, { role: 'admin', reason: 'x' }), 403, 'FORBIDDEN');
      expect(await accountRow(other.id)).toMatchObject({ role: 'admin', active: true });
      expect(await auditCount(other.id)).toBe(before);
      await expectUntouched(evaluator.id, 'evaluator');
    });

    it('nobody deactivates or demotes themselves', async () => {
      expectProblem(await change(secretariat.token, secretariat.id, { active: false, reason: 'x' }), 403, 'FORBIDDEN');
      expectProblem(await change(admin, adminId, { role: 'secretariat', reason: 'x' }), 403, 'FORBIDDEN');
      expect(await accountRow(adminId)).toMatchObject({ role: 'admin', active: true });
      await expectUntouched(secretariat.id, 'secretariat');
    });

    it('an invited account is activated by its invitation only, not by a change of account', async () => {
      const invited = await api.post('/api/v1/invitations', {
        token: secretariat.token,
        body: { email: `invited-${randomUUID()}@test.example`, displayName: 'Not Yet Accepted', role: 'evaluator' },
      });
      expect(invited.status).toBe(201);
      const before = await auditCount(invited.body.id);
      expectProblem(
        await change(admin, invited.body.id, { active: true, reason: 'Activate it' }),
        409,
        'ACCOUNT_INVITED',
      );
      expect(await accountRow(invited.body.id)).toMatchObject({ role: 'evaluator', active: false });
      expect(await auditCount(invited.body.id)).toBe(before);
    });

    it('a reason that is not text or is too long is refused', async () => {
      expectProblem(await change(admin, evaluator.id, { active: false, reason: 42 }), 400, 'VALIDATION_FAILED');
      expectProblem(await change(admin, evaluator.id, { active: false, reason: null }), 400, 'VALIDATION_FAILED');
      const long = await change(admin, evaluator.id, { active: false, reason: 'x'.repeat(1001) });
      expectProblem(long, 400, 'VALIDATION_FAILED');
      await expectUntouched(evaluator.id, 'evaluator');
    });

    it('the history is the staff’s to read, of an existing user', async () => {
      expectProblem(await history(evaluator.token, secretariat.id), 403, 'FORBIDDEN');
      expectProblem(await history(admin, randomUUID()), 404, 'NOT_FOUND');
      expectProblem(await history(admin, 'not-a-uuid'), 400, 'VALIDATION_FAILED');
      expectProblem(await api.get(`/api/v1/users/${evaluator.id}/history`), 401, 'UNAUTHENTICATED');
    });
  });

  describe('a deactivated evaluator', () => {
    it('takes no new seat on a panel nor a new assignment; its submitted evaluations stay where they were', async () => {
      const [applicant, second] = await createApplicantsFrom(api, [{ countryCode: 'KE' }, { countryCode: 'KE' }]);
      const [kept, leaving] = await createEvaluators(api, [{ countryCode: 'FR' }, { countryCode: 'FR' }]);
      const { callId, applicationIds } = await callWithSubmissions(api, [applicant]);
      const next = await callWithSubmissions(api, [second]);
      await seatPanel(api, callId, [kept, leaving]);
      await seatPanel(api, next.callId, [kept, leaving]);
      await evaluate(api, leaving.token, await assignmentId(api, callId, applicationIds[0], leaving.id));

      expect((await change(admin, leaving.id, { active: false, reason: 'Retired' })).status).toBe(200);

      const evaluations = await api.get(`/api/v1/applications/${applicationIds[0]}/evaluations`, { token: admin });
      expect(evaluations.status).toBe(200);
      expect(evaluations.body.items).toEqual([
        expect.objectContaining({ evaluatorId: leaving.id, status: 'submitted' }),
      ]);
      const panel = await api.get(`/api/v1/calls/${callId}/panel`, { token: admin });
      expect(panel.body.members.map((m: { evaluatorId: string }) => m.evaluatorId)).toContain(leaving.id);

      const other = await createCall(api, admin);
      const seat = await api.post(`/api/v1/calls/${other.id}/panel`, {
        token: admin,
        body: { evaluatorIds: [kept.id, leaving.id] },
      });
      expectProblem(seat, 409, 'EVALUATOR_INACTIVE');
      expect(seat.body.errors).toEqual([
        expect.objectContaining({ field: 'evaluatorIds', params: { id: leaving.id } }),
      ]);
      expect(await sql(api, 'SELECT 1 FROM panel_members WHERE call_id = $1', [other.id])).toEqual([]);

      const assign = await api.post(`/api/v1/calls/${next.callId}/assignments`, {
        token: admin,
        body: { applicationId: next.applicationIds[0], evaluatorId: leaving.id },
      });
      expectProblem(assign, 409, 'EVALUATOR_INACTIVE');
      expect(await sql(api, 'SELECT 1 FROM assignments WHERE application_id = $1', [next.applicationIds[0]])).toEqual(
        [],
      );

      const auto = await autoAssign(api, next.callId);
      expect(auto.status).toBe(200);
      expect(auto.body.unassigned).toEqual([{ applicationId: next.applicationIds[0], missing: 1 }]);
      const assigned = await sql<{ evaluator_id: string }>(
        api,
        'SELECT evaluator_id FROM assignments WHERE application_id = $1',
        [next.applicationIds[0]],
      );
      expect(assigned).toEqual([{ evaluator_id: kept.id }]);
    });
  });
});
