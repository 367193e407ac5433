import { Injectable } from '@nestjs/common';
import { Transaction, Transactions } from '@app/platform';
import type { CallKind, CallStatus, EligibilityRules } from '../domain/call';
import type { CircularSettings } from '../domain/circular-settings';

export interface CallCircularRow {
  status: CallStatus;
  reference: string;
  /** What the defaults depend on: the call's kind and the membership categories it is addressed to. */
  kind: CallKind;
  eligibility: EligibilityRules;
  /** Null until the secretariat writes them: the defaults apply. */
  circular: CircularSettings | null;
}

/** A call's circular settings, kept on its row (and so frozen with it at publication). */
@Injectable()
export class CircularSettingsRepository {
  constructor(private readonly transactions: Transactions) {}

  /** `forUpdate` holds the row until the transaction ends. */
  async find(id: string, options: { tx?: Transaction; forUpdate?: boolean } = {}): Promise<CallCircularRow | null> {
    const tx = options.tx ?? this.transactions.autocommit;
    const [row] = (await tx.query(
      `SELECT status, reference, kind, eligibility, circular FROM calls WHERE id = $1${options.forUpdate ? ' FOR UPDATE' : ''}`,
      [id],
    )) as CallCircularRow[];
    return row ?? null;
  }

  /** Within the copy's transaction: the new call gets the source's settings as written (none if none were). */
  async copy(tx: Transaction, sourceId: string, targetId: string): Promise<void> {
    await tx.query(`UPDATE calls SET circular = (SELECT circular FROM calls WHERE id = $1) WHERE id = $2`, [
      sourceId,
      targetId,
    ]);
  }

  async save(tx: Transaction, id: string, settings: CircularSettings): Promise<void> {
    await tx.query(`UPDATE calls SET circular = $2 WHERE id = $1`, [id, JSON.stringify(settings)]);
  }
}
