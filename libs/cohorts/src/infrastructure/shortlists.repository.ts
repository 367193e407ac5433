import { Injectable } from '@nestjs/common';
import { Transaction, Transactions } from '@app/platform';
import type { ShortlistEntry, ShortlistRule } from '../domain/shortlist';

export type ShortlistStatus = 'proposed' | 'confirmed';

/** The shortlist into a stage of a call, as stored. */
export interface Shortlist {
  callId: string;
  /** The stage its advancing applications are evaluated in next (2..n). */
  stage: number;
  status: ShortlistStatus;
  rule: ShortlistRule;
  entries: ShortlistEntry[];
  proposedAt: Date;
  confirmedAt: Date | null;
}

const COLUMNS = `call_id AS "callId", stage, status, rule, entries, proposed_at AS "proposedAt",
  confirmed_at AS "confirmedAt"`;

/** Shortlists between review stages, one per call and stage. */
@Injectable()
export class ShortlistsRepository {
  constructor(private readonly transactions: Transactions) {}

  async find(callId: string, stage: number, tx: Transaction = this.transactions.autocommit): Promise<Shortlist | null> {
    const rows = (await tx.query(`SELECT ${COLUMNS} FROM stage_shortlists WHERE call_id = $1 AND stage = $2`, [
      callId,
      stage,
    ])) as Shortlist[];
    return rows[0] ?? null;
  }

  /** The shortlist, locked until the transaction ends: its changes and confirmation run one after the other. */
  async lock(tx: Transaction, callId: string, stage: number): Promise<Shortlist | null> {
    const rows = (await tx.query(
      `SELECT ${COLUMNS} FROM stage_shortlists WHERE call_id = $1 AND stage = $2 FOR UPDATE`,
      [callId, stage],
    )) as Shortlist[];
    return rows[0] ?? null;
  }

  /** Stores a proposal, replacing the one before (never a confirmed one: the caller checked, holding the lock). */
  async propose(
    tx: Transaction,
    shortlist: Pick<Shortlist, 'callId' | 'stage' | 'rule' | 'entries'>,
    proposedBy: string,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO stage_shortlists (call_id, stage, status, rule, entries, proposed_by)
       VALUES ($1, $2, 'proposed', $3, $4, $5)
       ON CONFLICT (call_id, stage) DO UPDATE SET rule = EXCLUDED.rule, entries = EXCLUDED.entries,
         proposed_by = EXCLUDED.proposed_by, proposed_at = clock_timestamp(),
         version = stage_shortlists.version + 1`,
      [
        shortlist.callId,
        shortlist.stage,
        JSON.stringify(shortlist.rule),
        JSON.stringify(shortlist.entries),
        proposedBy,
      ],
    );
  }

  async saveEntries(tx: Transaction, callId: string, stage: number, entries: ShortlistEntry[]): Promise<void> {
    await tx.query(
      `UPDATE stage_shortlists SET entries = $3, version = version + 1 WHERE call_id = $1 AND stage = $2`,
      [callId, stage, JSON.stringify(entries)],
    );
  }

  async confirm(tx: Transaction, callId: string, stage: number, confirmedBy: string): Promise<void> {
    await tx.query(
      `UPDATE stage_shortlists SET status = 'confirmed', confirmed_by = $3, confirmed_at = clock_timestamp(),
         version = version + 1
       WHERE call_id = $1 AND stage = $2`,
      [callId, stage, confirmedBy],
    );
  }
}
