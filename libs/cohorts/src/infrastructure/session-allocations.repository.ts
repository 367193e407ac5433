import { Injectable } from '@nestjs/common';
import { Page, PageQuery, Transaction, Transactions } from '@app/platform';
import type { SessionAllocationRule } from '@app/calls';
import type { PassedOverReason, UnallocatedReason } from '../domain/session-allocation';

/** The allocation of a call's sessions: how it was computed, and whether it is confirmed. */
export interface SessionAllocationState {
  callId: string;
  rule: SessionAllocationRule;
  computedAt: Date;
  computedBy: string;
  confirmedAt: Date | null;
  confirmedBy: string | null;
}

/** The secretariat's change of one reply's allocation, with its reason and what the rule had given. */
export interface AllocationAmendment {
  reason: string;
  amendedBy: string;
  amendedAt: string;
  computedSessionKey: string | null;
}

/** One reply's place in the allocation. */
export interface AllocationEntry {
  applicationId: string;
  processingOrder: number;
  organisationId: string;
  countryCode: string;
  recipientId: string | null;
  sessionKey: string | null;
  preferenceRank: number | null;
  reason: UnallocatedReason | null;
  passedOver: Array<{ sessionKey: string; reason: PassedOverReason }>;
  amendment: AllocationAmendment | null;
}

export type ListedAllocationEntry = AllocationEntry & { organisationName: string };

const ENTRY_COLUMNS = `e.application_id AS "applicationId", e.processing_order AS "processingOrder",
  e.organisation_id AS "organisationId", e.country_code AS "countryCode", e.recipient_id AS "recipientId",
  e.session_key AS "sessionKey", e.preference_rank AS "preferenceRank", e.reason, e.passed_over AS "passedOver",
  e.amendment`;

/** session_allocations and session_allocation_entries. */
@Injectable()
export class SessionAllocationsRepository {
  constructor(private readonly transactions: Transactions) {}

  /** The call's allocation state; locked until the transaction ends when `tx` is given. */
  async state(callId: string, tx?: Transaction): Promise<SessionAllocationState | null> {
    const rows = (await (tx ?? this.transactions.autocommit).query(
      `SELECT call_id AS "callId", rule, computed_at AS "computedAt", computed_by AS "computedBy",
              confirmed_at AS "confirmedAt", confirmed_by AS "confirmedBy"
       FROM session_allocations WHERE call_id = $1 ${tx ? 'FOR UPDATE' : ''}`,
      [callId],
    )) as SessionAllocationState[];
    return rows[0] ?? null;
  }

  /** The allocation computed anew: its rule and every entry, replacing the previous ones. */
  async replace(
    tx: Transaction,
    callId: string,
    rule: SessionAllocationRule,
    actorId: string,
    entries: Array<Omit<AllocationEntry, 'amendment'>>,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO session_allocations (call_id, rule, computed_by) VALUES ($1, $2, $3)
       ON CONFLICT (call_id) DO UPDATE SET rule = $2, computed_by = $3, computed_at = clock_timestamp()`,
      [callId, JSON.stringify(rule), actorId],
    );
    await tx.query(`DELETE FROM session_allocation_entries WHERE call_id = $1`, [callId]);
    if (entries.length === 0) return;
    await tx.query(
      `INSERT INTO session_allocation_entries (call_id, application_id, processing_order, organisation_id,
         country_code, recipient_id, session_key, preference_rank, reason, passed_over)
       SELECT $1, e."applicationId", e."processingOrder", e."organisationId", e."countryCode", e."recipientId",
              e."sessionKey", e."preferenceRank", e.reason, e."passedOver"
       FROM jsonb_to_recordset($2::jsonb) AS e("applicationId" uuid, "processingOrder" int, "organisationId" uuid,
         "countryCode" char(2), "recipientId" uuid, "sessionKey" text, "preferenceRank" int, reason text,
         "passedOver" jsonb)`,
      [callId, JSON.stringify(entries)],
    );
  }

  /** A page of the entries in processing order, with the organisations' names. */
  async page(callId: string, page: PageQuery): Promise<Page<ListedAllocationEntry>> {
    const rows = (await this.transactions.autocommit.query(
      `SELECT ${ENTRY_COLUMNS}, coalesce(o.name, '') AS "organisationName", count(*) OVER ()::int AS total
       FROM session_allocation_entries e LEFT JOIN identity_organisation_names o ON o.id = e.organisation_id
       WHERE e.call_id = $1
       ORDER BY e.processing_order
       LIMIT $2 OFFSET $3`,
      [callId, page.limit, page.offset],
    )) as Array<ListedAllocationEntry & { total: number }>;
    return { items: rows.map(({ total: _total, ...entry }) => entry), total: rows[0]?.total ?? 0 };
  }

  /** Every entry of the call, in processing order, with the organisations' names. */
  async all(tx: Transaction, callId: string): Promise<ListedAllocationEntry[]> {
    return (await tx.query(
      `SELECT ${ENTRY_COLUMNS}, coalesce(o.name, '') AS "organisationName"
       FROM session_allocation_entries e LEFT JOIN identity_organisation_names o ON o.id = e.organisation_id
       WHERE e.call_id = $1 ORDER BY e.processing_order`,
      [callId],
    )) as ListedAllocationEntry[];
  }

  /** Seats taken in each session of the call. */
  async seatsTaken(callId: string): Promise<Map<string, number>> {
    const rows = (await this.transactions.autocommit.query(
      `SELECT session_key AS "sessionKey", count(*)::int AS taken FROM session_allocation_entries
       WHERE call_id = $1 AND session_key IS NOT NULL GROUP BY session_key`,
      [callId],
    )) as Array<{ sessionKey: string; taken: number }>;
    return new Map(rows.map((r) => [r.sessionKey, r.taken]));
  }

  async amend(
    tx: Transaction,
    callId: string,
    applicationId: string,
    sessionKey: string | null,
    amendment: AllocationAmendment,
  ): Promise<void> {
    await tx.query(
      `UPDATE session_allocation_entries
       SET session_key = $3, amendment = $4::jsonb, preference_rank = NULL,
           reason = CASE WHEN $3::text IS NULL THEN reason END
       WHERE call_id = $1 AND application_id = $2`,
      [callId, applicationId, sessionKey, JSON.stringify(amendment)],
    );
  }

  async confirm(tx: Transaction, callId: string, actorId: string): Promise<void> {
    await tx.query(
      `UPDATE session_allocations SET confirmed_at = clock_timestamp(), confirmed_by = $2 WHERE call_id = $1`,
      [callId, actorId],
    );
  }
}
