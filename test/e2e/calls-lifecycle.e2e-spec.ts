import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Actor, createApplicant, createCall, createStaff } from '../support/fixtures';
import { callAuditTrail, connectDb, expectProblem, forceCallStatus, raceOnCall, readCall } from '../support/calls-e2e';
import { TestApi } from '../support/test-app';

/** draft → open → closed, by the secretariat; every transition is in the append-only audit trail. */
describe('POST /calls/:id/open and /close', () => {
  let api: TestApi;
  let db: Client;
  let secretariat: Actor;

  beforeAll(async () => {
    api = await TestApi.start();
    db = await connectDb();
    secretariat = await createStaff(api, 'secretariat');
  });
  afterAll(async () => {
    await db.end();
    await api.close();
  });

  const draft = () => createCall(api, secretariat.token, {}, false);
  const transition = (id: string, action: 'open' | 'close' | 'archive', headers: Record<string, string> = {}) =>
    api.post(`/api/v1/calls/${id}/${action}`, { token: secretariat.token, headers });

  describe('allowed transitions', () => {
    it('opens a draft: 200 with the open call and its new version as ETag', async () => {
      const call = await draft();
      const res = await transition(call.id, 'open');

      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"2"');
      expect(res.body).toEqual({
        ...call.body,
        status: 'open',
        version: 2,
        updatedAt: expect.any(String),
        changeable: ['closesAt', 'weights', 'blind', 'expertise', 'translations'],
      });
      expect(await readCall(api, secretariat.token, call.id)).toEqual(res.body);
    });

    it('closes an open call', async () => {
      const call = await draft();
      await transition(call.id, 'open');
      const res = await transition(call.id, 'close');

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: call.id, status: 'closed', version: 3 });
      expect(res.headers.etag).toBe('"3"');
    });

    it('makes an opened call public and hides it again once closed', async () => {
      const call = await draft();
      await transition(call.id, 'open');
      expect((await api.get(`/api/v1/calls/${call.id}`)).status).toBe(200);

      await transition(call.id, 'close');
      expectProblem(await api.get(`/api/v1/calls/${call.id}`), 404, 'NOT_FOUND');
    });
  });

  describe('refused transitions answer 409 INVALID_TRANSITION and change nothing', () => {
    it.each([
      ['open an open call', ['open'], 'open'],
      ['close a draft', [], 'close'],
      ['close a closed call', ['open', 'close'], 'close'],
      ['reopen a closed call', ['open', 'close'], 'open'],
      ['archive a draft', [], 'archive'],
      ['archive a closed call, whose cohort is not published', ['open', 'close'], 'archive'],
    ] as const)('%s', async (_name, steps, action) => {
      const call = await draft();
      for (const step of steps) expect((await transition(call.id, step)).status).toBe(200);
      const before = await readCall(api, secretariat.token, call.id);
      const trailBefore = await callAuditTrail(api, secretariat.token, call.id);

      expectProblem(await transition(call.id, action), 409, 'INVALID_TRANSITION');
      expect(await readCall(api, secretariat.token, call.id)).toEqual(before);
      expect(await callAuditTrail(api, secretariat.token, call.id)).toEqual(trailBefore);
    });

    it.each(['published', 'archived'])('close a %s call', async (status) => {
      const call = await createCall(api, secretariat.token);
      await forceCallStatus(db, call.id, status);

      expectProblem(await transition(call.id, 'close'), 409, 'INVALID_TRANSITION');
      expect((await readCall(api, secretariat.token, call.id)).status).toBe(status);
    });

    it('archive an archived call', async () => {
      const call = await createCall(api, secretariat.token);
      await forceCallStatus(db, call.id, 'archived');

      expectProblem(await transition(call.id, 'archive'), 409, 'INVALID_TRANSITION');
    });

    it('opening the same draft twice at once opens it once; the other request gets 409', async () => {
      const call = await draft();
      const results = await raceOnCall(db, call.id, [
        () => transition(call.id, 'open'),
        () => transition(call.id, 'open'),
      ]);

      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expectProblem(
        results.find((r) => r.status !== 200)!,
        409,
        'INVALID_TRANSITION',
      );
      expect(await readCall(api, secretariat.token, call.id)).toMatchObject({ status: 'open', version: 2 });
      const actions = (await callAuditTrail(api, secretariat.token, call.id)).map((e) => e.action);
      expect(actions).toEqual(['call.created', 'call.opened']);
    });

    it('answers 404 for an unknown call', async () => {
      expectProblem(await transition(randomUUID(), 'open'), 404, 'NOT_FOUND');
    });

    it('refuses applicants (403), evaluators (403) and anonymous callers (401)', async () => {
      const call = await draft();
      const applicant = await createApplicant(api);
      const evaluator = await createStaff(api, 'evaluator');

      for (const token of [applicant.token, evaluator.token]) {
        expectProblem(await api.post(`/api/v1/calls/${call.id}/open`, { token }), 403, 'FORBIDDEN');
      }
      expectProblem(await api.post(`/api/v1/calls/${call.id}/open`), 401, 'UNAUTHENTICATED');
      expect(await readCall(api, secretariat.token, call.id)).toEqual(call.body);
    });
  });

  describe('the audit trail', () => {
    it('records every transition with its actor, request id and statuses, oldest first', async () => {
      const call = await draft();
      const openRequest = `open-${randomUUID()}`;
      const closeRequest = `close-${randomUUID()}`;
      await transition(call.id, 'open', { 'X-Request-Id': openRequest });
      await transition(call.id, 'close', { 'X-Request-Id': closeRequest });

      const trail = await callAuditTrail(api, secretariat.token, call.id);
      expect(trail.map((e) => e.action)).toEqual(['call.created', 'call.opened', 'call.closed']);
      expect(trail.slice(1)).toEqual([
        expect.objectContaining({
          actorId: secretariat.id,
          entityType: 'call',
          entityId: call.id,
          requestId: openRequest,
          before: { status: 'draft' },
          after: { status: 'open' },
        }),
        expect.objectContaining({
          actorId: secretariat.id,
          requestId: closeRequest,
          before: { status: 'open' },
          after: { status: 'closed' },
        }),
      ]);
    });

    it('gives every event the id of the request that caused it, echoed in X-Request-Id', async () => {
      const call = await draft();
      const res = await transition(call.id, 'open');

      const trail = await callAuditTrail(api, secretariat.token, call.id);
      expect(res.headers['x-request-id']).toEqual(expect.any(String));
      expect(trail.at(-1)?.requestId).toBe(res.headers['x-request-id']);
    });

    it('is readable by the secretariat only', async () => {
      const call = await draft();
      const query = { entityType: 'call', entityId: call.id };
      const applicant = await createApplicant(api);

      expectProblem(await api.get('/api/v1/audit-events', { token: applicant.token, query }), 403, 'FORBIDDEN');
      expectProblem(await api.get('/api/v1/audit-events', { query }), 401, 'UNAUTHENTICATED');
    });

    it('cannot be rewritten or erased, even with direct SQL', async () => {
      const call = await draft();
      await transition(call.id, 'open');
      const trail = await callAuditTrail(api, secretariat.token, call.id);

      await expect(
        db.query(`UPDATE audit_events SET action = 'call.tampered', actor_id = NULL WHERE entity_id = $1`, [call.id]),
      ).rejects.toThrow(/append-only/);
      await expect(db.query('DELETE FROM audit_events WHERE entity_id = $1', [call.id])).rejects.toThrow(/append-only/);
      expect(await callAuditTrail(api, secretariat.token, call.id)).toEqual(trail);
    });
  });
});
