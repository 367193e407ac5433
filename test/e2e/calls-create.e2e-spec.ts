import { Client } from 'pg';
import { Actor, Applicant, adminToken, callBody, createApplicant, createStaff } from '../support/fixtures';
import { callAuditTrail, connectDb, countCallsWithReference, expectInvalid, expectProblem } from '../support/calls-e2e';
import { TestApi } from '../support/test-app';

describe('POST /calls', () => {
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

  /** As the secretariat unless another token, or none (`null`), is given. */
  const create = (body: Record<string, unknown>, token: string | null = secretariat.token) =>
    api.post('/api/v1/calls', { token: token ?? undefined, body });

  describe('a valid definition', () => {
    it('creates a draft at version 1 with its criteria and questions in the order given', async () => {
      const body = callBody({
        criteria: [
          { code: 'RELEVANCE', title: 'Relevance', description: 'Fit with the alliance', weight: 2 },
          { code: 'IMPACT', title: 'Impact', weight: 5 },
          { code: 'CAPACITY', title: 'Capacity', weight: 3 },
        ],
        questions: [
          { key: 'website_url', label: 'Website', type: 'url', required: false },
          { key: 'programme', label: 'Programme', type: 'longtext', required: true, maxLength: 2000 },
          { key: 'focus', label: 'Focus', type: 'choice', required: true, options: ['agritech', 'fintech'] },
        ],
      });
      const res = await create(body);

      expect(res.status).toBe(201);
      expect(res.headers.etag).toBe('"1"');
      expect(res.body).toMatchObject({
        reference: body.reference,
        title: body.title,
        status: 'draft',
        version: 1,
        opensAt: body.opensAt,
        closesAt: body.closesAt,
        cohortSize: 3,
        evaluatorsPerApplication: 2,
      });
      expect(res.body.criteria).toEqual([
        { code: 'RELEVANCE', title: 'Relevance', description: 'Fit with the alliance', weight: 2 },
        { code: 'IMPACT', title: 'Impact', description: '', weight: 5 },
        { code: 'CAPACITY', title: 'Capacity', description: '', weight: 3 },
      ]);
      expect(res.body.questions).toEqual([
        { key: 'website_url', label: 'Website', type: 'url', required: false },
        { key: 'programme', label: 'Programme', type: 'longtext', required: true, maxLength: 2000 },
        { key: 'focus', label: 'Focus', type: 'choice', required: true, options: ['agritech', 'fintech'] },
      ]);

      const read = await api.get(`/api/v1/calls/${res.body.id}`, { token: secretariat.token });
      expect(read.status).toBe(200);
      expect(read.body).toEqual(res.body);
    });

    it('fills in the defaults: no normalisation, disagreement threshold 30, same-country evaluators allowed', async () => {
      const body = callBody({ scoring: { scaleMin: 1, scaleMax: 5 } });
      delete body.assignment;
      const res = await create(body);

      expect(res.status).toBe(201);
      expect(res.body.scoring).toEqual({ scaleMin: 1, scaleMax: 5, normalization: 'none', disagreementThreshold: 30 });
      expect(res.body.assignment).toEqual({ excludeSameCountry: false });
    });

    it('keeps the settings it is given', async () => {
      const res = await create(
        callBody({
          scoring: { scaleMin: 0, scaleMax: 100, normalization: 'zscore', disagreementThreshold: 15 },
          assignment: { excludeSameCountry: true },
          selection: { maxPerCountry: 1, maxPerRegion: { AFR: 2 }, minPerRegion: { AFR: 1, EUR: 1 } },
        }),
      );

      expect(res.status).toBe(201);
      expect(res.body.scoring).toEqual({
        scaleMin: 0,
        scaleMax: 100,
        normalization: 'zscore',
        disagreementThreshold: 15,
      });
      expect(res.body.assignment).toEqual({ excludeSameCountry: true });
      expect(res.body.selection).toEqual({
        maxPerCountry: 1,
        maxPerRegion: { AFR: 2 },
        minPerRegion: { AFR: 1, EUR: 1 },
      });
    });

    it('records who created the call in the audit trail', async () => {
      const res = await create(callBody());

      const trail = await callAuditTrail(api, secretariat.token, res.body.id);
      expect(trail).toEqual([
        expect.objectContaining({
          action: 'call.created',
          actorId: secretariat.id,
          entityType: 'call',
          entityId: res.body.id,
        }),
      ]);
    });

    it('treats optional settings sent as null as absent', async () => {
      const res = await create(
        callBody({
          description: null,
          eligibility: { organisationTypes: null, requiredDocuments: ['statutes'] },
          selection: { minPerRegion: { AFR: 1 }, maxPerRegion: null, maxPerCountry: null },
          assignment: null,
          questions: null,
        }),
      );

      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        description: '',
        eligibility: { requiredDocuments: ['statutes'] },
        selection: { minPerRegion: { AFR: 1 } },
        assignment: { excludeSameCountry: false },
        questions: [],
      });
      expect(res.body.eligibility).not.toHaveProperty('organisationTypes');
      expect(res.body.selection).toEqual({ minPerRegion: { AFR: 1 } });
    });
  });

  describe('an invalid definition is refused with 400 and nothing is stored', () => {
    const criterion = (code: string, weight = 1) => ({ code, title: code, weight });
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['a zero weight', { criteria: [criterion('A', 0)] }, 'criteria.0.weight'],
      ['a negative weight', { criteria: [criterion('A'), criterion('B', -0.5)] }, 'criteria.1.weight'],
      ['duplicate criterion codes', { criteria: [criterion('A'), criterion('B'), criterion('A')] }, 'criteria.2.code'],
      [
        'criterion codes differing only in case',
        { criteria: [criterion('IMPACT'), criterion('impact')] },
        'criteria.1.code',
      ],
      [
        'duplicate question keys',
        {
          questions: [
            { key: 'name', label: 'Name', type: 'text', required: true },
            { key: 'name', label: 'Name again', type: 'text', required: false },
          ],
        },
        'questions.1.key',
      ],
      ['scaleMin equal to scaleMax', { scoring: { scaleMin: 5, scaleMax: 5 } }, 'scoring.scaleMax'],
      ['scaleMin above scaleMax', { scoring: { scaleMin: 10, scaleMax: 1 } }, 'scoring.scaleMax'],
      [
        'closesAt equal to opensAt',
        { opensAt: '2031-01-01T00:00:00.000Z', closesAt: '2031-01-01T00:00:00.000Z' },
        'closesAt',
      ],
      [
        'closesAt before opensAt',
        { opensAt: '2031-02-01T00:00:00.000Z', closesAt: '2031-01-01T00:00:00.000Z' },
        'closesAt',
      ],
      ['a cohort size of 0', { cohortSize: 0 }, 'cohortSize'],
      [
        'a choice question without options',
        { questions: [{ key: 'focus', label: 'Focus', type: 'choice', required: true }] },
        'questions.0.options',
      ],
      [
        'an unknown region in maxPerRegion',
        { selection: { maxPerRegion: { AFR: 1, MARS: 2 } } },
        'selection.maxPerRegion',
      ],
      [
        'regional minimums above the cohort size',
        { cohortSize: 3, selection: { minPerRegion: { AFR: 2, EUR: 2 } } },
        'selection.minPerRegion',
      ],
      ['an empty criteria list', { criteria: [] }, 'criteria'],
      ['a missing criteria list', { criteria: undefined }, 'criteria'],
      ['a non-date opensAt', { opensAt: 'next Tuesday' }, 'opensAt'],
      ['a date that does not exist', { closesAt: '2031-02-30T12:00:00Z' }, 'closesAt'],
      ['a date that is not ISO 8601', { opensAt: 'Jan 1 2031' }, 'opensAt'],
      ['a blank title', { title: '   ' }, 'title'],
      ['an unknown top-level field', { budget: 1000 }, 'budget'],
    ];

    it.each(cases)('%s', async (_name, overrides, field) => {
      const body = callBody(overrides);
      const res = await create(body);

      expectInvalid(res, field);
      expect(await countCallsWithReference(db, body.reference as string)).toBe(0);
    });

    it('reports every problem of a request at once', async () => {
      const res = await create(callBody({ cohortSize: 0, criteria: [], opensAt: 'soon' }));

      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors).toEqual(
        expect.arrayContaining(
          ['cohortSize', 'criteria', 'opensAt'].map((field) => ({
            field,
            message: expect.any(String),
            code: expect.any(String),
          })),
        ),
      );
    });
  });

  describe('references are unique, ignoring case', () => {
    it('answers 409 REFERENCE_TAKEN and keeps the first call only', async () => {
      const first = callBody();
      expect((await create(first)).status).toBe(201);

      const again = await create(callBody({ reference: (first.reference as string).toLowerCase() }));

      expectProblem(again, 409, 'REFERENCE_TAKEN');
      expect(await countCallsWithReference(db, first.reference as string)).toBe(1);
    });

    it('lets exactly one of two simultaneous creations with the same reference through', async () => {
      const body = callBody();
      const results = await Promise.all([create(body), create({ ...body, title: 'Same reference, other title' })]);

      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(results.find((r) => r.status === 409)?.body.code).toBe('REFERENCE_TAKEN');
      expect(await countCallsWithReference(db, body.reference as string)).toBe(1);
    });
  });

  describe('only the secretariat may create calls', () => {
    let applicant: Applicant;
    let evaluator: Actor;
    beforeAll(async () => {
      applicant = await createApplicant(api);
      evaluator = await createStaff(api, 'evaluator');
    });

    it.each([
      ['an applicant', () => applicant.token],
      ['an evaluator', () => evaluator.token],
    ])('refuses %s with 403 FORBIDDEN', async (_who, token) => {
      const body = callBody();
      const res = await create(body, token());

      expectProblem(res, 403, 'FORBIDDEN');
      expect(await countCallsWithReference(db, body.reference as string)).toBe(0);
    });

    it('refuses a request without a token with 401', async () => {
      const body = callBody();
      const res = await create(body, null);

      expectProblem(res, 401, 'UNAUTHENTICATED');
      expect(await countCallsWithReference(db, body.reference as string)).toBe(0);
    });

    it('refuses a forged token with 401', async () => {
      const body = callBody();
      const res = await create(body, `${secretariat.token.slice(0, -4)}AAAA`);

      expectProblem(res, 401, 'UNAUTHENTICATED');
      expect(await countCallsWithReference(db, body.reference as string)).toBe(0);
    });

    it('lets an admin create calls too', async () => {
      const res = await create(callBody(), await adminToken(api));
      expect(res.status).toBe(201);
    });
  });
});
