import { createHash } from 'node:crypto';
import { PLATFORM_DETAILS } from '../errors/platform-details';
import { ProblemDetail, problemDetail } from '../errors/problem-details';

/**
 * Personal API tokens: what a token looks like, how it is stored, and what its scopes let it do.
 * Pure rules, without the framework; the access guard applies them.
 */

/** Every token begins with it, so that scanners and people recognise one (and the guard tells it from a JWT). */
export const API_TOKEN_PREFIX = 'bdt_pat_';

/** The prefix, then 32 random bytes in base64url (43 characters). */
export const API_TOKEN_PATTERN = /^bdt_pat_[A-Za-z0-9_-]{43}$/;

/** Characters of the secret kept beside the prefix to tell tokens apart in a list. */
export const API_TOKEN_DISPLAY_LENGTH = API_TOKEN_PREFIX.length + 6;

/**
 * `read` lets a token read (GET and HEAD) wherever its owner may; each `<area>:write` also lets it
 * write in that area. Every token can read: a write scope includes reading.
 */
export const API_TOKEN_SCOPES = ['read', 'calls:write', 'applications:write', 'scoring:write'] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

/** The areas a token may write in, each with its scope. */
export const API_TOKEN_AREAS = ['calls', 'applications', 'scoring'] as const;
export type ApiTokenArea = (typeof API_TOKEN_AREAS)[number];

/**
 * What a route lets a token do: an area (read, and write with that area's scope), `read` (reading
 * only: no token writes there) or `none` (no token at all: the account, sessions and the tokens
 * themselves).
 */
export type ApiTokenRouteRule = ApiTokenArea | 'read' | 'none';

/**
 * The rule of a route that declares none, from its OpenAPI tags: the contexts' tags name the areas;
 * identity (accounts, sign-in, tokens) is closed to tokens; any other tag is for reading only.
 */
const RULE_OF_TAG: Record<string, ApiTokenRouteRule> = {
  calls: 'calls',
  applications: 'applications',
  scoring: 'scoring',
  // Panels, assignments and evaluations: the scoring of a call.
  evaluation: 'scoring',
  identity: 'none',
};

export function apiTokenRuleOfTags(tags: readonly string[] | undefined): ApiTokenRouteRule {
  const rules = new Set((tags ?? []).map((tag) => RULE_OF_TAG[tag] ?? 'read'));
  if (rules.has('none')) return 'none';
  // Under several tags that disagree, the narrowest that still lets it be read.
  return rules.size === 1 ? [...rules][0] : 'read';
}

const READ_METHODS = new Set(['GET', 'HEAD']);

/** Why a token with these scopes may not make this request on a route with this rule; null when it may. */
export function apiTokenScopeRefusal(
  scopes: readonly string[],
  method: string,
  rule: ApiTokenRouteRule,
): ProblemDetail | null {
  if (rule === 'none') return problemDetail(PLATFORM_DETAILS.API_TOKEN_ROUTE_EXCLUDED);
  if (READ_METHODS.has(method.toUpperCase())) return null;
  if (rule === 'read') return problemDetail(PLATFORM_DETAILS.API_TOKEN_READ_ONLY);
  const scope = `${rule}:write`;
  return scopes.includes(scope) ? null : problemDetail(PLATFORM_DETAILS.API_TOKEN_SCOPE_MISSING, { scope });
}

/** Whether a bearer credential is meant as an API token (well-formed or not) rather than an access token. */
export function looksLikeApiToken(bearer: string | undefined): bearer is string {
  return bearer !== undefined && bearer.startsWith(API_TOKEN_PREFIX);
}

/** What the database keeps of a secret: its SHA-256, in hex (64 characters). */
export function hashApiToken(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
