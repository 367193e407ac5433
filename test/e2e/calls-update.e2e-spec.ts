import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Actor, createApplicant, createCall, createStaff } from '../support/fixtures';
import {
  callAuditTrail,
  connectDb,
  expectInvalid,
  expectProblem,
  patchCall,
  raceOnCall,
  readCall,
} from '../support/calls-e2e';
import { TestApi } from '../support/test-app';

describe('PATCH /calls/:id on a draft', () => {
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
  const patch = (id: string, version: number | string | undefined, body: Record<string, unknown>) =>
    patchCall(api, secretariat.token, id, version, body);

  describe('with the current version in If-Match', () => {
    it('changes any field, bumps the version and answers the new ETag', async () => {
      const call = await draft();
      const change = {
        reference: `EDIT/${randomUUID().slice(0, 8)}`,
        title: 'Second call for accelerator centres',
        description: 'Revised text.',
        opensAt: '2031-03-01T00:00:00.000Z',
        closesAt: '2031-06-01T00:00:00.000Z',
        cohortSize: 17,
        evaluatorsPerApplication: 3,
        eligibility: { organisationTypes: ['incubator', 'accelerator'], requiredDocuments: ['statutes'] },
        selection: { maxPerCountry: 1, maxPerRegion: { AFR: 5 }, minPerRegion: { AFR: 2 } },
        scoring: { scaleMin: 1, scaleMax: 7, normalization: 'zscore', disagreementThreshold: 20 },
        assignment: { excludeSameCountry: true },
        criteria: [
          { code: 'REACH', title: 'Reach', description: 'How many start-ups', weight: 1 },
          { code: 'IMPACT', title: 'Impact', description: '', weight: 3 },
        ],
        questions: [{ key: 'focus', label: 'Focus', type: 'choice', required: true, options: ['health', 'agritech'] }],
      };
      const res = await patch(call.id, 1, change);

      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"2"');
      expect(res.body).toMatchObject({ ...change, id: call.id, status: 'draft', version: 2 });
      expect(await readCall(api, secretariat.token, call.id)).toEqual(res.body);
    });

    it('keeps the fields it is not given', async () => {
      const call = await draft();
      const res = await patch(call.id, 1, { title: 'Only the title changes' });

      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        ...call.body,
        title: 'Only the title changes',
        version: 2,
        updatedAt: expect.any(String),
        localized: { ...(call.body.localized as object), title: 'Only the title changes' },
      });
    });

    it('records call.updated with the changed fields before and after, by whom and in which request', async () => {
      const call = await draft();
      const requestId = `patch-${randomUUID()}`;
      const res = await api.patch(`/api/v1/calls/${call.id}`, {
        token: secretariat.token,
        headers: { 'If-Match': '"1"', 'X-Request-Id': requestId },
        body: { title: 'Renamed', cohortSize: 5, criteria: [{ code: 'ONLY', title: 'Only', weight: 1 }] },
      });
      expect(res.status).toBe(200);

      const trail = await callAuditTrail(api, secretariat.token, call.id);
      expect(trail.map((e) => e.action)).toEqual(['call.created', 'call.updated']);
      expect(trail[1]).toMatchObject({
        actorId: secretariat.id,
        requestId,
        before: { title: call.body.title, cohortSize: 3, criteria: call.body.criteria },
        after: {
          title: 'Renamed',
          cohortSize: 5,
          criteria: [{ code: 'ONLY', title: 'Only', description: '', weight: 1 }],
        },
      });
      expect(Object.keys(trail[1]!.after ?? {}).sort()).toEqual(['cohortSize', 'criteria', 'title']);
    });

    it('changes nothing, not even the version, when the values are the ones stored', async () => {
      const call = await draft();
      const res = await patch(call.id, 1, { title: call.body.title, cohortSize: call.body.cohortSize });

      expect(res.status).toBe(200);
      expect(res.body).toEqual(call.body);
      expect((await callAuditTrail(api, secretariat.token, call.id)).map((e) => e.action)).toEqual(['call.created']);
    });

    it('accepts the version unquoted or as a weak ETag', async () => {
      const call = await draft();
      expect((await patch(call.id, '1', { title: 'Unquoted' })).status).toBe(200);
      expect((await patch(call.id, 'W/"2"', { title: 'Weak' })).body.version).toBe(3);
    });
  });

  describe('refused changes leave the call as it was', () => {
    const refusals: Array<[string, number | string | undefined, Record<string, unknown>, number, string]> = [
      ['no If-Match', undefined, { title: 'x' }, 428, 'PRECONDITION_REQUIRED'],
      ['a stale version', 0, { title: 'x' }, 412, 'VERSION_CONFLICT'],
      ['a version from the future', 7, { title: 'x' }, 412, 'VERSION_CONFLICT'],
      ['a malformed If-Match', 'version one', { title: 'x' }, 400, 'VALIDATION_FAILED'],
      ['an If-Match listing two versions', '"1", "2"', { title: 'x' }, 400, 'VALIDATION_FAILED'],
      ['an invalid field', 1, { cohortSize: 0 }, 400, 'VALIDATION_FAILED'],
      ['a window that closes before it opens', 1, { closesAt: '2000-01-01T00:00:00.000Z' }, 400, 'VALIDATION_FAILED'],
      [
        'duplicate criterion codes',
        1,
        {
          criteria: [
            { code: 'A', title: 'A', weight: 1 },
            { code: 'A', title: 'B', weight: 1 },
          ],
        },
        400,
        'VALIDATION_FAILED',
      ],
      ['an unknown field', 1, { status: 'open' }, 400, 'VALIDATION_FAILED'],
    ];

    it.each(refusals)('%s', async (_name, version, body, status, code) => {
      const call = await draft();
      const res = await patch(call.id, version, body);

      expectProblem(res, status, code);
      expect(await readCall(api, secretariat.token, call.id)).toEqual(call.body);
    });

    it('names the If-Match header when it is malformed', async () => {
      const call = await draft();
      expectInvalid(await patch(call.id, 'abc', { title: 'x' }), 'If-Match');
    });

    it('answers 409 REFERENCE_TAKEN for the reference of another call, in any case', async () => {
      const other = await draft();
      const call = await draft();
      const res = await patch(call.id, 1, { reference: (other.body.reference as string).toLowerCase() });

      expectProblem(res, 409, 'REFERENCE_TAKEN');
      expect(await readCall(api, secretariat.token, call.id)).toEqual(call.body);
    });

    it.each([
      ['title', { title: null }],
      ['reference', { reference: null }],
      ['opensAt', { opensAt: null }],
      ['cohortSize', { cohortSize: null }],
      ['criteria', { criteria: null }],
      ['scoring', { scoring: null }],
    ])('refuses to clear the required field %s with 400', async (field, body) => {
      const call = await draft();

      expectInvalid(await patch(call.id, 1, body), field);
      expect(await readCall(api, secretariat.token, call.id)).toEqual(call.body);
    });

    it('answers 404 for an unknown call', async () => {
      expectProblem(await patch(randomUUID(), 1, { title: 'x' }), 404, 'NOT_FOUND');
    });

    it('refuses applicants (403) and anonymous callers (401)', async () => {
      const call = await draft();
      const applicant = await createApplicant(api);

      expectProblem(await patchCall(api, applicant.token, call.id, 1, { title: 'x' }), 403, 'FORBIDDEN');
      expectProblem(
        await api.patch(`/api/v1/calls/${call.id}`, { headers: { 'If-Match': '"1"' }, body: { title: 'x' } }),
        401,
        'UNAUTHENTICATED',
      );
      expect(await readCall(api, secretariat.token, call.id)).toEqual(call.body);
    });
  });

  describe('optional parts set to null', () => {
    it('go back to their defaults', async () => {
      const call = await draft();
      const res = await patch(call.id, 1, {
        description: null,
        eligibility: null,
        selection: null,
        assignment: null,
        questions: null,
      });

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        description: '',
        eligibility: {},
        selection: {},
        assignment: { excludeSameCountry: false },
        questions: [],
      });
    });

    it('inside selection are left out rather than stored', async () => {
      const call = await draft();
      const res = await patch(call.id, 1, {
        selection: { minPerRegion: { AFR: 1 }, maxPerRegion: null, maxPerCountry: null },
      });

      expect(res.status).toBe(200);
      expect(res.body.selection).toEqual({ minPerRegion: { AFR: 1 } });
    });
  });

  describe('two changes made from the same version', () => {
    it('let exactly one through; the other gets 412 and changes nothing', async () => {
      const call = await draft();
      const results = await raceOnCall(db, call.id, [
        () => patch(call.id, 1, { title: 'First writer' }),
        () => patch(call.id, 1, { title: 'Second writer' }),
      ]);

      expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
      const winner = results.find((r) => r.status === 200)!;
      expectProblem(
        results.find((r) => r.status === 412)!,
        412,
        'VERSION_CONFLICT',
      );
      const stored = await readCall(api, secretariat.token, call.id);
      expect(stored).toMatchObject({ title: winner.body.title, version: 2 });
      const trail = await callAuditTrail(api, secretariat.token, call.id);
      expect(trail.filter((e) => e.action === 'call.updated')).toHaveLength(1);
    });
  });
});
