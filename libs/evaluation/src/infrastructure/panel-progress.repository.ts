import { Injectable } from '@nestjs/common';
import { Page, PageQuery, Transaction, Transactions } from '@app/platform';
import { STAGE_PANEL_SQL } from './panel.repository';

/** One panel member's assignments in a call's stage, counted by status. */
export interface EvaluatorProgress {
  evaluatorId: string;
  assigned: number;
  draft: number;
  submitted: number;
  declined: number;
  released: number;
  /** The last reminder sent to it for this call, if any. */
  lastRemindedAt: Date | null;
}

interface ProgressRow {
  total: number;
  evaluator_id: string | null;
  assigned: number;
  draft: number;
  submitted: number;
  declined: number;
  released: number;
  last_reminded_at: Date | null;
}

/**
 * How far each evaluator of a call's panel has got, aggregated in the database: one statement per
 * page whatever the call's size. The count comes on a row of its own, left-joined to the page, so a
 * page past the end still says how many members there are.
 */
@Injectable()
export class PanelProgressRepository {
  constructor(private readonly transactions: Transactions) {}

  /**
   * A page of a stage's panel (its own, else the call's) with its work in the stage, those with the most
   * left first, then in the order they joined.
   */
  async page(callId: string, stage: number, page: PageQuery): Promise<Page<EvaluatorProgress>> {
    const rows = (await this.transactions.autocommit.query(
      `SELECT counted.total, page.*
         FROM (SELECT count(*)::int AS total FROM (${STAGE_PANEL_SQL}) p) counted
         LEFT JOIN LATERAL (
           SELECT m.evaluator_id, m.added_at,
                  count(*) FILTER (WHERE a.status = 'assigned')::int AS assigned,
                  count(*) FILTER (WHERE a.status = 'draft')::int AS draft,
                  count(*) FILTER (WHERE a.status = 'submitted')::int AS submitted,
                  count(*) FILTER (WHERE a.status = 'declined')::int AS declined,
                  count(*) FILTER (WHERE a.status = 'released')::int AS released,
                  (SELECT max(r.reminded_at) FROM evaluator_reminders r
                    WHERE r.call_id = $1 AND r.evaluator_id = m.evaluator_id) AS last_reminded_at
             FROM (${STAGE_PANEL_SQL}) m
             LEFT JOIN assignments a ON a.call_id = $1 AND a.evaluator_id = m.evaluator_id AND a.stage = $2
            GROUP BY m.evaluator_id, m.added_at
            ORDER BY count(*) FILTER (WHERE a.status IN ('assigned', 'draft')) DESC, m.added_at, m.evaluator_id
            LIMIT $3 OFFSET $4
         ) page ON true
        ORDER BY page.assigned + page.draft DESC, page.added_at, page.evaluator_id`,
      [callId, stage, page.limit, page.offset],
    )) as ProgressRow[];
    return {
      total: rows[0]?.total ?? 0,
      items: rows.flatMap((row) =>
        row.evaluator_id === null
          ? []
          : [
              {
                evaluatorId: row.evaluator_id,
                assigned: row.assigned,
                draft: row.draft,
                submitted: row.submitted,
                declined: row.declined,
                released: row.released,
                lastRemindedAt: row.last_reminded_at,
              },
            ],
      ),
    };
  }

  /** Of the given evaluators, those with evaluations left in the call: how many, and whether reminded today (UTC). */
  async reminderCandidates(
    callId: string,
    evaluatorIds: string[],
  ): Promise<Array<{ evaluatorId: string; open: number; remindedToday: boolean }>> {
    return (await this.transactions.autocommit.query(
      `SELECT a.evaluator_id AS "evaluatorId", count(*)::int AS open,
              EXISTS (SELECT 1 FROM evaluator_reminders r
                       WHERE r.call_id = $1 AND r.evaluator_id = a.evaluator_id
                         AND r.reminded_on = (now() AT TIME ZONE 'UTC')::date) AS "remindedToday"
         FROM assignments a
        WHERE a.call_id = $1 AND a.evaluator_id = ANY($2::uuid[]) AND a.status IN ('assigned', 'draft')
        GROUP BY a.evaluator_id
        ORDER BY a.evaluator_id`,
      [callId, evaluatorIds],
    )) as Array<{ evaluatorId: string; open: number; remindedToday: boolean }>;
  }

  /**
   * Records today's reminder (UTC day) of each given evaluator that has evaluations left in the call
   * and was not reminded today yet, in one statement. Answers every given evaluator with work left,
   * how much, and whether it was recorded now (false: already reminded today). Two requests at once
   * record each evaluator once: the second waits on the first's row, then skips it.
   */
  async recordReminders(
    tx: Transaction,
    callId: string,
    evaluatorIds: string[],
    remindedBy: string,
    message?: string,
  ): Promise<Array<{ evaluatorId: string; open: number; recorded: boolean }>> {
    return (await tx.query(
      `WITH open AS (
         SELECT evaluator_id, count(*)::int AS open FROM assignments
          WHERE call_id = $1 AND evaluator_id = ANY($2::uuid[]) AND status IN ('assigned', 'draft')
          GROUP BY evaluator_id
       ), recorded AS (
         INSERT INTO evaluator_reminders (call_id, evaluator_id, reminded_on, reminded_by, message)
         SELECT $1, evaluator_id, (now() AT TIME ZONE 'UTC')::date, $3, $4 FROM open
         ON CONFLICT DO NOTHING
         RETURNING evaluator_id
       )
       SELECT open.evaluator_id AS "evaluatorId", open.open, recorded.evaluator_id IS NOT NULL AS recorded
         FROM open LEFT JOIN recorded USING (evaluator_id)
        ORDER BY open.evaluator_id`,
      [callId, evaluatorIds, remindedBy, message ?? null],
    )) as Array<{ evaluatorId: string; open: number; recorded: boolean }>;
  }
}
