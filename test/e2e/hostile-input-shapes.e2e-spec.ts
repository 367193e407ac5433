import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { sql } from '../support/applications';
import {
  assignmentId,
  callWithSubmissions,
  createEvaluators,
  saveDraft,
  seatPanel,
  secretariatOf,
} from '../support/evaluation-fixtures';
import { Actor, Applicant, callBody, createApplicant } from '../support/fixtures';
import { TestApi } from '../support/test-app';
import { expectProblem, problemFields } from './identity.helpers';

/** Sends raw bytes to the server and answers everything it writes back before closing. */
async function rawExchange(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
  });
}

/**
 * Numbers beyond what the database takes, nulls and empty changes, arrays and primitives where an
 * object is expected, requests Node itself refuses: each is a 4xx problem naming what is wrong.
 */
describe('hostile input: shapes and numbers', () => {
  let api: TestApi;
  let secretariat: Actor;
  let applicant: Applicant;

  beforeAll(async () => {
    api = await TestApi.start();
    secretariat = await secretariatOf(api);
    applicant = await createApplicant(api);
  });
  afterAll(() => api.close());

  describe('paging numbers', () => {
    it.each([
      ['offset', '1e20'],
      ['offset', '9007199254740993'],
      ['offset', '0x10'],
      ['offset', '-1'],
      ['limit', '1e400'],
      ['limit', '9'.repeat(400)],
      ['limit', '501'],
    ])('refuses %s=%s with 400 naming it, on every kind of list', async (field, value) => {
      for (const [url, token] of [
        ['/api/v1/calls', secretariat.token],
        ['/api/v1/users', secretariat.token],
        ['/api/v1/me/applications', applicant.token],
        ['/api/v1/me/notifications', applicant.token],
      ]) {
        const res = await api.get(url, { token, query: { [field]: value } });
        expectProblem(res, 400, 'VALIDATION_FAILED');
        expect(problemFields(res)).toEqual([field]);
      }
    });

    it('takes the largest exact offset and answers an empty page with the whole count', async () => {
      const res = await api.get('/api/v1/calls', { token: secretariat.token, query: { offset: '9007199254740991' } });
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([]);
      expect(res.body.total).toBeGreaterThanOrEqual(0);
    });
  });

  describe('PATCH /me', () => {
    async function storedProfile() {
      const [row] = await sql(api, 'SELECT display_name, locale FROM users WHERE id = $1', [applicant.id]);
      return row;
    }

    it.each([
      ['an empty change', {}, 'displayName'],
      ['a null name', { displayName: null }, 'displayName'],
      ['a null language', { locale: null }, 'locale'],
      ['a null language beside a name', { displayName: 'Renamed', locale: null }, 'locale'],
    ])('refuses %s with 400 naming the field, and changes nothing', async (_label, body, field) => {
      const before = await storedProfile();
      const res = await api.patch('/api/v1/me', { token: applicant.token, body });

      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(problemFields(res)).toEqual([field]);
      expect(await storedProfile()).toEqual(before);
    });

    it('still takes either field alone', async () => {
      const res = await api.patch('/api/v1/me', { token: applicant.token, body: { locale: 'fr' } });
      expect(res.status).toBe(200);
      expect(res.body.locale).toBe('fr');
    });
  });

  describe('arrays and primitives where an object is expected', () => {
    async function callCount(): Promise<number> {
      const [row] = await sql<{ n: number }>(api, 'SELECT count(*)::int AS n FROM calls');
      return row.n;
    }

    it.each([
      ['criteria: [[1]]', { criteria: [[1]] }, 'criteria'],
      ['criteria: ["x"]', { criteria: ['x'] }, 'criteria'],
      ['criteria: [null]', { criteria: [null] }, 'criteria'],
      ['criteria: {}', { criteria: {} }, 'criteria'],
      ['eligibility: []', { eligibility: [] }, 'eligibility'],
      ['eligibility: [{}]', { eligibility: [{}] }, 'eligibility'],
      ['selection: 5', { selection: 5 }, 'selection'],
      ['scoring: [[]]', { scoring: [[]] }, 'scoring'],
      ['assignment: "yes"', { assignment: 'yes' }, 'assignment'],
      ['questions: [[{}]]', { questions: [[{}]] }, 'questions'],
      [
        'a question keyed constructor (its answers could never be sent)',
        { questions: [{ key: 'constructor', label: 'Constructor', type: 'text', required: false }] },
        'questions.0.key',
      ],
      ['selection.maxPerCountry: 1e20', { selection: { maxPerCountry: 1e20 } }, 'selection.maxPerCountry'],
    ])('refuses a call with %s, naming the field', async (_label, override, field) => {
      const before = await callCount();
      const res = await api.post('/api/v1/calls', { token: secretariat.token, body: callBody(override) });

      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(problemFields(res)).toContain(field);
      expect(await callCount()).toBe(before);
    });

    describe('in an evaluation', () => {
      let evaluator: Actor;
      let assignment: string;

      beforeAll(async () => {
        [evaluator] = await createEvaluators(api, [{}]);
        const { callId, applicationIds } = await callWithSubmissions(api, [applicant]);
        await seatPanel(api, callId, [evaluator]);
        assignment = await assignmentId(api, callId, applicationIds[0], evaluator.id);
      });

      it.each([
        ['scores: [null]', { scores: [null] }],
        ['scores: [[1]]', { scores: [[1]] }],
        ['scores: "7"', { scores: '7' }],
        ['scores: {}', { scores: {} }],
      ])('refuses %s, naming scores, and saves nothing', async (_label, body) => {
        const res = await saveDraft(api, evaluator.token, assignment, body);

        expectProblem(res, 400, 'VALIDATION_FAILED');
        expect(problemFields(res)).toContain('scores');
        expect(await sql(api, 'SELECT 1 FROM criterion_scores WHERE assignment_id = $1', [assignment])).toEqual([]);
      });
    });
  });

  describe('requests the HTTP parser refuses', () => {
    let port: number;

    beforeAll(async () => {
      await new Promise<void>((resolve) => api.server.listen(0, '127.0.0.1', resolve));
      port = (api.server.address() as AddressInfo).port;
    });

    function problemOf(answer: string): { statusLine: string; contentType: string; body: Record<string, unknown> } {
      const [head, body] = answer.split('\r\n\r\n');
      const [statusLine, ...headers] = head.split('\r\n');
      const contentType = headers.find((h) => /^content-type:/i.test(h)) ?? '';
      return { statusLine, contentType, body: JSON.parse(body) as Record<string, unknown> };
    }

    it('answers headers over the limit with 431 problem+json', async () => {
      const answer = await rawExchange(
        port,
        `GET /api/v1/calls HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      );
      const problem = problemOf(answer);
      expect(problem.statusLine).toBe('HTTP/1.1 431 Request Header Fields Too Large');
      expect(problem.contentType).toMatch(/application\/problem\+json/);
      expect(problem.body).toMatchObject({ status: 431, code: 'HEADERS_TOO_LARGE', title: expect.any(String) });
    });

    it('answers a malformed request with 400 problem+json', async () => {
      const problem = problemOf(await rawExchange(port, 'GET /api/v1/calls HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n'));
      expect(problem.statusLine).toBe('HTTP/1.1 400 Bad Request');
      expect(problem.contentType).toMatch(/application\/problem\+json/);
      expect(problem.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', title: expect.any(String) });
    });
  });
});
