import { Injectable, SetMetadata } from '@nestjs/common';
import { DomainError, PLATFORM_DETAILS, PLATFORM_ERRORS, ProblemDetail, problemDetail } from '../errors';
import { API_TOKEN_PATTERN, ApiTokenRouteRule, hashApiToken } from './api-token-scopes';
import { AuthUser, Role, STAFF_ROLES } from './auth.types';

export const API_TOKEN_RULE_METADATA = 'apiTokenRule';

/**
 * What API tokens may do on a route or controller, overriding the rule its OpenAPI tag implies
 * (see apiTokenRuleOfTags): e.g. `@ApiTokenAccess('none')` on routes no token may reach.
 */
export const ApiTokenAccess = (rule: ApiTokenRouteRule) => SetMetadata(API_TOKEN_RULE_METADATA, rule);

/** A token as the database holds it now, with its owner's state; read in one statement. */
export interface ApiTokenState {
  id: string;
  name: string;
  scopes: string[];
  userId: string;
  role: Role;
  active: boolean;
  organisationId: string | null;
  /** By the database clock. */
  expired: boolean;
  revoked: boolean;
  /** Whether last_used_at is unset or older than a minute, so worth writing again. */
  lastUseStale: boolean;
}

/** Reads tokens by the hash of their secret: implemented by the context that owns them, registered at start. */
export interface ApiTokenSource {
  findByHash(tokenHash: string): Promise<ApiTokenState | null>;
  /** Records a use; at most once a minute per token, whatever the callers. */
  touch(tokenId: string): Promise<void>;
}

/** The token a request was made with, as audit entries and logs name it. */
export interface ApiTokenUse {
  id: string;
  name: string;
  scopes: string[];
}

export class InvalidApiTokenError extends DomainError {
  constructor() {
    super(PLATFORM_ERRORS.INVALID_API_TOKEN, problemDetail(PLATFORM_DETAILS.INVALID_API_TOKEN));
  }
}

/** A request an API token's scopes do not allow: the reason is a declared detail (apiTokenScopeRefusal). */
export class InsufficientScopeError extends DomainError {
  constructor(reason: ProblemDetail) {
    super(PLATFORM_ERRORS.INSUFFICIENT_SCOPE, reason);
  }
}

/**
 * Personal API tokens identify their owner, with the owner's current role, while they are unexpired
 * and unrevoked and the owner is active staff. Not cached: each request reads the token (one indexed
 * statement), so a revocation or a deactivation applies to the next request in every process.
 */
@Injectable()
export class ApiTokenAuthenticator {
  private source: ApiTokenSource | undefined;

  useSource(source: ApiTokenSource): void {
    this.source = source;
  }

  /**
   * The owner and the token, and whether its last use is worth recording (see recordUse); throws
   * InvalidApiTokenError for anything else.
   */
  async authenticate(secret: string): Promise<{ user: AuthUser; token: ApiTokenUse; lastUseStale: boolean }> {
    if (!this.source || !API_TOKEN_PATTERN.test(secret)) throw new InvalidApiTokenError();
    const state = await this.source.findByHash(hashApiToken(secret));
    if (!state || state.expired || state.revoked || !state.active || !STAFF_ROLES.includes(state.role)) {
      throw new InvalidApiTokenError();
    }
    return {
      user: { id: state.userId, role: state.role, organisationId: state.organisationId },
      token: { id: state.id, name: state.name, scopes: state.scopes },
      lastUseStale: state.lastUseStale,
    };
  }

  /** Records the use of a token whose request the guard let through: at most once a minute per token. */
  async recordUse(tokenId: string): Promise<void> {
    await this.source?.touch(tokenId);
  }
}
