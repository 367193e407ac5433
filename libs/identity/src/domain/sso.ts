import type { Role } from '@app/platform/auth/auth.types';

/** Roles a domain rule may give a new account; never admin, which only another admin grants. */
export const SSO_RULE_ROLES = ['applicant', 'evaluator', 'secretariat'] as const;
export type SsoRuleRole = (typeof SSO_RULE_ROLES)[number];

/** An e-mail domain and the role of the accounts single sign-on creates for its addresses. */
export interface SsoRoleRule {
  domain: string;
  role: SsoRuleRole;
}

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/**
 * Reads OIDC_ROLE_RULES, `domain=role` pairs separated by commas (`itu.int=secretariat,other.org=evaluator`);
 * answers the rules, or the reason the text is not a valid list. Domains compare without case; a
 * domain named twice is refused rather than guessed.
 */
export function parseSsoRoleRules(text: string): { rules: SsoRoleRule[] } | { error: string } {
  const rules: SsoRoleRule[] = [];
  for (const part of text.split(',').map((p) => p.trim())) {
    if (!part) continue;
    const [rawDomain, rawRole, ...rest] = part.split('=').map((p) => p.trim());
    const domain = (rawDomain ?? '').toLowerCase();
    if (rest.length > 0 || rawRole === undefined || !DOMAIN.test(domain)) {
      return { error: `"${part}" is not domain=role` };
    }
    if (!(SSO_RULE_ROLES as readonly string[]).includes(rawRole)) {
      return { error: `"${rawRole}" is not one of ${SSO_RULE_ROLES.join(', ')}` };
    }
    if (rules.some((rule) => rule.domain === domain)) return { error: `the domain ${domain} is named twice` };
    rules.push({ domain, role: rawRole as SsoRuleRole });
  }
  return { rules };
}

/**
 * The role of an account created by single sign-on: the rule of the address's exact domain (no
 * subdomains) when the provider vouches for the address, otherwise applicant. Rules only apply at
 * creation: an existing account keeps the role the platform gave it.
 */
export function roleForNewSsoAccount(email: string, emailVerified: boolean, rules: readonly SsoRoleRule[]): Role {
  if (!emailVerified) return 'applicant';
  const at = email.lastIndexOf('@');
  const domain = at < 0 ? '' : email.slice(at + 1).toLowerCase();
  return rules.find((rule) => rule.domain === domain)?.role ?? 'applicant';
}

/**
 * Where the browser may be sent after signing in: a path of the web app only (`/…`, not `//host`
 * nor `/\host`, no scheme), at most 512 characters; anything else is dropped.
 */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 512) return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return null;
  return value;
}
