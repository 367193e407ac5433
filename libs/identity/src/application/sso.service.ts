import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import * as oidc from 'openid-client';
import { AuditService } from '@app/audit';
import { REDIS, RedisClient, Transaction, Transactions } from '@app/platform';
import { EmailTakenError } from '../domain/identity.errors';
import { roleForNewSsoAccount, safeReturnPath } from '../domain/sso';
import {
  SsoAccountDisabledError,
  SsoCodeInvalidError,
  SsoEmailMissingError,
  SsoEmailUnverifiedError,
  SsoNotConfiguredError,
  SsoRejectedError,
  SsoStateInvalidError,
  SsoUnavailableError,
} from '../domain/sso.errors';
import { User } from '../domain/user';
import { UserIdentitiesRepository } from '../infrastructure/user-identities.repository';
import { UsersRepository } from '../infrastructure/users.repository';
import { SsoConfig, ssoConfig } from '../sso.config';
import { AuthService, TokenPair } from './auth.service';
import { EmailVerificationService } from './email-verification.service';
import { InvitationsService } from './invitations.service';

/** How long a started sign-in waits for the provider's answer, and a completed one for the web app's exchange. */
const PENDING_TTL_SECONDS = 600;
const CODE_TTL_SECONDS = 60;

/** What the start of a sign-in keeps until the provider sends the browser back: single use. */
interface PendingSignIn {
  verifier: string;
  nonce: string;
  /** SHA-256 of the random value of the browser's cookie, so the answer is only taken from the browser that started. */
  browser: string;
  returnTo: string | null;
}

export interface SsoStart {
  /** The provider's authorization URL to send the browser to. */
  url: string;
  /** The value of the short-lived httpOnly cookie binding the sign-in to this browser. */
  browserBinding: string;
  maxAgeSeconds: number;
}

/**
 * Single sign-on with an OpenID Connect provider: authorization code flow with PKCE, state and
 * nonce (openid-client checks the ID token's signature, issuer, audience, expiry and nonce). The
 * provider's account is linked to a platform user by (issuer, subject); a first sign-in links to
 * the account with the same e-mail address when the provider vouches for it (`email_verified`), or
 * creates one, with the role of OIDC_ROLE_RULES (applicant by default). The platform's own tokens
 * are then issued to the web app against a one-time code, never in a URL.
 */
@Injectable()
export class SsoService {
  private discovered: Promise<oidc.Configuration> | null = null;

  constructor(
    @Inject(ssoConfig.KEY) private readonly settings: SsoConfig,
    @Inject(REDIS) private readonly redis: RedisClient,
    private readonly users: UsersRepository,
    private readonly identities: UserIdentitiesRepository,
    private readonly auth: AuthService,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly invitations: InvitationsService,
    private readonly verification: EmailVerificationService,
  ) {}

  /** Whether single sign-on is on, and the provider's name for the sign-in page. */
  describe(): { enabled: boolean; displayName?: string } {
    return this.settings.enabled ? { enabled: true, displayName: this.settings.displayName } : { enabled: false };
  }

  /** Whether the callback is served over HTTPS (the binding cookie is then Secure). */
  callbackIsHttps(): boolean {
    return this.settings.enabled && this.settings.redirectUrl.protocol === 'https:';
  }

  /**
   * Starts a sign-in. `returnTo` is a path of the web app where the reader goes once signed in (an
   * invitation page, say); anything but a plain path is dropped.
   */
  async start(options: { returnTo?: string | null } = {}): Promise<SsoStart> {
    const settings = this.enabledSettings();
    const configuration = await this.configuration();
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const browserBinding = randomBytes(32).toString('base64url');
    const pending: PendingSignIn = {
      verifier,
      nonce,
      browser: sha256(browserBinding),
      returnTo: safeReturnPath(options.returnTo),
    };
    await this.redis.set(pendingKey(state), JSON.stringify(pending), 'EX', PENDING_TTL_SECONDS);
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: settings.redirectUrl.href,
      scope: 'openid email profile',
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, browserBinding, maxAgeSeconds: PENDING_TTL_SECONDS };
  }

  /**
   * Takes the provider's answer (the query string of the callback) from the browser that started the
   * sign-in; answers a one-time code for POST /auth/sso/exchange and where the reader was going.
   * Every refusal leaves the accounts as they were.
   */
  async complete(
    query: string,
    browserBinding: string | undefined,
  ): Promise<{ code: string; returnTo: string | null }> {
    const settings = this.enabledSettings();
    const params = new URLSearchParams(query);
    const state = params.get('state');
    const stored = state ? await this.redis.getdel(pendingKey(state)) : null;
    const pending = stored ? (JSON.parse(stored) as PendingSignIn) : null;
    if (!state || !pending || !browserBinding || sha256(browserBinding) !== pending.browser) {
      throw new SsoStateInvalidError();
    }
    const configuration = await this.configuration();
    const callbackUrl = new URL(settings.redirectUrl.href);
    callbackUrl.search = params.toString();
    const claims = await this.verifiedClaims(configuration, callbackUrl, state, pending);
    const userId = await this.signIn(claims);
    const code = randomBytes(32).toString('base64url');
    await this.redis.set(codeKey(code), userId, 'EX', CODE_TTL_SECONDS);
    return { code, returnTo: pending.returnTo };
  }

  /** The platform's token pair for a one-time code of complete(); the code is spent. */
  async exchange(code: string): Promise<TokenPair> {
    this.enabledSettings();
    const userId = await this.redis.getdel(codeKey(code));
    if (!userId) throw new SsoCodeInvalidError();
    const pair = await this.auth.signInVerified(userId);
    if (!pair) throw new SsoAccountDisabledError();
    return pair;
  }

  private async verifiedClaims(
    configuration: oidc.Configuration,
    callbackUrl: URL,
    state: string,
    pending: PendingSignIn,
  ): Promise<{ subject: string; email: string; emailVerified: boolean; name: string | null; locale: string | null }> {
    const settings = this.enabledSettings();
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: pending.verifier,
        expectedState: state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      throw unreachable(error) ? new SsoUnavailableError() : new SsoRejectedError(describe(error));
    }
    const idClaims = tokens.claims();
    if (!idClaims) throw new SsoRejectedError('no ID token');
    let source: Record<string, unknown> = idClaims;
    if (typeof idClaims[settings.emailClaim] !== 'string') {
      try {
        source = await oidc.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
      } catch (error) {
        throw unreachable(error) ? new SsoUnavailableError() : new SsoRejectedError(describe(error));
      }
    }
    const email = source[settings.emailClaim];
    if (typeof email !== 'string' || !email.includes('@') || email.length > 320) {
      throw new SsoEmailMissingError(settings.emailClaim);
    }
    const name = source.name ?? idClaims.name;
    const locale = source.locale ?? idClaims.locale;
    return {
      subject: idClaims.sub,
      email: email.trim().toLowerCase(),
      emailVerified: source.email_verified === true,
      name: typeof name === 'string' && name.trim() ? name.trim().slice(0, 200) : null,
      locale: typeof locale === 'string' ? locale : null,
    };
  }

  /** The user the provider's account signs in as: linked, linked now, or created; answers its id. */
  private async signIn(claims: {
    subject: string;
    email: string;
    emailVerified: boolean;
    name: string | null;
    locale: string | null;
  }): Promise<string> {
    const settings = this.enabledSettings();
    const issuer = settings.issuer.href;
    const attempt = () =>
      this.transactions.run(async (tx) => {
        const linkedId = await this.identities.touch(tx, issuer, claims.subject);
        if (linkedId) {
          const linked = await this.users.findById(linkedId, tx);
          if (!linked?.active) throw new SsoAccountDisabledError();
          await this.record(tx, linked, 'user.sso_signed_in', { issuer });
          return linked.id;
        }
        const existing = (await this.users.findCredentials(claims.email))?.user;
        const user = existing ? await this.linkable(tx, existing, claims.emailVerified) : await this.create(tx, claims);
        if (
          !(await this.identities.link(tx, { issuer, subject: claims.subject, userId: user.id, email: claims.email }))
        ) {
          throw new EmailTakenError(); // another sign-in of the same account linked it first: try again
        }
        await this.record(tx, user, existing ? 'user.sso_linked' : 'user.sso_created', {
          issuer,
          subject: claims.subject,
          email: claims.email,
          ...(existing ? {} : { role: user.role }),
        });
        return user.id;
      });
    try {
      return await attempt();
    } catch (error) {
      // Two first sign-ins at once: the second finds what the first created or linked.
      if (error instanceof EmailTakenError) return attempt();
      throw error;
    }
  }

  /**
   * The existing account of the provider's verified address. An invited account accepts its pending
   * invitation here: the provider vouches for the address as the e-mailed link would have.
   */
  private async linkable(tx: Transaction, user: User, emailVerified: boolean): Promise<User> {
    if (!emailVerified) throw new SsoEmailUnverifiedError();
    if (user.active) return user;
    if (!(await this.invitations.acceptForVerifiedAddress(tx, user.id))) throw new SsoAccountDisabledError();
    return { ...user, active: true };
  }

  /** A new account; one whose address the provider does not vouch for gets a confirmation link, as at registration. */
  private async create(
    tx: Transaction,
    claims: { email: string; emailVerified: boolean; name: string | null; locale: string | null },
  ): Promise<User> {
    const settings = this.enabledSettings();
    const user = await this.users.insert(
      {
        email: claims.email,
        passwordHash: null, // signs in through the provider; a password reset can give it one
        role: roleForNewSsoAccount(claims.email, claims.emailVerified, settings.roleRules),
        displayName: claims.name ?? claims.email.slice(0, claims.email.indexOf('@')),
        locale: claims.locale?.toLowerCase().startsWith('fr') ? 'fr' : 'en',
        countryCode: null,
        affiliation: null,
        organisationId: null,
        // The provider vouches for the address: no confirmation e-mail is needed before submitting.
        emailVerifiedAt: claims.emailVerified ? new Date() : null,
      },
      tx,
    );
    if (!claims.emailVerified) await this.verification.onRegistered(tx, user);
    return user;
  }

  private record(tx: Transaction, user: User, action: string, after: Record<string, unknown>): Promise<void> {
    return this.audit.record(tx, { actorId: user.id, action, entityType: 'user', entityId: user.id, after });
  }

  private enabledSettings(): Extract<SsoConfig, { enabled: true }> {
    if (!this.settings.enabled) throw new SsoNotConfiguredError();
    return this.settings;
  }

  /** The provider's metadata, discovered once; a failed discovery is tried again on the next sign-in. */
  private configuration(): Promise<oidc.Configuration> {
    const settings = this.enabledSettings();
    this.discovered ??= oidc
      .discovery(
        settings.issuer,
        settings.clientId,
        settings.clientSecret,
        undefined,
        settings.allowHttp ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        this.discovered = null;
        throw unreachable(error) ? new SsoUnavailableError() : new SsoRejectedError(describe(error));
      });
    return this.discovered;
  }
}

function pendingKey(state: string): string {
  return `sso:pending:${sha256(state)}`;
}

function codeKey(code: string): string {
  return `sso:code:${sha256(code)}`;
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** The provider did not answer (refused connection, timeout), as opposed to answering something refused. */
function unreachable(error: unknown): boolean {
  const cause = error instanceof Error ? (error.cause ?? error) : error;
  return (
    (error instanceof TypeError && /fetch failed/i.test(error.message)) ||
    (cause instanceof Error &&
      /ECONNREFUSED|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|ECONNRESET/.test(
        `${cause.message} ${(cause as { code?: string }).code ?? ''}`,
      )) ||
    (error instanceof Error && error.name === 'TimeoutError')
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
