import { gzipSync } from 'node:zlib';
import request, { Response } from 'supertest';
import { PASSWORD, uniqueEmail } from '../support/fixtures';
import { TestApi } from '../support/test-app';
import { expectNoInternals, expectProblem, registerApplicant } from './identity.helpers';

/** How every error reaches a client: RFC 9457 problem+json, localised, traceable, never a 500 for bad input. */
describe('errors', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.close());

  /** A raw POST of bytes, for bodies supertest would otherwise serialise; checked against the contract. */
  async function postRaw(url: string, body: string | Buffer, headers: Record<string, string>): Promise<Response> {
    // Without a pass-through serialiser, superagent would JSON-encode a Buffer sent as application/json.
    let test = request(api.server)
      .post(url)
      .serialize((data: unknown) => data as string);
    for (const [name, value] of Object.entries(headers)) test = test.set(name, value);
    const res = await test.send(body);
    api.contract.assertSupertestResponse(res);
    return res;
  }

  const JSON_HEADERS = { 'Content-Type': 'application/json' };

  describe('malformed requests', () => {
    it('answers malformed JSON with 400 VALIDATION_FAILED as application/problem+json', async () => {
      const res = await postRaw('/api/v1/auth/login', '{"email": "a@b.example", "password": ', JSON_HEADERS);

      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body).toMatchObject({ type: 'urn:problem:validation-failed', instance: '/api/v1/auth/login' });
    });

    it("traces body errors too: they carry the caller's X-Request-Id", async () => {
      const headers = { ...JSON_HEADERS, 'X-Request-Id': 'broken-body-1' };
      const res = await postRaw('/api/v1/auth/login', '{"email": ', headers);

      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.headers['x-request-id']).toBe('broken-body-1');
      expect(res.body.requestId).toBe('broken-body-1');
    });

    it.each([
      ['a JSON string', '"just a string"'],
      ['JSON null', 'null'],
      ['a JSON array', '[{"email": "a@b.example"}]'],
    ])('refuses %s where an object is expected with 400', async (_label, body) => {
      expectProblem(await postRaw('/api/v1/auth/register', body, JSON_HEADERS), 400, 'VALIDATION_FAILED');
    });

    it('answers a body over the JSON limit with 413 PAYLOAD_TOO_LARGE', async () => {
      const limit = Number(process.env.JSON_BODY_LIMIT ?? 1_048_576);
      const body = JSON.stringify({ email: uniqueEmail(), password: PASSWORD, displayName: 'x'.repeat(limit) });

      const res = await postRaw('/api/v1/auth/register', body, JSON_HEADERS);

      expectProblem(res, 413, 'PAYLOAD_TOO_LARGE');
      expect(res.body.detail).toBe('The request body is too large.');
      expect(res.body.requestId).toBe(res.headers['x-request-id']);
    });

    it('accepts a body just under the limit, and then validates it (400, not 413)', async () => {
      const body = JSON.stringify({ email: uniqueEmail(), password: PASSWORD, displayName: 'x'.repeat(500_000) });
      const res = await postRaw('/api/v1/auth/register', body, JSON_HEADERS);
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors).toEqual([
        {
          field: 'displayName',
          message: 'displayName must be shorter than or equal to 200 characters',
          code: 'MAX_LENGTH',
        },
      ]);
    });

    it('codes every field error, an unknown field too', async () => {
      const body = JSON.stringify({ email: 'not-an-address', password: PASSWORD, displayName: 'A', role: 'admin' });
      const res = await postRaw('/api/v1/auth/register', body, JSON_HEADERS);
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
        ['role', 'UNKNOWN_FIELD'],
        ['email', 'IS_EMAIL'],
      ]);
    });

    it('answers an unsupported charset with 415, not 500', async () => {
      const res = await postRaw('/api/v1/auth/login', '{}', { 'Content-Type': 'application/json; charset=klingon' });
      expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it('answers an unknown content encoding with 415 and a corrupt gzip body with 400, never 500', async () => {
      const unknown = await postRaw('/api/v1/auth/login', '{}', { ...JSON_HEADERS, 'Content-Encoding': 'x-custom' });
      expectProblem(unknown, 415, 'UNSUPPORTED_MEDIA_TYPE');

      const corrupt = await postRaw('/api/v1/auth/login', Buffer.from('definitely not gzip'), {
        ...JSON_HEADERS,
        'Content-Encoding': 'gzip',
      });
      expectProblem(corrupt, 400, 'VALIDATION_FAILED');
    });

    it('still reads a well-formed gzip body', async () => {
      const { email } = await registerApplicant(api);
      const body = gzipSync(JSON.stringify({ email, password: PASSWORD }));
      const res = await postRaw('/api/v1/auth/login', body, { ...JSON_HEADERS, 'Content-Encoding': 'gzip' });
      expect(res.status).toBe(200);
    });
  });

  describe('unknown routes', () => {
    it.each([
      ['GET', '/api/v1/no-such-thing'],
      ['DELETE', '/api/v1/me'],
      ['GET', '/no-such-thing'],
    ])('answers %s %s with a 404 NOT_FOUND problem', async (method, url) => {
      const res = await request(api.server)[method === 'GET' ? 'get' : 'delete'](url);

      expectProblem(res, 404, 'NOT_FOUND');
      expect(res.body.instance).toBe(url);
      expect(res.body.requestId).toBe(res.headers['x-request-id']);
      expect(res.body.detail).toBe(`This API has no route ${method} ${url}.`);
    });

    it.each([
      ['fr', 'Cette API ne comporte pas de route GET /api/v1/no-such-thing.'],
      ['ar', 'لا تتضمن واجهة البرمجة هذه المسار GET /api/v1/no-such-thing.'],
      ['zh-CN', '此 API 中没有路由 GET /api/v1/no-such-thing。'],
    ])('says so in the reader’s language (%s)', async (acceptLanguage, detail) => {
      const res = await request(api.server).get('/api/v1/no-such-thing?x=1').set('Accept-Language', acceptLanguage);

      expectProblem(res, 404, 'NOT_FOUND');
      expect(res.body.detail).toBe(detail);
    });
  });

  describe('request ids', () => {
    it('echoes X-Request-Id and puts it in the problem as requestId', async () => {
      const res = await api.get('/api/v1/me', { headers: { 'X-Request-Id': 'support-ticket-4711' } });

      expectProblem(res, 401, 'UNAUTHENTICATED');
      expect(res.headers['x-request-id']).toBe('support-ticket-4711');
      expect(res.body.requestId).toBe('support-ticket-4711');
    });

    it('makes one up when the caller sends none or a malformed one, and returns it too', async () => {
      const variants: Array<Record<string, string>> = [
        {},
        { 'X-Request-Id': 'spaces are not allowed' },
        { 'X-Request-Id': 'x'.repeat(101) },
      ];
      for (const headers of variants) {
        const res = await api.get('/api/v1/me', { headers });
        expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
        expect(res.body.requestId).toBe(res.headers['x-request-id']);
      }
    });

    it('sends X-Request-Id on successful responses as well', async () => {
      const res = await api.get('/health/live', { headers: { 'X-Request-Id': 'probe-1' } });
      expect(res.status).toBe(200);
      expect(res.headers['x-request-id']).toBe('probe-1');
    });
  });

  describe('languages', () => {
    it.each([
      ['fr', 'Authentification requise', 'fr'],
      ['fr-FR,fr;q=0.9,en;q=0.8', 'Authentification requise', 'fr'],
      ['en-GB', 'Authentication required', 'en'],
      ['de', 'Authentication required', 'en'],
      ['ar-EG,ar;q=0.9', 'يلزم التحقق من الهوية', 'ar'],
      ['zh-CN,zh;q=0.9,en;q=0.8', '需要身份验证', 'zh'],
      ['de-DE,ru;q=0.8,en;q=0.5', 'Требуется аутентификация', 'ru'],
      ['es-419', 'Se requiere autenticación', 'es'],
    ])('answers Accept-Language %s with the title "%s"', async (acceptLanguage, title, contentLanguage) => {
      const res = await api.get('/api/v1/me', { headers: { 'Accept-Language': acceptLanguage } });

      expectProblem(res, 401, 'UNAUTHENTICATED');
      expect(res.body.title).toBe(title);
      expect(res.headers['content-language']).toBe(contentLanguage);
    });

    it('localises validation problems too, keeping the field errors', async () => {
      const res = await api.post('/api/v1/auth/register', {
        headers: { 'Accept-Language': 'fr' },
        body: { email: uniqueEmail(), password: 'short', displayName: 'Awa' },
      });
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.title).toBe('La requête est invalide');
      expect(res.body.errors).toEqual([{ field: 'password', message: expect.any(String), code: 'MIN_LENGTH' }]);
    });
  });

  describe('no internals leak', () => {
    it('shows no stack trace, source path or SQL error in any problem', async () => {
      const applicant = await registerApplicant(api);
      const responses = await Promise.all([
        api.post('/api/v1/auth/register', { body: { email: applicant.email, password: PASSWORD, displayName: 'D' } }),
        api.post('/api/v1/auth/login', { body: { email: 42, password: [] } }),
        api.get('/api/v1/organisations/not-a-uuid', { token: applicant.token }),
        api.get('/api/v1/audit-events', { token: applicant.token }),
        api.post('/api/v1/auth/refresh', { body: { refreshToken: 'x'.repeat(201) } }),
        postRaw('/api/v1/organisations', '{"name":', { ...JSON_HEADERS, Authorization: `Bearer ${applicant.token}` }),
        request(api.server).get('/api/v1/%E0%A4%A'),
      ]);

      for (const res of responses) {
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expectNoInternals(res);
      }
    });
  });

  describe('health', () => {
    it('answers live and ready with 200 when PostgreSQL and Redis answer', async () => {
      const live = await api.get('/health/live');
      const ready = await api.get('/health/ready');

      expect(live.status).toBe(200);
      expect(live.body.status).toBe('ok');
      expect(ready.status).toBe(200);
      expect(ready.body).toMatchObject({
        status: 'ok',
        info: { database: { status: 'up' }, redis: { status: 'up' } },
      });
    });

    it('is served outside /api/v1', async () => {
      expect((await request(api.server).get('/api/v1/health/live')).status).toBe(404);
    });
  });
});
