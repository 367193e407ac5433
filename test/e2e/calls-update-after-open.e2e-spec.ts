import { Client } from 'pg';
import { Actor, createCall, createStaff } from '../support/fixtures';
import {
  callAuditTrail,
  connectDb,
  expectInvalid,
  expectProblem,
  forceCallStatus,
  patchCall,
  readCall,
} from '../support/calls-e2e';
import { TestApi } from '../support/test-app';

type Body = Record<string, unknown>;

/** Once a call has opened, only its deadline (later) and its criteria weights may change, until publication. */
describe('PATCH /calls/:id after the call has opened', () => {
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

  /** An open call (version 2: created, then opened) with criteria IMPACT 0.6 and CAPACITY 0.4. */
  const openCall = async () => {
    const call = await createCall(api, secretariat.token);
    expect(call.body).toMatchObject({ status: 'open', version: 2 });
    return call;
  };
  const patch = (call: { id: string; version: number }, body: Body) =>
    patchCall(api, secretariat.token, call.id, call.version, body);
  const later = (iso: unknown, days: number) => new Date(Date.parse(iso as string) + days * 86_400_000).toISOString();

  describe('the deadline', () => {
    it('can be extended; the change is audited', async () => {
      const call = await openCall();
      const closesAt = later(call.body.closesAt, 7);
      const res = await patch(call, { closesAt });

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'open', closesAt, version: 3 });
      expect(res.headers.etag).toBe('"3"');
      const trail = await callAuditTrail(api, secretariat.token, call.id);
      expect(trail.at(-1)).toMatchObject({
        action: 'call.updated',
        actorId: secretariat.id,
        before: { closesAt: call.body.closesAt },
        after: { closesAt },
      });
    });

    it('cannot move once the call is closed (409 FIELD_LOCKED): a later deadline would reopen nothing', async () => {
      const call = await openCall();
      const closed = await api.post(`/api/v1/calls/${call.id}/close`, { token: secretariat.token });
      const res = await patch(closed.body, { closesAt: later(call.body.closesAt, 7) });

      expectProblem(res, 409, 'FIELD_LOCKED');
      expect(res.body.detail).toContain('only weights, blind, expertise and translations can change');
      expect(await readCall(api, secretariat.token, call.id)).toEqual(closed.body);
    });

    it('cannot be brought forward (400), even to a time still in the future', async () => {
      const call = await openCall();
      const res = await patch(call, { closesAt: later(call.body.closesAt, -0.5) });

      expectInvalid(res, 'closesAt');
      expect(await readCall(api, secretariat.token, call.id)).toEqual(call.body);
    });
  });

  describe('the criteria weights', () => {
    it('change through `weights` by code; the call is reweighted, nothing else moves', async () => {
      const call = await openCall();
      const res = await patch(call, { weights: { CAPACITY: 0.9 } });

      expect(res.status).toBe(200);
      expect(res.body.version).toBe(3);
      expect(res.body.criteria).toEqual([
        { code: 'IMPACT', title: 'Impact', description: '', weight: 0.6 },
        { code: 'CAPACITY', title: 'Capacity', description: '', weight: 0.9 },
      ]);
      expect({ ...res.body, criteria: call.body.criteria, version: 2, updatedAt: call.body.updatedAt }).toEqual(
        call.body,
      );
      const trail = await callAuditTrail(api, secretariat.token, call.id);
      expect(trail.at(-1)).toMatchObject({
        action: 'call.reweighted',
        actorId: secretariat.id,
        before: { criteria: call.body.criteria },
        after: { criteria: res.body.criteria },
      });
    });

    it('change through `criteria` with the same codes, titles and descriptions', async () => {
      const call = await openCall();
      const criteria = [
        { code: 'IMPACT', title: 'Impact', weight: 2 },
        { code: 'CAPACITY', title: 'Capacity', description: '', weight: 1 },
      ];
      const res = await patch(call, { criteria });

      expect(res.status).toBe(200);
      expect((res.body.criteria as Body[]).map((c) => c.weight)).toEqual([2, 1]);
      const trail = await callAuditTrail(api, secretariat.token, call.id);
      expect(trail.at(-1)?.action).toBe('call.reweighted');
    });

    it('leave alone a criterion whose code is also the name of an object property', async () => {
      const criteria = [
        { code: 'constructor', title: 'Construction', weight: 1 },
        { code: 'IMPACT', title: 'Impact', weight: 1 },
      ];
      const call = await createCall(api, secretariat.token, { criteria });
      const res = await patch(call, { weights: { IMPACT: 3 } });

      expect(res.status).toBe(200);
      expect((res.body.criteria as Body[]).map((c) => [c.code, c.weight])).toEqual([
        ['constructor', 1],
        ['IMPACT', 3],
      ]);
    });

    it('still change once the call is closed', async () => {
      const call = await openCall();
      const closed = await api.post(`/api/v1/calls/${call.id}/close`, { token: secretariat.token });
      const res = await patch(closed.body, { weights: { IMPACT: 1 } });

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'closed', version: 4 });
    });

    it.each([
      ['an unknown code in weights', { weights: { IMPACT: 1, NOVELTY: 2 } }, 'weights.NOVELTY'],
      ['a zero weight in weights', { weights: { IMPACT: 0 } }, 'weights'],
      ['a negative weight in weights', { weights: { CAPACITY: -1 } }, 'weights'],
      ['a weight that is not a number', { weights: { CAPACITY: 'heavy' } }, 'weights'],
      [
        'a zero weight in criteria',
        {
          criteria: [
            { code: 'IMPACT', title: 'Impact', weight: 0 },
            { code: 'CAPACITY', title: 'Capacity', weight: 1 },
          ],
        },
        'criteria.0.weight',
      ],
    ])('refuse %s with 400', async (_name, body, field) => {
      const call = await openCall();

      expectInvalid(await patch(call, body), field);
      expect(await readCall(api, secretariat.token, call.id)).toEqual(call.body);
    });
  });

  describe('every other field is locked', () => {
    const locked: Array<[string, (call: Body) => Body]> = [
      ['the title', () => ({ title: 'A new title' })],
      ['the reference', () => ({ reference: 'OTHER/REF/1' })],
      ['the opening date', (call) => ({ opensAt: later(call.opensAt, -1) })],
      ['the cohort size', () => ({ cohortSize: 10 })],
      ['the scoring scale', () => ({ scoring: { scaleMin: 1, scaleMax: 5 } })],
      ['the eligibility rules', () => ({ eligibility: { organisationTypes: ['academia'] } })],
      [
        'a criterion code',
        () => ({
          criteria: [
            { code: 'REACH', title: 'Impact', weight: 0.6 },
            { code: 'CAPACITY', title: 'Capacity', weight: 0.4 },
          ],
        }),
      ],
      [
        'a criterion title, even with a new weight',
        () => ({
          criteria: [
            { code: 'IMPACT', title: 'Impact on the ecosystem', weight: 0.7 },
            { code: 'CAPACITY', title: 'Capacity', weight: 0.3 },
          ],
        }),
      ],
      ['the order of the criteria', (call) => ({ criteria: [...(call.criteria as Body[])].reverse() })],
      [
        'an added criterion',
        (call) => ({ criteria: [...(call.criteria as Body[]), { code: 'X', title: 'X', weight: 1 }] }),
      ],
      ['the questions', () => ({ questions: [{ key: 'name', label: 'Name', type: 'text', required: true }] })],
      [
        'the title together with allowed changes',
        (call) => ({ title: 'New', closesAt: later(call.closesAt, 1), weights: { IMPACT: 1 } }),
      ],
    ];

    it.each(locked)('%s: 409 FIELD_LOCKED and nothing changes', async (_name, change) => {
      const call = await openCall();
      const res = await patch(call, change(call.body));

      expectProblem(res, 409, 'FIELD_LOCKED');
      expect(await readCall(api, secretariat.token, call.id)).toEqual(call.body);
      expect((await callAuditTrail(api, secretariat.token, call.id)).map((e) => e.action)).toEqual([
        'call.created',
        'call.opened',
      ]);
    });

    it('accepts a field sent with the value it already has', async () => {
      const call = await openCall();
      const res = await patch(call, { title: call.body.title, cohortSize: call.body.cohortSize });

      expect(res.status).toBe(200);
      expect(res.body).toEqual(call.body);
    });
  });

  describe('the review stages and the final ranking rule', () => {
    const INTERVIEW = {
      name: 'Panel interview',
      evaluatorsPerApplication: 3,
      scoring: { scaleMin: 1, scaleMax: 5, normalization: 'none', disagreementThreshold: 30 },
      criteria: [{ code: 'PITCH', title: 'Pitch', weight: 1 }],
    };
    const STAGES = [{ name: 'Written assessment', evaluationDueAt: '2040-01-10T12:00:00.000Z' }, INTERVIEW];
    /** A call in two stages ranked by the last one, as it reads once created (and opened unless `open` is false). */
    const twoStageCall = (open = true) =>
      createCall(api, secretariat.token, { stages: STAGES, finalRanking: { rule: 'last-stage' } }, open);

    const changes: Array<[string, Body]> = [
      [
        'an added stage',
        { stages: [...STAGES, { name: 'Site visit', criteria: [{ code: 'V', title: 'V', weight: 1 }] }] },
      ],
      ['a removed stage', { stages: [STAGES[0]] }],
      ['no stages (back to one)', { stages: null }],
      ['a renamed stage', { stages: [STAGES[0], { ...INTERVIEW, name: 'Interview' }] }],
      [
        "the weight of a later stage's criterion",
        { stages: [STAGES[0], { ...INTERVIEW, criteria: [{ code: 'PITCH', title: 'Pitch', weight: 2 }] }] },
      ],
      ['the final ranking rule', { finalRanking: { rule: 'weighted', weights: { '1': 1, '2': 3 } } }],
    ];

    it.each(changes)('%s: changes while the call is a draft', async (_name, change) => {
      const call = await twoStageCall(false);
      const res = await patch(call, change);

      expect(res.status).toBe(200);
      expect(res.body).not.toEqual({ ...call.body, version: res.body.version, updatedAt: res.body.updatedAt });
    });

    it.each(changes)('%s: 409 FIELD_LOCKED once the call is open, and nothing changes', async (_name, change) => {
      const call = await twoStageCall();
      const res = await patch(call, change);

      expectProblem(res, 409, 'FIELD_LOCKED');
      expect(await readCall(api, secretariat.token, call.id)).toEqual(call.body);
      expect((await callAuditTrail(api, secretariat.token, call.id)).map((e) => e.action)).toEqual([
        'call.created',
        'call.opened',
      ]);
    });

    it('are accepted as they are once open, beside a new weight of stage 1', async () => {
      const call = await twoStageCall();
      const res = await patch(call, {
        stages: (call.body.stages as Body[]).map(({ position: _position, ...stage }) => stage),
        finalRanking: call.body.finalRanking,
        weights: { IMPACT: 1 },
      });

      expect(res.status).toBe(200);
      expect(res.body.stages).toEqual(call.body.stages);
      expect((res.body.criteria as Body[]).map((c) => c.weight)).toEqual([1, 0.4]);
    });
  });

  describe('once the cohort is published', () => {
    it.each([
      ['published', { weights: { IMPACT: 1 } }],
      ['published', { closesAt: '2999-01-01T00:00:00.000Z' }],
      ['archived', { weights: { IMPACT: 1 } }],
    ])('a %s call refuses %j with 409 COHORT_PUBLISHED', async (status, body) => {
      const call = await openCall();
      await forceCallStatus(db, call.id, status);
      const before = await readCall(api, secretariat.token, call.id);

      expectProblem(await patch(call, body), 409, 'COHORT_PUBLISHED');
      expect(await readCall(api, secretariat.token, call.id)).toEqual(before);
    });
  });
});
