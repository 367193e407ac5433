import { ConfigType, registerAs } from '@nestjs/config';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, Min, MinLength } from 'class-validator';
import { readEnv } from '@app/platform';

export class IdentityEnv {
  @IsInt()
  @Min(1)
  REFRESH_TOKEN_TTL_DAYS: number = 14;

  /** Failed or not, login attempts allowed per e-mail and client address in each window. */
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT: number = 10;

  @IsInt()
  @Min(1)
  LOGIN_RATE_WINDOW_SECONDS: number = 60;

  /** Login attempts allowed per client address across all e-mails in each window (credential stuffing). */
  @IsInt()
  @Min(1)
  LOGIN_CLIENT_RATE_LIMIT: number = 100;

  @IsOptional()
  @IsEmail()
  BOOTSTRAP_ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(10)
  BOOTSTRAP_ADMIN_PASSWORD?: string;

  /**
   * Memory of one argon2id password hash, in KiB: argon2's default, 64 MiB. Test runs that create
   * hundreds of users lower it; production refuses less than OWASP's minimum for argon2id, 19 MiB.
   */
  @IsInt()
  @Min(1024)
  PASSWORD_HASH_MEMORY_KIB: number = 65_536;

  /** Password hashes and checks run at once per process; the others wait for a turn. */
  @IsInt()
  @Min(1)
  PASSWORD_HASH_CONCURRENCY: number = 2;

  /** Password hashes and checks that may wait for a turn; beyond, 429 RATE_LIMITED with Retry-After. */
  @IsInt()
  @Min(0)
  PASSWORD_HASH_QUEUE_LIMIT: number = 32;

  /** How long an invitation's link works (7 days); resending makes a new link for as long. */
  @IsInt()
  @Min(1)
  INVITATION_TTL_HOURS: number = 168;

  /** How long a password reset link works. */
  @IsInt()
  @Min(1)
  PASSWORD_RESET_TTL_MINUTES: number = 60;

  /** Link e-mails (password resets, invitation resends) per address in each window. */
  @IsInt()
  @Min(1)
  ACCOUNT_LINK_REQUEST_LIMIT: number = 3;

  /** Link e-mails asked for by one client address, whatever the addresses, in each window. */
  @IsInt()
  @Min(1)
  ACCOUNT_LINK_CLIENT_REQUEST_LIMIT: number = 20;

  @IsInt()
  @Min(1)
  ACCOUNT_LINK_REQUEST_WINDOW_SECONDS: number = 900;

  /**
   * `required`: an applicant confirms its e-mail address (a link sent at registration) before it may
   * submit; `off`: addresses are taken as they are (scripted environments, the demo).
   */
  @IsIn(['required', 'off'])
  APPLICANT_EMAIL_VERIFICATION: 'required' | 'off' = 'required';

  /** How long an e-mail verification link works. */
  @IsInt()
  @Min(1)
  EMAIL_VERIFICATION_LINK_TTL_HOURS: number = 72;

  /** Verification e-mails a user may ask for again in each window of EMAIL_VERIFICATION_RESEND_WINDOW_SECONDS. */
  @IsInt()
  @Min(1)
  EMAIL_VERIFICATION_RESEND_LIMIT: number = 3;

  @IsInt()
  @Min(1)
  EMAIL_VERIFICATION_RESEND_WINDOW_SECONDS: number = 3600;

  /**
   * E-mail domains shared by unrelated people (comma-separated), added to the public mail providers:
   * never taken as an organisation's domain in conflicts of interest.
   */
  @IsOptional()
  @IsString()
  SHARED_EMAIL_DOMAINS?: string;
}

const OWASP_MINIMUM_MEMORY_KIB = 19_456;

export const identityConfig = registerAs('identity', () => {
  const env = readEnv(IdentityEnv);
  if (process.env.NODE_ENV === 'production' && env.PASSWORD_HASH_MEMORY_KIB < OWASP_MINIMUM_MEMORY_KIB) {
    throw new Error(
      `Invalid configuration:\n  PASSWORD_HASH_MEMORY_KIB must be at least ${OWASP_MINIMUM_MEMORY_KIB} in production`,
    );
  }
  return env;
});
export type IdentityConfig = ConfigType<typeof identityConfig>;
