import { Injectable } from '@nestjs/common';
import type { CallTranslations } from '@app/calls';
import { Transaction, Transactions } from '@app/platform';

/** An evaluator's unfinished work across its calls: how much, how much is late, and the next due date. */
export interface EvaluatorWorkload {
  open: number;
  overdue: number;
  nextDueAt: Date | null;
}

/** When an assignment's evaluation is due, and whether it is late. */
export interface AssignmentDueDate {
  dueAt: Date;
  overdue: boolean;
}

/** A reminder recorded now, with what its notification says. */
export interface DueReminder {
  evaluatorId: string;
  callId: string;
  stage: number;
  /** Days from the due date: negative before it, positive after. */
  offsetDays: number;
  open: number;
  dueAt: Date;
  reference: string;
  title: string;
  /** The call's translated titles. */
  translations: CallTranslations;
}

/** Assignments still to finish, and the calls before publication whose evaluations still count. */
const UNFINISHED = `a.status IN ('assigned', 'draft') AND d.call_status NOT IN ('published', 'archived')`;

/**
 * Evaluation due dates: each assignment's is its stage's (calls_evaluation_due_dates, granted by
 * calls), and the automatic reminders chasing the evaluators who have not finished by then.
 */
@Injectable()
export class DueDatesRepository {
  constructor(private readonly transactions: Transactions) {}

  /** The due date of each of these assignments that has one, and whether it is overdue (by the database clock). */
  async dueDatesOf(assignmentIds: string[]): Promise<Map<string, AssignmentDueDate>> {
    const rows = (await this.transactions.autocommit.query(
      `SELECT a.id, d.due_at AS "dueAt", (d.due_at <= now() AND ${UNFINISHED}) AS overdue
         FROM assignments a
         JOIN calls_evaluation_due_dates d ON d.call_id = a.call_id AND d.stage = a.stage
        WHERE a.id = ANY($1::uuid[]) AND d.due_at IS NOT NULL`,
      [assignmentIds],
    )) as Array<AssignmentDueDate & { id: string }>;
    return new Map(rows.map(({ id, ...due }) => [id, due]));
  }

  /** The evaluator's unfinished assignments, in one call or all: how many, how many late (by the database clock). */
  async workloadOf(evaluatorId: string, callId: string | undefined): Promise<EvaluatorWorkload> {
    const [row] = (await this.transactions.autocommit.query(
      `SELECT count(*)::int AS open,
              count(*) FILTER (WHERE d.due_at <= now())::int AS overdue,
              min(d.due_at) FILTER (WHERE d.due_at > now()) AS "nextDueAt"
         FROM assignments a
         JOIN calls_evaluation_due_dates d ON d.call_id = a.call_id AND d.stage = a.stage
        WHERE a.evaluator_id = $1 AND ($2::uuid IS NULL OR a.call_id = $2) AND ${UNFINISHED}`,
      [evaluatorId, callId ?? null],
    )) as EvaluatorWorkload[];
    return row;
  }

  /**
   * Records, in one statement, the reminder due now to each evaluator with unfinished assignments in a
   * stage that has a due date: the latest of the call's offsets (days before, then after, the due
   * date) whose moment has passed, unless already recorded; earlier ones it passed by are not sent
   * late. The primary key (evaluator, call, stage, offset) lets one transaction record each reminder:
   * a concurrent one waits for it, then skips it.
   */
  async recordDue(tx: Transaction): Promise<DueReminder[]> {
    return (await tx.query(
      `WITH unfinished AS (
         SELECT a.evaluator_id, a.call_id, a.stage, count(*)::int AS open, d.due_at, d.reference, d.title, d.translations,
                (SELECT max(o) FROM unnest(ARRAY(SELECT -b FROM unnest(d.days_before) b) || d.days_after) o
                  WHERE d.due_at + make_interval(days => o) <= now()) AS offset_days
           FROM assignments a
           JOIN calls_evaluation_due_dates d ON d.call_id = a.call_id AND d.stage = a.stage
          WHERE ${UNFINISHED} AND d.due_at IS NOT NULL
          GROUP BY a.evaluator_id, a.call_id, a.stage, d.due_at, d.reference, d.title, d.translations, d.days_before,
                   d.days_after
       ), recorded AS (
         INSERT INTO evaluation_due_reminders (evaluator_id, call_id, stage, offset_days, due_at, open)
         SELECT evaluator_id, call_id, stage, offset_days, due_at, open FROM unfinished WHERE offset_days IS NOT NULL
         ON CONFLICT DO NOTHING
         RETURNING evaluator_id, call_id, stage, offset_days
       )
       SELECT r.evaluator_id AS "evaluatorId", r.call_id AS "callId", r.stage, r.offset_days AS "offsetDays",
              u.open, u.due_at AS "dueAt", u.reference, u.title, u.translations
         FROM recorded r JOIN unfinished u USING (evaluator_id, call_id, stage)
        ORDER BY r.call_id, r.stage, r.evaluator_id`,
    )) as DueReminder[];
  }
}
