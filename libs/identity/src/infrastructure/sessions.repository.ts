import { Injectable } from '@nestjs/common';
import { Page, PageQuery, Transaction, Transactions } from '@app/platform';
import { Session } from '../domain/session';

/** A user's sessions, read and ended as refresh-token families (identity owns refresh_tokens). */
@Injectable()
export class SessionsRepository {
  constructor(private readonly transactions: Transactions) {}

  /** The user's live sessions, the most recently used first, with their total. */
  async listLive(userId: string, page: PageQuery): Promise<Page<Session>> {
    const rows: Array<Session & { total: string }> = await this.transactions.autocommit.query(
      `WITH families AS (
         SELECT family_id,
                min(created_at) AS created_at,
                max(created_at) AS last_used_at,
                max(expires_at) AS expires_at,
                (array_agg(user_agent ORDER BY created_at DESC))[1] AS user_agent,
                (array_agg(ip ORDER BY created_at DESC))[1] AS ip
         FROM refresh_tokens
         WHERE user_id = $1
         GROUP BY family_id
         HAVING bool_or(revoked_at IS NULL AND used_at IS NULL AND expires_at > now())
       )
       SELECT family_id AS id, created_at AS "createdAt", last_used_at AS "lastUsedAt",
              expires_at AS "expiresAt", user_agent AS "userAgent", ip, count(*) OVER () AS total
       FROM families
       ORDER BY last_used_at DESC, family_id
       LIMIT $2 OFFSET $3`,
      [userId, page.limit, page.offset],
    );
    if (rows.length === 0 && page.offset > 0) return { items: [], total: await this.countLive(userId) };
    return { items: rows.map(({ total: _total, ...session }) => session), total: Number(rows[0]?.total ?? 0) };
  }

  private async countLive(userId: string): Promise<number> {
    const [row] = (await this.transactions.autocommit.query(
      `SELECT count(DISTINCT family_id) AS total FROM refresh_tokens
       WHERE user_id = $1 AND revoked_at IS NULL AND used_at IS NULL AND expires_at > now()`,
      [userId],
    )) as Array<{ total: string }>;
    return Number(row.total);
  }

  /** Ends one of the user's sessions; false when it has none by that id still unrevoked. */
  async revoke(userId: string, sessionId: string, tx: Transaction = this.transactions.autocommit): Promise<boolean> {
    const [, revoked] = (await tx.query(
      `UPDATE refresh_tokens SET revoked_at = now()
       WHERE user_id = $1 AND family_id = $2 AND revoked_at IS NULL`,
      [userId, sessionId],
    )) as [unknown[], number];
    return revoked > 0;
  }

  /** Ends every session of the user, but the one kept if named; answers how many sessions it ended. */
  async revokeAll(
    userId: string,
    keepSessionId: string | null,
    tx: Transaction = this.transactions.autocommit,
  ): Promise<number> {
    const [row] = (await tx.query(
      `WITH revoked AS (
         UPDATE refresh_tokens SET revoked_at = now()
         WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR family_id <> $2::uuid)
         RETURNING family_id)
       SELECT count(DISTINCT family_id) AS sessions FROM revoked`,
      [userId, keepSessionId],
    )) as Array<{ sessions: string }>;
    return Number(row.sessions);
  }
}
