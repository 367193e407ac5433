import { randomUUID } from 'node:crypto';
import type { Language } from '../../apps/web/src/i18n/languages';
import { TestApi } from './test-app';

export const ADMIN = { email: 'admin@test.example', password: 'admin-password-123' };
export const PASSWORD = 'correct horse battery';

/** A unique e-mail per call, so suites never collide on the shared test database. */
export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@test.example`;
}

export async function login(api: TestApi, email: string, password = PASSWORD): Promise<string> {
  const res = await api.post('/api/v1/auth/login', { body: { email, password } });
  if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken as string;
}

export function adminToken(api: TestApi): Promise<string> {
  return login(api, ADMIN.email, ADMIN.password);
}

export interface Actor {
  id: string;
  email: string;
  token: string;
}

export async function createStaff(
  api: TestApi,
  role: 'secretariat' | 'evaluator',
  extra: Record<string, unknown> = {},
): Promise<Actor> {
  const email = uniqueEmail(role);
  const res = await api.post('/api/v1/users', {
    token: await adminToken(api),
    body: { email, password: PASSWORD, displayName: `Test ${role}`, role, ...extra },
  });
  if (res.status !== 201) throw new Error(`create ${role} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id, email, token: await login(api, email) };
}

export interface Applicant extends Actor {
  organisationId: string;
}

/** Registers an applicant (in English unless told) and its organisation in the given country. */
export async function createApplicant(
  api: TestApi,
  countryCode = 'KE',
  organisation: Record<string, unknown> = {},
  locale: Language = 'en',
): Promise<Applicant> {
  const email = uniqueEmail('applicant');
  const registered = await api.post('/api/v1/auth/register', {
    body: { email, password: PASSWORD, displayName: 'Test applicant', locale },
  });
  if (registered.status !== 201) throw new Error(`register failed: ${JSON.stringify(registered.body)}`);
  const token = await login(api, email);
  const org = await api.post('/api/v1/organisations', {
    token,
    body: { name: `Hub ${email}`, countryCode, type: 'innovation_hub', city: 'Nairobi', ...organisation },
  });
  if (org.status !== 201) throw new Error(`organisation failed: ${JSON.stringify(org.body)}`);
  return { id: registered.body.id, email, token, organisationId: org.body.id };
}

/** A valid call definition, open from a minute ago for a day unless overridden. */
export function callBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Date.now();
  return {
    reference: `TEST/${randomUUID().slice(0, 8)}`,
    title: 'Call for accelerator centres',
    description: 'Join the network of accelerator centres.',
    opensAt: new Date(now - 60_000).toISOString(),
    closesAt: new Date(now + 86_400_000).toISOString(),
    cohortSize: 3,
    evaluatorsPerApplication: 2,
    eligibility: { requiredDocuments: [] },
    selection: { maxPerCountry: 2 },
    scoring: { scaleMin: 0, scaleMax: 10, normalization: 'none' },
    criteria: [
      { code: 'IMPACT', title: 'Impact', weight: 0.6 },
      { code: 'CAPACITY', title: 'Capacity', weight: 0.4 },
    ],
    questions: [
      { key: 'programme', label: 'Describe your programme', type: 'longtext', required: true, maxLength: 2000 },
      { key: 'startups_per_year', label: 'Start-ups supported per year', type: 'number', required: false },
    ],
    ...overrides,
  };
}

/**
 * A registration call's overrides of `callBody`: no evaluation settings, no selection; by default a
 * declaration of interest (CL-19/35) addressed to Member State administrations and Sector Members.
 */
export function registrationCall(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'registration',
    title: 'Consultation sessions: declaration of interest',
    cohortSize: undefined,
    evaluatorsPerApplication: undefined,
    scoring: undefined,
    criteria: undefined,
    selection: undefined,
    eligibility: { addresseeCategories: ['member_state_administration', 'sector_member'] },
    questions: [{ key: 'session', label: 'Session of interest', type: 'text', required: true }],
    ...overrides,
  };
}

/** The question a request for speaking time (CL-19/58) ranks its replies by: the speaker's level. */
export const SPEAKER_LEVEL_QUESTION = {
  key: 'level',
  label: 'Speaker level',
  type: 'choice',
  required: true,
  options: ['minister', 'deputy_minister', 'other'],
};

/** Creates a call as the secretariat and, unless `open` is false, opens it. */
export async function createCall(
  api: TestApi,
  token: string,
  overrides: Record<string, unknown> = {},
  open = true,
): Promise<{ id: string; version: number; body: Record<string, unknown> }> {
  const created = await api.post('/api/v1/calls', { token, body: callBody(overrides) });
  if (created.status !== 201) throw new Error(`create call failed: ${JSON.stringify(created.body)}`);
  if (!open) return { id: created.body.id, version: created.body.version, body: created.body };
  const opened = await api.post(`/api/v1/calls/${created.body.id}/open`, { token });
  if (opened.status !== 200) throw new Error(`open call failed: ${JSON.stringify(opened.body)}`);
  return { id: opened.body.id, version: opened.body.version, body: opened.body };
}

/** The smallest valid file of each accepted type, identified by its magic bytes. */
export const SAMPLE_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
export const SAMPLE_PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4e10000000049454e44ae426082',
  'hex',
);
