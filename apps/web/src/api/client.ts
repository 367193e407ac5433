import createClient from 'openapi-fetch';
import i18n from 'i18next';
import { ApiProblem } from './problem';
import type { paths } from './schema';
import { currentAccessToken, hasRefreshToken, refreshTokens } from './tokens';

/**
 * The typed client of the API (types generated from its OpenAPI document): sends the access token
 * and the reader's language, and on a 401 refreshes the tokens once and repeats the request.
 */
export const api = createClient<paths>({ fetch: authorisedFetch });

async function authorisedFetch(request: Request): Promise<Response> {
  const retry = request.clone();
  const response = await fetch(authorise(request));
  if (response.status !== 401 || !hasRefreshToken() || !(await refreshTokens())) return response;
  return fetch(authorise(retry));
}

export function authorise(request: Request): Request {
  const headers = new Headers(request.headers);
  const token = currentAccessToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  headers.set('Accept-Language', i18n.language);
  // Never from the HTTP cache: every screen shows what the platform holds now (a revalidated copy
  // would cost a round trip anyway).
  return new Request(request, { headers, cache: 'no-store' });
}

interface Answered<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The body of a successful answer; otherwise throws the API's problem as an ApiProblem. */
export async function ok<T>(call: Promise<Answered<T>>): Promise<T> {
  return (await okAnswer(call)).data;
}

/** A successful answer's body and response (for its headers); otherwise throws as `ok` does. */
export async function okAnswer<T>(call: Promise<Answered<T>>): Promise<{ data: T; response: Response }> {
  let answered: Answered<T>;
  try {
    answered = await call;
  } catch (cause) {
    throw ApiProblem.network(cause);
  }
  if (!answered.response.ok) throw ApiProblem.from(answered.response.status, answered.error);
  return { data: answered.data as T, response: answered.response };
}

/** The `If-Match` header of a change to a versioned resource. */
export function ifMatch(version: number): { 'If-Match': string } {
  return { 'If-Match': `"${version}"` };
}
