import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { AccessTokenClaims, AuthConfig, CallerStates, Transaction, Transactions, authConfig } from '@app/platform';
import { InvalidCredentialsError, InvalidRefreshTokenError } from '../domain/identity.errors';
import { SessionClient, sessionClient } from '../domain/session';
import { Locale, User } from '../domain/user';
import { IdentityConfig, identityConfig } from '../identity.config';
import { RefreshTokensRepository } from '../infrastructure/refresh-tokens.repository';
import { UsersRepository } from '../infrastructure/users.repository';
import { EmailVerificationService } from './email-verification.service';
import { PasswordHasher } from './password-hasher';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Lifetime of the access token, in seconds. */
  expiresIn: number;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly passwords: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly transactions: Transactions,
    private readonly callers: CallerStates,
    private readonly verification: EmailVerificationService,
    @Inject(authConfig.KEY) private readonly auth: AuthConfig,
    @Inject(identityConfig.KEY) private readonly identity: IdentityConfig,
  ) {}

  /** Anyone may sign up, always as an applicant. */
  async register(input: { email: string; password: string; displayName: string; locale?: Locale }): Promise<User> {
    const passwordHash = await this.passwords.hash(input.password);
    // The verification e-mail is committed with the account (APPLICANT_EMAIL_VERIFICATION).
    return this.transactions.run(async (tx) => {
      const user = await this.users.insert(
        {
          email: input.email.trim().toLowerCase(),
          passwordHash,
          role: 'applicant',
          displayName: input.displayName.trim(),
          locale: input.locale ?? 'en',
          countryCode: null,
          affiliation: null,
          organisationId: null,
        },
        tx,
      );
      await this.verification.onRegistered(tx, user);
      return user;
    });
  }

  /** `client` describes where the sign-in comes from (user agent, address), shown in the user's sessions. */
  async login(email: string, password: string, client?: SessionClient): Promise<TokenPair> {
    const found = await this.users.findCredentials(email.trim());
    const valid = await this.passwords.verify(found?.passwordHash, password);
    // A deactivated account is refused like a wrong password, after the same work.
    if (!found || !valid || !found.user.active) throw new InvalidCredentialsError();
    return this.transactions.run((tx) => this.issue(tx, found.user, randomUUID(), client));
  }

  /**
   * Signs in a user another party authenticated (single sign-on): a new session, as a password
   * sign-in opens; null when the account is unknown or deactivated.
   */
  async signInVerified(userId: string): Promise<TokenPair | null> {
    return this.transactions.run(async (tx) => {
      const user = await this.users.findById(userId, tx);
      return user?.active ? this.issue(tx, user, randomUUID()) : null;
    });
  }

  /** Rotates: the presented token is spent; presenting it again revokes its whole family. */
  async refresh(refreshToken: string, client?: SessionClient): Promise<TokenPair> {
    const tokenHash = sha256(refreshToken);
    const pair = await this.transactions.run(async (tx) => {
      const consumed = await this.refreshTokens.consume(tx, tokenHash);
      if (!consumed) return null;
      const user = await this.users.findById(consumed.userId, tx);
      return user?.active ? this.issue(tx, user, consumed.familyId, client) : null;
    });
    if (pair) return pair;
    await this.endSession(tokenHash);
    throw new InvalidRefreshTokenError();
  }

  /** Signing out ends the session: its refresh tokens and the access tokens issued with them stop working. */
  logout(refreshToken: string): Promise<void> {
    return this.endSession(sha256(refreshToken));
  }

  private async endSession(tokenHash: string): Promise<void> {
    const session = await this.refreshTokens.revokeFamilyOf(tokenHash);
    if (session) this.callers.forgetSession(session.userId, session.familyId);
  }

  private async issue(tx: Transaction, user: User, familyId: string, client?: SessionClient): Promise<TokenPair> {
    const claims: AccessTokenClaims = { sub: user.id, role: user.role, sid: familyId, ver: user.tokenVersion };
    const refreshToken = randomBytes(32).toString('base64url');
    await this.refreshTokens.insert(tx, {
      userId: user.id,
      familyId,
      tokenHash: sha256(refreshToken),
      expiresAt: new Date(Date.now() + this.identity.REFRESH_TOKEN_TTL_DAYS * 86_400_000),
      ...sessionClient(client),
    });
    return {
      accessToken: await this.jwt.signAsync(claims),
      refreshToken,
      expiresIn: this.auth.ACCESS_TOKEN_TTL_SECONDS,
    };
  }
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
