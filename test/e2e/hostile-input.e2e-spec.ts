import { COMPLETE_ANSWERS, draftId, intakeCallOverrides, patchAnswers, sql } from '../support/applications';
import { secretariatOf } from '../support/evaluation-fixtures';
import { Actor, Applicant, callBody, createApplicant, createCall } from '../support/fixtures';
import { TestApi } from '../support/test-app';
import { expectProblem, problemFields } from './identity.helpers';

const JSON_TYPE = { 'Content-Type': 'application/json' };

/** `depth` arrays nested in one another around `inner`, as raw JSON text (JSON.stringify would recurse). */
function nestedJson(depth: number, inner = '1'): string {
  return `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;
}

/**
 * Input no form of the API can hold (absurd nesting, U+0000, lone surrogates, prototype keys) is
 * refused at the edge with 400 (413 for the nesting) naming the field, on every kind of route, and
 * nothing is stored.
 */
describe('hostile input', () => {
  let api: TestApi;
  let secretariat: Actor;
  let applicant: Applicant;
  let callId: string;
  let applicationId: string;

  beforeAll(async () => {
    api = await TestApi.start();
    secretariat = await secretariatOf(api);
    applicant = await createApplicant(api);
    callId = (await createCall(api, secretariat.token, intakeCallOverrides())).id;
    applicationId = await draftId(api, applicant.token, callId);
  });
  afterAll(() => api.close());

  async function callCount(): Promise<number> {
    const [row] = await sql<{ n: number }>(api, 'SELECT count(*)::int AS n FROM calls');
    return row.n;
  }

  async function storedApplication(): Promise<{ answers: unknown; version: number }> {
    const [row] = await sql<{ answers: unknown; version: number }>(
      api,
      'SELECT answers, version FROM applications WHERE id = $1',
      [applicationId],
    );
    return row;
  }

  describe('JSON nested beyond the limit', () => {
    it.each([
      ['a hundred thousand levels', 100_000],
      ['one level too many', 65],
    ])('refuses %s with 413 before parsing, on a public and a staff route', async (_label, depth) => {
      const before = await callCount();
      const login = await api.post('/api/v1/auth/login', { body: nestedJson(depth), headers: JSON_TYPE });
      const create = await api.post('/api/v1/calls', {
        token: secretariat.token,
        body: `{"title": ${nestedJson(depth - 1, '"x"')}}`,
        headers: JSON_TYPE,
      });

      for (const res of [login, create]) {
        expectProblem(res, 413, 'PAYLOAD_TOO_LARGE');
        expect(res.body.detail).toBe('The JSON body is nested deeper than 64 levels.');
      }
      expect(await callCount()).toBe(before);
    });

    it('counts brackets inside strings as text, not nesting', async () => {
      const res = await api.post('/api/v1/calls', {
        token: secretariat.token,
        body: { ...callBody(), title: `[{${'['.repeat(400)}"\\` },
      });
      expect(res.status).toBe(201);
    });

    it('takes the deepest nesting the limit allows and validates it (400 naming the field)', async () => {
      const res = await api.post('/api/v1/calls', {
        token: secretariat.token,
        body: `{"title": ${nestedJson(63, '"x"')}}`,
        headers: JSON_TYPE,
      });
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(problemFields(res)).toContain('title');
    });
  });

  describe('U+0000 and lone surrogates', () => {
    it.each([
      ['a NUL character', 'six\u0000months', 'NUL_CHARACTER'],
      ['a lone surrogate', 'six\ud800months', 'LONE_SURROGATE'],
    ])('refuses %s in an answer, naming answers.<key>, and stores nothing', async (_label, text, code) => {
      const before = await storedApplication();
      const res = await patchAnswers(api, applicant.token, applicationId, before.version, {
        ...COMPLETE_ANSWERS,
        programme: text,
      });

      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'answers.programme', code })]);
      expect(await storedApplication()).toEqual(before);
    });

    it('refuses a number too large for a double in an answer (it would be stored as null)', async () => {
      const before = await storedApplication();
      const res = await api.patch(`/api/v1/applications/${applicationId}`, {
        token: applicant.token,
        headers: { 'If-Match': `"${before.version}"`, ...JSON_TYPE },
        body: `{"answers": {"programme": "x", "startups_per_year": 1e400}}`,
      });

      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors).toEqual([
        expect.objectContaining({ field: 'answers.startups_per_year', code: 'NOT_FINITE' }),
      ]);
      expect(await storedApplication()).toEqual(before);
    });

    it('refuses one in the name of a free-form key', async () => {
      const before = await storedApplication();
      const res = await patchAnswers(api, applicant.token, applicationId, before.version, { 'pro\u0000gramme': 'x' });

      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors).toEqual([
        expect.objectContaining({ field: 'answers.pro\u0000gramme', code: 'NUL_CHARACTER' }),
      ]);
      expect(await storedApplication()).toEqual(before);
    });

    it.each([
      ['a NUL character', 'Call\u0000', 'NUL_CHARACTER'],
      ['a lone surrogate', 'Call \udc00', 'LONE_SURROGATE'],
    ])('refuses %s in a string deep in a staff body (criteria.0.title)', async (_label, title, code) => {
      const before = await callCount();
      const body = callBody();
      const [criterion, ...others] = body.criteria as Array<Record<string, unknown>>;
      const res = await api.post('/api/v1/calls', {
        token: secretariat.token,
        body: { ...body, criteria: [{ ...criterion, title }, ...others] },
      });

      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'criteria.0.title', code })]);
      expect(await callCount()).toBe(before);
    });

    it('refuses them in a query parameter, naming it', async () => {
      const res = await api.get('/api/v1/calls', { token: secretariat.token, query: { status: 'open\u0000' } });
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'status', code: 'NUL_CHARACTER' })]);
    });

    it('refuses them in a path parameter, naming it', async () => {
      const res = await api.get(`/api/v1/applications/${applicationId}%00`, { token: applicant.token });
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'id', code: 'NUL_CHARACTER' })]);
    });

    it('refuses them in a sign-in too (a public route that reaches the database)', async () => {
      const res = await api.post('/api/v1/auth/login', { body: { email: 'a\u0000@b.example', password: 'x' } });
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(problemFields(res)).toEqual(['email']);
    });
  });

  describe('keys that name a prototype', () => {
    it.each(['__proto__', 'constructor', 'prototype'])(
      'refuses %s at the top of a body as an unknown field',
      async (key) => {
        const res = await api.patch('/api/v1/me', {
          token: applicant.token,
          body: JSON.parse(`{"displayName": "Renamed", "${key}": {"role": "admin"}}`),
        });

        expectProblem(res, 400, 'VALIDATION_FAILED');
        expect(res.body.errors).toEqual([expect.objectContaining({ field: key, code: 'UNKNOWN_FIELD' })]);
        const [user] = await sql<{ display_name: string; role: string }>(
          api,
          'SELECT display_name, role FROM users WHERE id = $1',
          [applicant.id],
        );
        expect(user).toEqual({ display_name: 'Test applicant', role: 'applicant' });
      },
    );

    it('refuses one inside a free-form object (answers.__proto__)', async () => {
      const before = await storedApplication();
      const answers = JSON.parse(`{"programme": "x", "__proto__": {"polluted": true}}`) as Record<string, unknown>;
      const res = await patchAnswers(api, applicant.token, applicationId, before.version, answers);

      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'answers.__proto__', code: 'UNKNOWN_FIELD' })]);
      expect(await storedApplication()).toEqual(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });
});
