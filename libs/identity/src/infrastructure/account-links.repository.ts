import { Injectable } from '@nestjs/common';
import { Page, Transaction, Transactions } from '@app/platform';
import type { AccountLink, AccountLinkPurpose, AccountLinkStatus } from '../domain/account-link';

interface LinkRow {
  id: string;
  purpose: AccountLinkPurpose;
  userId: string;
  payload: Record<string, unknown>;
  createdBy: string | null;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}

const COLUMNS = `l.id, l.purpose, l.user_id AS "userId", l.payload, l.created_by AS "createdBy",
  l.expires_at AS "expiresAt", l.used_at AS "usedAt", l.revoked_at AS "revokedAt", l.created_at AS "createdAt"`;

/** The condition of each status, on the database's clock. */
const STATUS_SQL: Record<AccountLinkStatus, string> = {
  pending: 'l.used_at IS NULL AND l.revoked_at IS NULL AND l.expires_at > now()',
  used: 'l.used_at IS NOT NULL',
  revoked: 'l.revoked_at IS NOT NULL',
  expired: 'l.used_at IS NULL AND l.revoked_at IS NULL AND l.expires_at <= now()',
};

export interface NewAccountLink {
  id: string;
  purpose: AccountLinkPurpose;
  userId: string;
  tokenHash: string;
  payload: Record<string, unknown>;
  createdBy: string | null;
  ttlSeconds: number;
}

@Injectable()
export class AccountLinksRepository {
  constructor(private readonly transactions: Transactions) {}

  async insert(tx: Transaction, link: NewAccountLink): Promise<AccountLink> {
    const rows: LinkRow[] = await tx.query(
      `INSERT INTO account_links AS l (id, purpose, user_id, token_hash, payload, created_by, expires_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, now() + make_interval(secs => $7))
       RETURNING ${COLUMNS}`,
      [
        link.id,
        link.purpose,
        link.userId,
        link.tokenHash,
        JSON.stringify(link.payload),
        link.createdBy,
        link.ttlSeconds,
      ],
    );
    return rows[0];
  }

  /** The link a token hash names, locked when in a transaction that will use it; with the database's time. */
  async findByTokenHash(
    tokenHash: string,
    options: { tx?: Transaction; lock?: boolean } = {},
  ): Promise<{ link: AccountLink | null; now: Date }> {
    const tx = options.tx ?? this.transactions.autocommit;
    const rows: Array<LinkRow & { now: Date }> = await tx.query(
      `SELECT ${COLUMNS}, now() AS now FROM account_links l WHERE l.token_hash = $1 ${options.lock ? 'FOR UPDATE' : ''}`,
      [tokenHash],
    );
    if (rows.length === 0) return { link: null, now: await this.now(tx) };
    const { now, ...link } = rows[0];
    return { link, now };
  }

  async findById(id: string, options: { tx?: Transaction; lock?: boolean } = {}): Promise<AccountLink | null> {
    const tx = options.tx ?? this.transactions.autocommit;
    const rows: LinkRow[] = await tx.query(
      `SELECT ${COLUMNS} FROM account_links l WHERE l.id = $1 ${options.lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  async markUsed(tx: Transaction, id: string): Promise<void> {
    await tx.query(`UPDATE account_links SET used_at = now() WHERE id = $1`, [id]);
  }

  /** Revokes the given links that are still unused and unrevoked; answers the ids revoked. */
  async revoke(tx: Transaction, ids: string[]): Promise<string[]> {
    const [rows] = (await tx.query(
      `UPDATE account_links SET revoked_at = now()
       WHERE id = ANY ($1::uuid[]) AND used_at IS NULL AND revoked_at IS NULL RETURNING id`,
      [ids],
    )) as [Array<{ id: string }>, number];
    return rows.map((r) => r.id);
  }

  /** Revokes every unused link of a user for a purpose (e.g. the older reset links when a new one is sent). */
  async revokeAllOf(tx: Transaction, userId: string, purpose: AccountLinkPurpose): Promise<number> {
    const [, count] = (await tx.query(
      `UPDATE account_links SET revoked_at = now()
       WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL AND revoked_at IS NULL`,
      [userId, purpose],
    )) as [unknown[], number];
    return count;
  }

  /** Links of a purpose, newest first, optionally of one status and created by anyone; one statement. */
  async list(filter: {
    purpose: AccountLinkPurpose;
    status?: AccountLinkStatus;
    limit: number;
    offset: number;
  }): Promise<Page<AccountLink & { status: AccountLinkStatus }>> {
    const status = filter.status ? `AND ${STATUS_SQL[filter.status]}` : '';
    const rows: Array<LinkRow & { status: AccountLinkStatus; total: string }> =
      await this.transactions.autocommit.query(
        `SELECT ${COLUMNS}, ${statusExpression()} AS status, count(*) OVER () AS total
       FROM account_links l WHERE l.purpose = $1 ${status}
       ORDER BY l.created_at DESC, l.id LIMIT $2 OFFSET $3`,
        [filter.purpose, filter.limit, filter.offset],
      );
    const total = rows.length > 0 ? Number(rows[0].total) : await this.count(filter.purpose, status);
    return { items: rows.map(({ total: _total, ...link }) => link), total };
  }

  private async count(purpose: AccountLinkPurpose, status: string): Promise<number> {
    const rows: Array<{ total: string }> = await this.transactions.autocommit.query(
      `SELECT count(*) AS total FROM account_links l WHERE l.purpose = $1 ${status}`,
      [purpose],
    );
    return Number(rows[0].total);
  }

  private async now(tx: Transaction): Promise<Date> {
    const rows: Array<{ now: Date }> = await tx.query(`SELECT now() AS now`);
    return rows[0].now;
  }
}

function statusExpression(): string {
  return `CASE WHEN l.used_at IS NOT NULL THEN 'used' WHEN l.revoked_at IS NOT NULL THEN 'revoked'
               WHEN l.expires_at <= now() THEN 'expired' ELSE 'pending' END`;
}
