import { ConfigType, registerAs } from '@nestjs/config';
import { IsOptional, IsString, IsUrl, Matches, MaxLength, MinLength } from 'class-validator';
import { readEnv } from '@app/platform';
import { SsoRoleRule, parseSsoRoleRules } from './domain/sso';

const URL_OPTIONS = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

/** Single sign-on with an OpenID Connect provider; off while OIDC_ISSUER_URL is unset. */
export class SsoEnv {
  /** The provider's issuer identifier; its discovery document is at `<issuer>/.well-known/openid-configuration`. */
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  OIDC_ISSUER_URL?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  OIDC_CLIENT_ID?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  OIDC_CLIENT_SECRET?: string;

  /** The claim (of the ID token, else of the userinfo answer) that holds the user's e-mail address. */
  @IsString()
  @Matches(/^[A-Za-z0-9_:./-]{1,100}$/)
  OIDC_EMAIL_CLAIM: string = 'email';

  /** The provider's name on the sign-in page ("Sign in with …"); the issuer's host name when unset. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  OIDC_DISPLAY_NAME?: string;

  /** `domain=role` pairs (`itu.int=secretariat,other.org=evaluator`): the role of accounts created for those addresses. */
  @IsString()
  OIDC_ROLE_RULES: string = '';

  /** The callback URL registered with the provider; `${PUBLIC_BASE_URL}/api/v1/auth/sso/callback` when unset. */
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  OIDC_REDIRECT_URL?: string;

  @IsOptional()
  @IsUrl(URL_OPTIONS)
  PUBLIC_BASE_URL?: string;
}

export type SsoSettings =
  | { enabled: false }
  | {
      enabled: true;
      issuer: URL;
      clientId: string;
      clientSecret: string;
      emailClaim: string;
      displayName: string;
      roleRules: SsoRoleRule[];
      redirectUrl: URL;
      /** Plain HTTP is accepted only for a provider on the loopback interface (tests, local development). */
      allowHttp: boolean;
    };

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export const ssoConfig = registerAs('sso', (): SsoSettings => {
  const env = readEnv(SsoEnv);
  if (!env.OIDC_ISSUER_URL) return { enabled: false };
  const problems: string[] = [];
  if (!env.OIDC_CLIENT_ID) problems.push('OIDC_CLIENT_ID is required with OIDC_ISSUER_URL');
  if (!env.OIDC_CLIENT_SECRET) problems.push('OIDC_CLIENT_SECRET is required with OIDC_ISSUER_URL');
  const issuer = new URL(env.OIDC_ISSUER_URL);
  const allowHttp = LOOPBACK.has(issuer.hostname);
  if (issuer.protocol !== 'https:' && !allowHttp) {
    problems.push('OIDC_ISSUER_URL must use https (plain http only on the loopback interface)');
  }
  const rules = parseSsoRoleRules(env.OIDC_ROLE_RULES);
  if ('error' in rules) problems.push(`OIDC_ROLE_RULES: ${rules.error}`);
  if (problems.length > 0 || 'error' in rules) {
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const base = (env.PUBLIC_BASE_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
  return {
    enabled: true,
    issuer,
    clientId: env.OIDC_CLIENT_ID as string,
    clientSecret: env.OIDC_CLIENT_SECRET as string,
    emailClaim: env.OIDC_EMAIL_CLAIM,
    displayName: env.OIDC_DISPLAY_NAME ?? issuer.hostname,
    roleRules: rules.rules,
    redirectUrl: new URL(env.OIDC_REDIRECT_URL ?? `${base}/api/v1/auth/sso/callback`),
    allowHttp,
  };
});
export type SsoConfig = ConfigType<typeof ssoConfig>;
