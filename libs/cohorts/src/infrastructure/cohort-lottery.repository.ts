import { Injectable } from '@nestjs/common';
import { Page, PageQuery, Transaction, Transactions } from '@app/platform';
import type { DrawnLot, LotteryCandidate } from '../domain/lottery';

/** Whether a call fills the seats at the line by lot; absent rows read as disabled. */
export interface LotterySetting {
  callId: string;
  enabled: boolean;
  updatedAt: Date | null;
}

/** What a draw left: the lot order with each candidate's key and ranks, and whom the selection seated. */
export interface LotteryResult {
  lots: DrawnLot[];
  seated: string[];
}

/** A commitment made on a proposal; `secret` is revealed to no one until `drawnAt` is set. */
export interface LotteryCommitment {
  id: string;
  cohortId: string;
  callId: string;
  commitment: string;
  secret: string;
  candidates: LotteryCandidate[];
  committedAt: Date;
  drawnAt: Date | null;
  lot: LotteryResult | null;
}

const COLUMNS = `id, cohort_id AS "cohortId", call_id AS "callId", commitment, secret, candidates,
  committed_at AS "committedAt", drawn_at AS "drawnAt", lot`;

/** The lottery's rows (cohort_lottery_settings, cohort_lottery_commitments). */
@Injectable()
export class CohortLotteryRepository {
  constructor(private readonly transactions: Transactions) {}

  async setting(callId: string, tx: Transaction = this.transactions.autocommit): Promise<LotterySetting> {
    const rows = (await tx.query(
      `SELECT call_id AS "callId", enabled, updated_at AS "updatedAt" FROM cohort_lottery_settings WHERE call_id = $1`,
      [callId],
    )) as LotterySetting[];
    return rows[0] ?? { callId, enabled: false, updatedAt: null };
  }

  async saveSetting(tx: Transaction, callId: string, enabled: boolean, actorId: string): Promise<LotterySetting> {
    const [row] = (await tx.query(
      `INSERT INTO cohort_lottery_settings (call_id, enabled, updated_by) VALUES ($1, $2, $3)
       ON CONFLICT (call_id) DO UPDATE SET enabled = $2, updated_by = $3, updated_at = clock_timestamp()
       RETURNING call_id AS "callId", enabled, updated_at AS "updatedAt"`,
      [callId, enabled, actorId],
    )) as LotterySetting[];
    return row;
  }

  async insert(
    tx: Transaction,
    commitment: Pick<LotteryCommitment, 'cohortId' | 'callId' | 'commitment' | 'secret' | 'candidates'>,
    actorId: string,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO cohort_lottery_commitments (cohort_id, call_id, commitment, secret, candidates, committed_by)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        commitment.cohortId,
        commitment.callId,
        commitment.commitment,
        commitment.secret,
        JSON.stringify(commitment.candidates),
        actorId,
      ],
    );
  }

  /** The proposal's latest commitment (the one a draw uses) and how many were made before it. */
  async latestOf(
    cohortId: string,
    tx: Transaction = this.transactions.autocommit,
  ): Promise<{ latest: LotteryCommitment | null; earlier: number }> {
    const rows = (await tx.query(
      `SELECT ${COLUMNS}, count(*) OVER () - 1 AS earlier FROM cohort_lottery_commitments WHERE cohort_id = $1
       ORDER BY committed_at DESC, id DESC LIMIT 1`,
      [cohortId],
    )) as Array<LotteryCommitment & { earlier: string }>;
    if (rows.length === 0) return { latest: null, earlier: 0 };
    const { earlier, ...latest } = rows[0];
    return { latest, earlier: Number(earlier) };
  }

  /** The proposal's drawn commitment, if any: at most one is. */
  async drawnOf(cohortId: string, tx: Transaction = this.transactions.autocommit): Promise<LotteryCommitment | null> {
    const rows = (await tx.query(
      `SELECT ${COLUMNS} FROM cohort_lottery_commitments WHERE cohort_id = $1 AND drawn_at IS NOT NULL`,
      [cohortId],
    )) as LotteryCommitment[];
    return rows[0] ?? null;
  }

  async markDrawn(tx: Transaction, id: string, lot: LotteryResult, actorId: string): Promise<void> {
    await tx.query(
      `UPDATE cohort_lottery_commitments SET drawn_at = clock_timestamp(), drawn_by = $2, lot = $3 WHERE id = $1`,
      [id, actorId, JSON.stringify(lot)],
    );
  }

  /** A page of the call's commitments, first first, and the count of all of them. */
  async pageOfCall(callId: string, page: PageQuery): Promise<Page<LotteryCommitment>> {
    const [items, [{ total }]] = await Promise.all([
      this.transactions.autocommit.query(
        `SELECT ${COLUMNS} FROM cohort_lottery_commitments WHERE call_id = $1
         ORDER BY committed_at, id LIMIT $2 OFFSET $3`,
        [callId, page.limit, page.offset],
      ) as Promise<LotteryCommitment[]>,
      this.transactions.autocommit.query(
        `SELECT count(*)::int AS total FROM cohort_lottery_commitments WHERE call_id = $1`,
        [callId],
      ) as Promise<Array<{ total: number }>>,
    ]);
    return { items, total };
  }
}
