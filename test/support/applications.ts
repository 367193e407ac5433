import { randomInt } from 'node:crypto';
import request, { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { ADMIN, Actor, Applicant, PASSWORD, SAMPLE_PDF, createApplicant, login, uniqueEmail } from './fixtures';
import { TestApi } from './test-app';

export { ooxml, zip } from './zip';

/** Helpers of the application-intake suites: questions covering every answer type, drafts, DB reads. */

export const INTAKE_QUESTIONS = [
  { key: 'programme', label: 'Describe your programme', type: 'longtext', required: true, maxLength: 2000 },
  { key: 'startups_per_year', label: 'Start-ups supported per year', type: 'number', required: false },
  { key: 'stage', label: 'Stage', type: 'choice', required: true, options: ['idea', 'growth', 'scale'] },
  { key: 'website', label: 'Website', type: 'url', required: false },
  { key: 'contact_email', label: 'Contact e-mail', type: 'email', required: false },
  { key: 'motto', label: 'Motto', type: 'text', required: false, maxLength: 20 },
];

/** Answers to every required question of INTAKE_QUESTIONS. */
export const COMPLETE_ANSWERS = { programme: 'A six-month programme for digital start-ups.', stage: 'growth' };

export function intakeCallOverrides(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { questions: INTAKE_QUESTIONS, ...extra };
}

/**
 * Logs in as the bootstrap admin. The login limit is kept per client address and e-mail in a Redis
 * that concurrent test runs share, and the API trusts X-Forwarded-For from loopback; so each run
 * presents its own client address, as distinct clients would.
 */
const CLIENT_ADDRESS = `198.18.${randomInt(256)}.${randomInt(1, 255)}`;

async function adminToken(api: TestApi): Promise<string> {
  const res = await api.post('/api/v1/auth/login', { body: ADMIN, headers: { 'X-Forwarded-For': CLIENT_ADDRESS } });
  if (res.status !== 200) throw new Error(`admin login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken as string;
}

export interface Staff {
  secretariat: Actor;
  evaluator: Actor;
}

/** One admin login per suite: the secretariat it creates creates the other staff. */
export async function createStaffPair(api: TestApi): Promise<Staff> {
  const make = async (token: string, role: 'secretariat' | 'evaluator'): Promise<Actor> => {
    const email = uniqueEmail(role);
    const res = await api.post('/api/v1/users', {
      token,
      body: { email, password: PASSWORD, displayName: `Test ${role}`, role },
    });
    if (res.status !== 201) throw new Error(`create ${role} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: res.body.id as string, email, token: await login(api, email) };
  };
  const secretariat = await make(await adminToken(api), 'secretariat');
  return { secretariat, evaluator: await make(secretariat.token, 'evaluator') };
}

/** Applicants created a few at a time (each costs two argon2 computations). */
export async function createApplicants(api: TestApi, count: number, countryCode = 'KE'): Promise<Applicant[]> {
  const applicants: Applicant[] = [];
  while (applicants.length < count) {
    const batch = Math.min(10, count - applicants.length);
    applicants.push(...(await Promise.all(Array.from({ length: batch }, () => createApplicant(api, countryCode)))));
  }
  return applicants;
}

export function createDraft(api: TestApi, token: string, callId: string, answers: Record<string, unknown> = {}) {
  return api.post(`/api/v1/calls/${callId}/applications`, { token, body: { answers } });
}

/** Creates a draft and fails loudly unless it was created. */
export async function draftId(
  api: TestApi,
  token: string,
  callId: string,
  answers: Record<string, unknown> = COMPLETE_ANSWERS,
): Promise<string> {
  const res = await createDraft(api, token, callId, answers);
  if (res.status !== 201) throw new Error(`draft failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

export function patchAnswers(
  api: TestApi,
  token: string,
  id: string,
  version: number,
  answers: Record<string, unknown>,
) {
  return api.patch(`/api/v1/applications/${id}`, { token, headers: { 'If-Match': `"${version}"` }, body: { answers } });
}

export function uploadDocument(
  api: TestApi,
  token: string,
  applicationId: string,
  kind: string,
  file: { buffer: Buffer; filename: string; contentType?: string },
): Promise<Response> {
  return api.upload(`/api/v1/applications/${applicationId}/documents`, token, file, { kind });
}

/** GET of a binary download, keeping the raw bytes, checked against the OpenAPI document. */
export async function download(api: TestApi, url: string, token: string): Promise<Response> {
  const res = await request(api.server)
    .get(url)
    .set('Authorization', `Bearer ${token}`)
    .buffer(true)
    .parse((stream, done) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const bytes = Buffer.concat(chunks);
        // Errors are problem+json: parse them so that they can be checked like any other response.
        const json = /json/.test(String(stream.headers['content-type']));
        done(null, json ? JSON.parse(bytes.toString('utf8')) : bytes);
      });
    });
  api.contract.assertSupertestResponse(res);
  return res;
}

/** Asserts an RFC 9457 problem with the given status and code; returns its field errors. */
export function expectProblem(res: Response, status: number, code: string): Array<{ field: string; message: string }> {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  return (res.body.errors ?? []) as Array<{ field: string; message: string }>;
}

export function sql<T = Record<string, unknown>>(api: TestApi, text: string, params: unknown[] = []): Promise<T[]> {
  return api.app.get(DataSource).query(text, params) as Promise<T[]>;
}

/** A PDF padded with a trailing comment to exactly `size` bytes. */
export function pdfOfSize(size: number): Buffer {
  return Buffer.concat([SAMPLE_PDF, Buffer.alloc(size - SAMPLE_PDF.length, '%')]);
}

export async function documentCount(api: TestApi, applicationId: string): Promise<number> {
  const [row] = await sql<{ n: number }>(api, 'SELECT count(*)::int AS n FROM documents WHERE application_id = $1', [
    applicationId,
  ]);
  return row?.n ?? 0;
}

export async function auditActions(api: TestApi, applicationId: string): Promise<string[]> {
  const rows = await sql<{ action: string }>(
    api,
    `SELECT action FROM audit_events WHERE entity_type = 'application' AND entity_id = $1 ORDER BY occurred_at`,
    [applicationId],
  );
  return rows.map((r) => r.action);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves as soon as the clock reaches `epochMs`: coarse timers, then setImmediate for the last stretch. */
export async function waitUntil(epochMs: number): Promise<void> {
  for (let left = epochMs - Date.now(); left > 0; left = epochMs - Date.now()) {
    if (left > 20) await sleep(left - 15);
    else await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
