import { ConfigType, registerAs } from '@nestjs/config';
import { IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';
import { readEnv } from '../config/validate-env';

export class AuthEnv {
  /** Signs access tokens; the default is for local use only and is refused in production. */
  @IsString()
  @MinLength(16)
  JWT_SECRET: string = 'local-development-secret-change-me';

  @IsInt()
  @Min(30)
  ACCESS_TOKEN_TTL_SECONDS: number = 900;

  /**
   * How long a process trusts what it read of a token's user (role, active, token version, session,
   * organisation) before reading it again; a change made by another process takes effect there within this time.
   * 0 reads it on every request.
   */
  @IsInt()
  @Min(0)
  @Max(10_000)
  TOKEN_STATE_CACHE_MS: number = 3000;

  /**
   * Which peers' X-Forwarded-For names the client (rate limits, logs), in Express's "trust proxy"
   * syntax: `loopback`, addresses or CIDRs separated by commas, or a number of hops. Unset or `none`:
   * no proxy is trusted, the socket's address is the client.
   */
  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;
}

/** The value of Express's "trust proxy" setting for TRUST_PROXY. */
export function trustedProxies(setting: string | undefined): string | number | false {
  const value = setting?.trim() ?? '';
  if (value === '' || value === 'none') return false;
  return /^\d+$/.test(value) ? Number(value) : value;
}

export const authConfig = registerAs('auth', () => {
  const env = readEnv(AuthEnv);
  if (process.env.NODE_ENV === 'production' && env.JWT_SECRET === new AuthEnv().JWT_SECRET) {
    throw new Error('Invalid configuration:\n  JWT_SECRET must be set in production');
  }
  return env;
});
export type AuthConfig = ConfigType<typeof authConfig>;
