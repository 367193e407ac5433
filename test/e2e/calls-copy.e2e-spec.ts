import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Actor, createApplicant, createCall, createStaff } from '../support/fixtures';
import {
  callAuditTrail,
  connectDb,
  countCallsWithReference,
  expectInvalid,
  expectProblem,
  forceCallStatus,
  readCall,
} from '../support/calls-e2e';
import { TestApi } from '../support/test-app';

type Body = Record<string, unknown>;

/** A call copied as the start of a new one: a draft with the same rules, a reference and window of its own. */
describe('POST /calls/:id/copy', () => {
  let api: TestApi;
  let db: Client;
  let secretariat: Actor;
  let source: { id: string; body: Body };

  const window = { opensAt: '2031-02-01T08:00:00.000Z', closesAt: '2031-03-15T11:00:00.000Z' };
  const reference = () => `COPY/${randomUUID().slice(0, 8)}`;
  const copy = (id: string, body: Body, token = secretariat.token) =>
    api.post(`/api/v1/calls/${id}/copy`, { token, body });

  beforeAll(async () => {
    api = await TestApi.start();
    db = await connectDb();
    secretariat = await createStaff(api, 'secretariat');
    source = await createCall(api, secretariat.token, {
      description: 'The second round of the network.',
      cohortSize: 12,
      evaluatorsPerApplication: 3,
      eligibility: {
        organisationTypes: ['incubator', 'accelerator'],
        countryCodes: ['PS'],
        requiredDocuments: ['statutes'],
      },
      selection: {
        maxPerCountry: 2,
        maxPerRegion: { AFR: 4 },
        minPerRegion: { ASP: 1 },
        minScore: 40,
        waitlistSize: 3,
      },
      scoring: { scaleMin: 1, scaleMax: 5, normalization: 'zscore', disagreementThreshold: 25 },
      assignment: { excludeSameCountry: true },
      questions: [
        { key: 'programme', label: 'Describe your programme', type: 'longtext', required: true, maxLength: 2000 },
        { key: 'stage', label: 'Stage', type: 'choice', required: false, options: ['idea', 'growth'] },
      ],
    });
  });
  afterAll(async () => {
    await db.end();
    await api.close();
  });

  it('creates a draft with every rule of the source, the reference and window given, the title marked "(copy)"', async () => {
    const ref = reference();
    const res = await copy(source.id, { reference: ref, ...window });

    expect(res.status).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    const { id, reference: _r, title: _t, opensAt: _o, closesAt: _c, status: _s, version: _v, ...rules } = source.body;
    // `localized` repeats the title, which the copy marks.
    const {
      createdAt: _ca,
      updatedAt: _ua,
      publishedCohortId: _p,
      changeable: _ch,
      localized: _l,
      ...copiedRules
    } = rules;
    expect(res.body).toMatchObject({
      ...copiedRules,
      reference: ref,
      title: `${source.body.title as string} (copy)`,
      ...window,
      status: 'draft',
      version: 1,
      publishedCohortId: null,
    });
    expect(res.body.id).not.toBe(id);
    expect(await readCall(api, secretariat.token, res.body.id as string)).toEqual(res.body);
  });

  it('takes the title given, and leaves the source as it was', async () => {
    const before = await readCall(api, secretariat.token, source.id);
    const res = await copy(source.id, { reference: reference(), title: '  Accelerator centres 2031  ', ...window });

    expect(res.status).toBe(201);
    expect(res.body.title).toBe('Accelerator centres 2031');
    expect(await readCall(api, secretariat.token, source.id)).toEqual(before);
  });

  it('is audited on the new call, with its source', async () => {
    const ref = reference();
    const res = await copy(source.id, { reference: ref, ...window });

    expect(await callAuditTrail(api, secretariat.token, res.body.id as string)).toEqual([
      expect.objectContaining({
        action: 'call.copied',
        actorId: secretariat.id,
        entityType: 'call',
        entityId: res.body.id,
        after: {
          reference: ref,
          title: `${source.body.title as string} (copy)`,
          copiedFrom: { id: source.id, reference: source.body.reference },
        },
      }),
    ]);
  });

  it.each(['closed', 'published', 'archived'])('copies a %s call as a new draft', async (status) => {
    const old = await createCall(api, secretariat.token);
    await forceCallStatus(db, old.id, status);
    const res = await copy(old.id, { reference: reference(), ...window });

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'draft', criteria: old.body.criteria, questions: old.body.questions });
  });

  describe('refuses, creating nothing', () => {
    it.each<[string, Body, string]>([
      ['no reference', { ...window }, 'reference'],
      ['a malformed reference', { reference: '(copy)', ...window }, 'reference'],
      [
        'no opening date: a copy never keeps the past round’s',
        { reference: 'X-1', closesAt: window.closesAt },
        'opensAt',
      ],
      ['no deadline', { reference: 'X-2', opensAt: window.opensAt }, 'closesAt'],
      [
        'a deadline before the opening',
        { reference: 'X-3', opensAt: window.closesAt, closesAt: window.opensAt },
        'closesAt',
      ],
      ['a blank title', { reference: 'X-4', title: '   ', ...window }, 'title'],
      ['a null title', { reference: 'X-5', title: null, ...window }, 'title'],
      ['an unknown field', { reference: 'X-6', cohortSize: 4, ...window }, 'cohortSize'],
    ])('%s (400)', async (_name, body, field) => {
      expectInvalid(await copy(source.id, body), field);
      if (typeof body.reference === 'string') expect(await countCallsWithReference(db, body.reference)).toBe(0);
    });

    it('a reference already used (409 REFERENCE_TAKEN)', async () => {
      expectProblem(await copy(source.id, { reference: source.body.reference, ...window }), 409, 'REFERENCE_TAKEN');
      expect(await countCallsWithReference(db, source.body.reference as string)).toBe(1);
    });

    it('an unknown call (404)', async () => {
      expectProblem(await copy(randomUUID(), { reference: reference(), ...window }), 404, 'NOT_FOUND');
    });

    it('applicants and evaluators (403), anonymous callers (401)', async () => {
      const ref = reference();
      const applicant = await createApplicant(api);
      const evaluator = await createStaff(api, 'evaluator');
      for (const token of [applicant.token, evaluator.token]) {
        expectProblem(await copy(source.id, { reference: ref, ...window }, token), 403, 'FORBIDDEN');
      }
      expectProblem(
        await api.post(`/api/v1/calls/${source.id}/copy`, { body: { reference: ref, ...window } }),
        401,
        'UNAUTHENTICATED',
      );
      expect(await countCallsWithReference(db, ref)).toBe(0);
    });
  });
});
