import type { Response } from 'supertest';
import { PASSWORD, uniqueEmail } from '../support/fixtures';
import { TestApi } from '../support/test-app';

/** Helpers shared by the identity, organisation and cross-cutting suites (not a test file itself). */

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export interface RegisteredApplicant {
  id: string;
  email: string;
  token: string;
}

/** Signs up a fresh applicant (no organisation yet) and signs it in. */
export async function registerApplicant(api: TestApi, prefix = 'applicant'): Promise<RegisteredApplicant> {
  const email = uniqueEmail(prefix);
  const res = await api.post('/api/v1/auth/register', {
    body: { email, password: PASSWORD, displayName: 'Applicant under test' },
  });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  const pair = await signIn(api, email);
  return { id: res.body.id as string, email, token: pair.accessToken };
}

/** Signs in and returns the whole token pair (fixtures' `login` keeps only the access token). */
export async function signIn(api: TestApi, email: string, password = PASSWORD): Promise<TokenPair> {
  const res = await api.post('/api/v1/auth/login', { body: { email, password } });
  if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as TokenPair;
}

export function refresh(api: TestApi, refreshToken: string): Promise<Response> {
  return api.post('/api/v1/auth/refresh', { body: { refreshToken } });
}

/** A minimal valid organisation body; override any field. */
export function organisationBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: 'Dakar Digital Hub', countryCode: 'SN', type: 'innovation_hub', city: 'Dakar', ...overrides };
}

/** Asserts an RFC 9457 problem document with the given status and stable code. */
export function expectProblem(res: Response, status: number, code: string): void {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, code, type: expect.any(String), title: expect.any(String) });
  expect(typeof res.body.detail).toBe('string');
  expectNoInternals(res);
}

/** The fields a validation problem names, e.g. ['password']. */
export function problemFields(res: Response): string[] {
  const errors = (res.body?.errors ?? []) as Array<{ field: string }>;
  return [...new Set(errors.map((e) => e.field))];
}

/** No stack trace, source path or driver message may leak to a client. */
export function expectNoInternals(res: Response): void {
  const text = res.text ?? JSON.stringify(res.body ?? '');
  expect(text).not.toMatch(/\bat [\w.<>]+ \(|node_modules|\.[jt]s:\d+|QueryFailedError|duplicate key/);
  if (res.body && typeof res.body === 'object') expect(res.body).not.toHaveProperty('stack');
}
