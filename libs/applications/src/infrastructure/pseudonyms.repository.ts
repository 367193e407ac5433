import { Injectable } from '@nestjs/common';
import { Transactions } from '@app/platform';

@Injectable()
export class PseudonymsRepository {
  constructor(private readonly transactions: Transactions) {}

  /** The numbers given so far to these applications, by application id (those without one are left out). */
  async numbersOf(applicationIds: string[]): Promise<Map<string, number>> {
    if (applicationIds.length === 0) return new Map();
    const rows: Array<{ applicationId: string; number: number }> = await this.transactions.autocommit.query(
      `SELECT application_id AS "applicationId", number FROM application_pseudonyms WHERE application_id = ANY($1::uuid[])`,
      [applicationIds],
    );
    return new Map(rows.map((row) => [row.applicationId, row.number]));
  }

  /**
   * Numbers, in one statement, every submitted application of the call that has no number yet,
   * after the call's highest, in random order: a number says nothing of the centre or of when it
   * applied. Runs of one call take turns on an advisory lock, so two never draw the same number.
   */
  async numberUnnumbered(callId: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`pseudonyms:${callId}`]);
      await tx.query(
        `INSERT INTO application_pseudonyms (application_id, call_id, number)
         SELECT a.id, a.call_id,
                (SELECT coalesce(max(p.number), 0) FROM application_pseudonyms p WHERE p.call_id = $1)
                  + row_number() OVER (ORDER BY random())
           FROM applications a
          WHERE a.call_id = $1 AND a.submitted_at IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM application_pseudonyms p WHERE p.application_id = a.id)`,
        [callId],
      );
    });
  }
}
