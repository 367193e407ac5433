import { randomInt } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import request, { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { ADMIN, Actor, Applicant, PASSWORD, createApplicant, login, uniqueEmail } from './fixtures';
import { TestApi } from './test-app';

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

/**
 * A minimal Office Open XML package (a ZIP of its required parts) of the given kind, enough for
 * content sniffing to tell DOCX from XLSX from a plain ZIP.
 */
export function ooxml(kind: 'docx' | 'xlsx'): Buffer {
  const main = kind === 'docx' ? 'word/document.xml' : 'xl/workbook.xml';
  const contentType =
    kind === 'docx'
      ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'
      : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
  return zip([
    {
      name: '[Content_Types].xml',
      data: `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/${main}" ContentType="${contentType}"/></Types>`,
    },
    { name: '_rels/.rels', data: `<?xml version="1.0"?><Relationships/>` },
    { name: main, data: `<?xml version="1.0"?><document/>` },
  ]);
}

/** A ZIP archive; entries are deflated like an office suite would write them. */
export function zip(entries: Array<{ name: string; data: string }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const raw = Buffer.from(entry.data);
    const packed = deflateRawSync(raw);
    const header = (signature: number, size: number) => {
      const b = Buffer.alloc(size);
      b.writeUInt32LE(signature, 0);
      return b;
    };
    const local = header(0x04034b50, 30);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(raw), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = header(0x02014b50, 46);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(raw), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}
