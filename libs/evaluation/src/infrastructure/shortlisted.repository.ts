import { Injectable } from '@nestjs/common';
import { Transactions } from '@app/platform';

/** Which applications a confirmed shortlist (cohorts) advances to a later review stage. */
@Injectable()
export class ShortlistedRepository {
  constructor(private readonly transactions: Transactions) {}

  /** The applications advanced to the call's stage; none before its shortlist is confirmed. */
  async advancedTo(callId: string, stage: number): Promise<Set<string>> {
    const rows = (await this.transactions.autocommit.query(
      `SELECT application_id FROM cohorts_stage_shortlisted WHERE call_id = $1 AND stage = $2`,
      [callId, stage],
    )) as Array<{ application_id: string }>;
    return new Set(rows.map((r) => r.application_id));
  }
}
