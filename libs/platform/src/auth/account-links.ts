import { Inject, Injectable } from '@nestjs/common';
import { ConfigType, registerAs } from '@nestjs/config';
import { IsOptional, IsString, IsUrl, MinLength } from 'class-validator';
import { createHash, createHmac } from 'node:crypto';
import { readEnv } from '../config/validate-env';

/** What a single-use account link is for; each opens its own page of the web app. */
export const ACCOUNT_LINK_PURPOSES = ['invitation', 'password_reset', 'email_verification'] as const;
export type AccountLinkPurpose = (typeof ACCOUNT_LINK_PURPOSES)[number];

/** The web app's page for each purpose; the token travels in the fragment, which browsers never send. */
const PAGES: Record<AccountLinkPurpose, string> = {
  invitation: '/accept-invitation',
  password_reset: '/reset-password',
  email_verification: '/verify-email',
};

export class AccountLinksEnv {
  /**
   * Signs the tokens of e-mailed account links (invitations, password resets, e-mail checks).
   * Required in production; elsewhere, when unset, derived from JWT_SECRET.
   */
  @IsOptional()
  @IsString()
  @MinLength(32)
  ACCOUNT_LINK_SECRET?: string;

  /** Where the web app is served, as the people who receive e-mails reach it. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  PUBLIC_BASE_URL: string = 'http://127.0.0.1:3000';

  @IsString()
  @MinLength(16)
  JWT_SECRET: string = 'local-development-secret-change-me';
}

export const accountLinksConfig = registerAs('accountLinks', () => {
  const env = readEnv(AccountLinksEnv);
  if (process.env.NODE_ENV === 'production' && !env.ACCOUNT_LINK_SECRET) {
    throw new Error('Invalid configuration:\n  ACCOUNT_LINK_SECRET must be set in production');
  }
  const secret =
    env.ACCOUNT_LINK_SECRET ?? createHmac('sha256', env.JWT_SECRET).update('account-links').digest('base64url');
  return { secret, publicBaseUrl: env.PUBLIC_BASE_URL };
});
export type AccountLinksConfig = ConfigType<typeof accountLinksConfig>;

/**
 * The token of an account link is a keyed hash of its id, so that the database holds nothing usable:
 * identity stores the token's SHA-256 only, and the e-mail sender rebuilds the URL from the link's id
 * at send time. Identity (issuing, checking) and notifications (sending) share this signer.
 */
@Injectable()
export class AccountLinkSigner {
  constructor(@Inject(accountLinksConfig.KEY) private readonly config: AccountLinksConfig) {}

  /** The secret token of a link: base64url(HMAC-SHA256(secret, linkId)). */
  token(linkId: string): string {
    return createHmac('sha256', this.config.secret).update(linkId).digest('base64url');
  }

  /** What is stored to find a link by its token (hex SHA-256). */
  tokenHash(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }

  /** The address e-mailed for a link: the purpose's page with the token in the fragment. */
  url(purpose: AccountLinkPurpose, linkId: string): string {
    const url = new URL(PAGES[purpose], this.config.publicBaseUrl);
    url.hash = `token=${this.token(linkId)}`;
    return url.toString();
  }
}
