import { Injectable, OnModuleInit } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AuditService } from '@app/audit';
import {
  API_TOKEN_DISPLAY_LENGTH,
  API_TOKEN_PREFIX,
  ApiTokenAuthenticator,
  ApiTokenScope,
  AuthUser,
  NotFoundError,
  Page,
  Transactions,
  databaseNow,
  hashApiToken,
} from '@app/platform';
import { ApiToken, apiTokenExpiryRefusal } from '../domain/api-token';
import { ApiTokensRepository } from '../infrastructure/api-tokens.repository';

export interface NewApiTokenRequest {
  name: string;
  expiresAt: Date;
  scopes: ApiTokenScope[];
}

/**
 * Personal API tokens of the secretariat and admins: created with a name, an expiry and scopes,
 * the secret answered once and kept only as its SHA-256; listed with their last use; revoked.
 */
@Injectable()
export class ApiTokensService implements OnModuleInit {
  constructor(
    private readonly tokens: ApiTokensRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly authenticator: ApiTokenAuthenticator,
  ) {}

  /** Gives the access guard the tokens, by the hash of their secret. */
  onModuleInit(): void {
    this.authenticator.useSource({
      findByHash: (hash) => this.tokens.findByHash(hash),
      touch: (id) => this.tokens.touch(id),
    });
  }

  /** A new token, with its secret: the only time the secret is given. */
  async create(actor: AuthUser, request: NewApiTokenRequest): Promise<{ token: ApiToken; secret: string }> {
    const secret = API_TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const scopes = [...new Set(request.scopes)];
    const token = await this.transactions.run(async (tx) => {
      const refusal = apiTokenExpiryRefusal(request.expiresAt, await databaseNow(tx));
      if (refusal) throw refusal;
      const created = await this.tokens.insert(tx, {
        userId: actor.id,
        name: request.name,
        scopes,
        tokenHash: hashApiToken(secret),
        prefix: secret.slice(0, API_TOKEN_DISPLAY_LENGTH),
        expiresAt: request.expiresAt,
      });
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'api_token.created',
        entityType: 'api_token',
        entityId: created.id,
        after: { name: created.name, scopes: created.scopes, expiresAt: created.expiresAt.toISOString() },
      });
      return created;
    });
    return { token, secret };
  }

  list(actor: AuthUser, page: { limit: number; offset: number }): Promise<Page<ApiToken>> {
    return this.tokens.list(actor.id, page);
  }

  /** Revokes one of the caller's tokens, at once for every process; revoking it again changes nothing. */
  async revoke(actor: AuthUser, id: string): Promise<ApiToken> {
    return this.transactions.run(async (tx) => {
      const token = await this.tokens.lockOwn(tx, actor.id, id);
      if (!token) throw new NotFoundError('API token');
      if (token.revokedAt) return token;
      const revoked = await this.tokens.revoke(tx, id);
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'api_token.revoked',
        entityType: 'api_token',
        entityId: id,
        before: { name: token.name },
      });
      return revoked;
    });
  }
}
