import { Injectable } from '@nestjs/common';
import { Page, PageQuery, Sort, Transaction, Transactions, isUniqueViolation } from '@app/platform';
import type { AccountLink } from '../domain/account-link';
import { EmailTakenError } from '../domain/identity.errors';
import { Invitation, InvitationStatus, invitationPayload } from '../domain/invitation';
import type { Locale } from '../domain/user';

interface InvitationRow extends Omit<Invitation, 'callIds'> {
  payload: Record<string, unknown>;
}

/** The newest invitation link of each invited user, with the user's status for it. */
const INVITATIONS = `
  SELECT u.id, u.email, u.display_name AS "displayName", u.role, u.locale, l.payload,
         l.created_by AS "invitedBy", l.created_at AS "sentAt", l.expires_at AS "expiresAt", l.used_at AS "acceptedAt",
         CASE WHEN l.used_at IS NOT NULL THEN 'accepted' WHEN l.revoked_at IS NOT NULL THEN 'revoked'
              WHEN l.expires_at <= now() THEN 'expired' ELSE 'pending' END AS status
  FROM (SELECT DISTINCT ON (user_id) * FROM account_links WHERE purpose = 'invitation'
        ORDER BY user_id, created_at DESC, id) l
  JOIN users u ON u.id = l.user_id`;

/** What the list of invitations sorts by; the most recently sent first is the default and breaks every tie. */
export const INVITATION_SORT_KEYS = ['person', 'email', 'role', 'status', 'sentAt', 'expiresAt'] as const;
export type InvitationSortKey = (typeof INVITATION_SORT_KEYS)[number];

export interface InvitationListFilter extends PageQuery {
  status?: InvitationStatus;
  sort?: Sort<InvitationSortKey>;
}

const SORT_COLUMNS: Record<InvitationSortKey, string> = {
  person: 'lower(i."displayName")',
  email: 'lower(i.email)',
  role: 'i.role',
  status: 'i.status',
  sentAt: 'i."sentAt"',
  expiresAt: 'i."expiresAt"',
};

/** Invited users (identity's `users` with `invited`) and the invitation links sent to them. */
@Injectable()
export class InvitationsRepository {
  constructor(private readonly transactions: Transactions) {}

  /** An invited user: no password, inactive until it accepts. A taken e-mail (any case) is EMAIL_TAKEN. */
  async insertInvited(
    tx: Transaction,
    user: { email: string; displayName: string; role: string; locale: Locale },
  ): Promise<string> {
    try {
      const rows: Array<{ id: string }> = await tx.query(
        `INSERT INTO users (email, password_hash, role, display_name, locale, active, invited)
         VALUES ($1, NULL, $2, $3, $4, false, true) RETURNING id`,
        [user.email, user.role, user.displayName, user.locale],
      );
      return rows[0].id;
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_key')) throw new EmailTakenError();
      throw error;
    }
  }

  /**
   * The invited user accepts: it gets its password and becomes active, its address confirmed by the
   * link e-mailed to it; false when it is not (or no longer) invited.
   */
  async activate(tx: Transaction, userId: string, passwordHash: string | null, displayName?: string): Promise<boolean> {
    const [, count] = (await tx.query(
      `UPDATE users SET password_hash = $2, active = true, invited = false,
                        display_name = coalesce($3, display_name),
                        email_verified_at = coalesce(email_verified_at, now())
       WHERE id = $1 AND invited`,
      [userId, passwordHash, displayName ?? null],
    )) as [unknown[], number];
    return count === 1;
  }

  /** A colleague who accepted joins the organisation that invited it, unless it was deleted meanwhile. */
  async joinOrganisation(tx: Transaction, userId: string, organisationId: string): Promise<boolean> {
    const [, count] = (await tx.query(
      `UPDATE users SET organisation_id = o.id FROM organisations o WHERE users.id = $1 AND o.id = $2`,
      [userId, organisationId],
    )) as [unknown[], number];
    return count === 1;
  }

  /** The newest invitation link of a user, locked, with the database's time; null when it was never invited. */
  async newestLink(tx: Transaction, userId: string): Promise<{ link: AccountLink; now: Date } | null> {
    const rows: Array<AccountLink & { now: Date }> = await tx.query(
      `SELECT id, purpose, user_id AS "userId", payload, created_by AS "createdBy", expires_at AS "expiresAt",
              used_at AS "usedAt", revoked_at AS "revokedAt", created_at AS "createdAt", now() AS now
       FROM account_links WHERE user_id = $1 AND purpose = 'invitation'
       ORDER BY created_at DESC, id LIMIT 1 FOR UPDATE`,
      [userId],
    );
    if (rows.length === 0) return null;
    const { now, ...link } = rows[0];
    return { link, now };
  }

  async find(userId: string, tx: Transaction = this.transactions.autocommit): Promise<Invitation | null> {
    const rows: InvitationRow[] = await tx.query(`SELECT * FROM (${INVITATIONS}) i WHERE i.id = $1`, [userId]);
    return rows[0] ? toInvitation(rows[0]) : null;
  }

  /**
   * Invitations, optionally of one status, sorted as asked (the most recently sent first by default,
   * which breaks ties); one statement with the total.
   */
  async list(filter: InvitationListFilter): Promise<Page<Invitation>> {
    const sort = filter.sort ?? { key: 'sentAt', descending: true };
    const rows: Array<InvitationRow & { total: string; id: string | null }> = await this.transactions.autocommit.query(
      `WITH filtered AS (SELECT * FROM (${INVITATIONS}) i WHERE $1::text IS NULL OR i.status = $1)
       SELECT t.total, p.* FROM (SELECT count(*) AS total FROM filtered) t
       LEFT JOIN LATERAL (
         SELECT * FROM filtered i
          ORDER BY ${SORT_COLUMNS[sort.key]} ${sort.descending ? 'DESC' : 'ASC'}, i."sentAt" DESC, i.id
          LIMIT $2 OFFSET $3
       ) p ON true`,
      [filter.status ?? null, filter.limit, filter.offset],
    );
    const total = Number(rows[0]?.total ?? 0);
    const items = rows.filter((row) => row.id !== null).map(({ total: _total, ...row }) => toInvitation(row));
    return { items, total };
  }
}

function toInvitation(row: InvitationRow): Invitation {
  const { payload, ...rest } = row;
  return { ...rest, callIds: invitationPayload(payload).callIds };
}
