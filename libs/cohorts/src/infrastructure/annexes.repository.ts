import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Transaction, Transactions } from '@app/platform';

/** The annexes proper, and the results circular (the letter with its annexes) stored beside them. */
export type AnnexFormat = 'csv' | 'pdf' | 'circular-pdf' | 'circular-html';

/** An annex as rendered once and stored: its bytes and their SHA-256 (hex). */
export interface StoredAnnex {
  content: Buffer;
  sha256: string;
}

export interface AnnexKey {
  format: AnnexFormat;
  locale: string;
}

/** The annexes of published cohorts, written once (the database refuses any change) and read as stored. */
@Injectable()
export class AnnexesRepository {
  constructor(private readonly transactions: Transactions) {}

  /** Stores the annexes; one already stored is kept, so that two first readers store the same one. */
  async insert(tx: Transaction, cohortId: string, annexes: Array<AnnexKey & { content: Buffer }>): Promise<void> {
    if (annexes.length === 0) return;
    const params: unknown[] = [cohortId];
    const rows = annexes.map(({ format, locale, content }) => {
      params.push(format, locale, content, createHash('sha256').update(content).digest('hex'));
      const n = params.length;
      return `($1, $${n - 3}, $${n - 2}, $${n - 1}, $${n})`;
    });
    await tx.query(
      `INSERT INTO cohort_annexes (cohort_id, format, locale, content, sha256) VALUES ${rows.join(', ')}
       ON CONFLICT DO NOTHING`,
      params,
    );
  }

  /** Which of the cohort's documents are stored. */
  async keys(cohortId: string): Promise<AnnexKey[]> {
    return (await this.transactions.autocommit.query(`SELECT format, locale FROM cohort_annexes WHERE cohort_id = $1`, [
      cohortId,
    ])) as AnnexKey[];
  }

  async find(cohortId: string, { format, locale }: AnnexKey): Promise<StoredAnnex | null> {
    const rows = (await this.transactions.autocommit.query(
      `SELECT content, sha256 FROM cohort_annexes WHERE cohort_id = $1 AND format = $2 AND locale = $3`,
      [cohortId, format, locale],
    )) as StoredAnnex[];
    return rows[0] ?? null;
  }
}
