import { Injectable } from '@nestjs/common';
import { Page, PageQuery, Transaction, Transactions } from '@app/platform';
import { Organisation } from '../domain/organisation';

/** A member of an organisation as its team sees it. */
export interface OrganisationMember {
  id: string;
  displayName: string;
  email: string;
  emailVerified: boolean;
}

/** The submitting member with its organisation, read in one statement. */
export interface SubmitterRow {
  organisation: Organisation;
  member: { id: string; displayName: string; emailVerified: boolean } | null;
}

interface SubmitterSqlRow {
  id: string;
  name: string;
  countryCode: string;
  countryName: string;
  region: Organisation['region'];
  memberState: boolean;
  type: Organisation['type'];
  membershipCategory: Organisation['membershipCategory'];
  city: string | null;
  website: string | null;
  createdAt: Date;
  memberId: string | null;
  memberName: string | null;
  memberVerified: boolean | null;
}

/**
 * The members of organisations: the active users whose `organisation_id` names it. Identity's own
 * tables only (users, organisations, countries).
 */
@Injectable()
export class OrganisationMembersRepository {
  constructor(private readonly transactions: Transactions) {}

  /** A page of the members, by name, with the total, in one statement. */
  async page(organisationId: string, page: PageQuery): Promise<Page<OrganisationMember>> {
    const rows: Array<OrganisationMember & { total: string }> = await this.transactions.autocommit.query(
      `SELECT id, display_name AS "displayName", email, email_verified_at IS NOT NULL AS "emailVerified",
              count(*) OVER () AS total
       FROM users
       WHERE organisation_id = $1 AND active
       ORDER BY lower(display_name), id
       LIMIT $2 OFFSET $3`,
      [organisationId, page.limit, page.offset],
    );
    if (rows.length === 0 && page.offset > 0) return { items: [], total: await this.count(organisationId) };
    return { items: rows.map(({ total: _t, ...member }) => member), total: Number(rows[0]?.total ?? 0) };
  }

  async count(organisationId: string, tx: Transaction = this.transactions.autocommit): Promise<number> {
    const [row] = (await tx.query(`SELECT count(*) AS n FROM users WHERE organisation_id = $1 AND active`, [
      organisationId,
    ])) as Array<{ n: string }>;
    return Number(row.n);
  }

  /** Locks the organisation's row: leaves of one organisation queue up, so two cannot both be "not the last". */
  async lockOrganisation(tx: Transaction, organisationId: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(`SELECT id FROM organisations WHERE id = $1 FOR UPDATE`, [organisationId]);
    return rows.length > 0;
  }

  /** Takes the user out of the organisation; false when it was no longer in it. */
  async leave(tx: Transaction, userId: string, organisationId: string): Promise<boolean> {
    const [rows] = (await tx.query(
      `UPDATE users SET organisation_id = NULL WHERE id = $1 AND organisation_id = $2 RETURNING id`,
      [userId, organisationId],
    )) as [unknown[], number];
    return rows.length > 0;
  }

  /** The organisation, and the user when it is one of its active members. */
  async submitter(userId: string, organisationId: string): Promise<SubmitterRow | null> {
    const rows: SubmitterSqlRow[] = await this.transactions.autocommit.query(
      `SELECT o.id, o.name, o.country_code AS "countryCode", c.name_en AS "countryName", c.region,
              c.member_state AS "memberState", o.type,
              o.membership_category AS "membershipCategory", o.city, o.website, o.created_at AS "createdAt",
              u.id AS "memberId", u.display_name AS "memberName",
              u.email_verified_at IS NOT NULL AS "memberVerified"
       FROM organisations o
       JOIN countries c ON c.code = o.country_code
       LEFT JOIN users u ON u.id = $1 AND u.organisation_id = o.id AND u.active
       WHERE o.id = $2`,
      [userId, organisationId],
    );
    const row = rows[0];
    if (!row) return null;
    const { memberId, memberName, memberVerified, ...organisation } = row;
    return {
      organisation,
      member: memberId ? { id: memberId, displayName: memberName ?? '', emailVerified: memberVerified === true } : null,
    };
  }

  /** The addresses of the members of these organisations, by organisation. */
  async emailsOf(organisationIds: string[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>();
    if (organisationIds.length === 0) return result;
    const rows: Array<{ organisationId: string; email: string }> = await this.transactions.autocommit.query(
      `SELECT organisation_id AS "organisationId", email FROM users WHERE organisation_id = ANY($1::uuid[])`,
      [organisationIds],
    );
    for (const { organisationId, email } of rows)
      result.set(organisationId, [...(result.get(organisationId) ?? []), email]);
    return result;
  }

  /** The display names of the users of each organisation, in one statement. */
  async displayNamesOf(organisationIds: string[]): Promise<Map<string, string[]>> {
    const rows: Array<{ organisationId: string; names: string[] }> = await this.transactions.autocommit.query(
      `SELECT organisation_id AS "organisationId", array_agg(display_name ORDER BY display_name) AS names
         FROM users WHERE organisation_id = ANY($1::uuid[]) GROUP BY organisation_id`,
      [organisationIds],
    );
    return new Map(rows.map((row) => [row.organisationId, row.names]));
  }

  /** The ids of the organisation's active members, in a stable order. */
  async activeMemberIds(organisationId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.transactions.autocommit.query(
      `SELECT id FROM users WHERE organisation_id = $1 AND active ORDER BY id`,
      [organisationId],
    );
    return rows.map((row) => row.id);
  }

  /** Records the confirmation of the user's address; false when it was already confirmed. */
  async markEmailVerified(tx: Transaction, userId: string): Promise<boolean> {
    const [rows] = (await tx.query(
      `UPDATE users SET email_verified_at = now() WHERE id = $1 AND email_verified_at IS NULL RETURNING id`,
      [userId],
    )) as [unknown[], number];
    return rows.length > 0;
  }
}
