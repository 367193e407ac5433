import { Injectable } from '@nestjs/common';
import { ApiTokenState, Page, Transaction, Transactions } from '@app/platform';
import { ApiToken } from '../domain/api-token';

export interface NewApiToken {
  userId: string;
  name: string;
  scopes: string[];
  tokenHash: string;
  prefix: string;
  expiresAt: Date;
}

const COLUMNS = `t.id, t.name, t.scopes, t.prefix, t.expires_at AS "expiresAt", t.last_used_at AS "lastUsedAt",
                 t.revoked_at AS "revokedAt", t.created_at AS "createdAt"`;

@Injectable()
export class ApiTokensRepository {
  constructor(private readonly transactions: Transactions) {}

  async insert(tx: Transaction, token: NewApiToken): Promise<ApiToken> {
    const rows: ApiToken[] = await tx.query(
      `INSERT INTO api_tokens AS t (user_id, name, scopes, token_hash, prefix, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING ${COLUMNS}`,
      [token.userId, token.name, token.scopes, token.tokenHash, token.prefix, token.expiresAt],
    );
    return rows[0];
  }

  /** A user's tokens, newest first, revoked and expired ones included. */
  async list(userId: string, page: { limit: number; offset: number }): Promise<Page<ApiToken>> {
    const rows: Array<ApiToken & { total: string }> = await this.transactions.autocommit.query(
      `SELECT ${COLUMNS}, count(*) OVER () AS total
       FROM api_tokens t WHERE t.user_id = $1
       ORDER BY t.created_at DESC, t.id
       LIMIT $2 OFFSET $3`,
      [userId, page.limit, page.offset],
    );
    if (rows.length === 0 && page.offset > 0) {
      const [{ total }]: Array<{ total: string }> = await this.transactions.autocommit.query(
        `SELECT count(*) AS total FROM api_tokens WHERE user_id = $1`,
        [userId],
      );
      return { items: [], total: Number(total) };
    }
    return { items: rows.map(({ total: _total, ...token }) => token), total: Number(rows[0]?.total ?? 0) };
  }

  /** The user's token, locked; null when it is someone else's or does not exist. */
  async lockOwn(tx: Transaction, userId: string, id: string): Promise<ApiToken | null> {
    const rows: ApiToken[] = await tx.query(
      `SELECT ${COLUMNS} FROM api_tokens t WHERE t.id = $1 AND t.user_id = $2 FOR UPDATE`,
      [id, userId],
    );
    return rows[0] ?? null;
  }

  async revoke(tx: Transaction, id: string): Promise<ApiToken> {
    const rows: ApiToken[] = await tx.query(
      `UPDATE api_tokens t SET revoked_at = now() WHERE t.id = $1 RETURNING ${COLUMNS}`,
      [id],
    );
    return rows[0];
  }

  /** A token by the hash of its secret, with its owner's state: one statement on the unique index. */
  async findByHash(tokenHash: string): Promise<ApiTokenState | null> {
    const rows: ApiTokenState[] = await this.transactions.autocommit.query(
      `SELECT t.id, t.name, t.scopes, t.user_id AS "userId", u.role, u.active, u.organisation_id AS "organisationId",
              t.expires_at <= now() AS expired, t.revoked_at IS NOT NULL AS revoked,
              (t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute') AS "lastUseStale"
       FROM api_tokens t JOIN users u ON u.id = t.user_id
       WHERE t.token_hash = $1`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  /** Records a use, unless one was recorded less than a minute ago (by any process). */
  async touch(id: string): Promise<void> {
    await this.transactions.autocommit.query(
      `UPDATE api_tokens SET last_used_at = now()
       WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [id],
    );
  }
}
