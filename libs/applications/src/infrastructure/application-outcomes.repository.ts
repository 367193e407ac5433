import { Injectable } from '@nestjs/common';
import { Transaction, Transactions } from '@app/platform';

export type Outcome = 'selected' | 'waitlisted' | 'not_selected';

/** An application whose outcome was published, and who created it (to be told). */
export interface PublishedOutcome {
  applicationId: string;
  recipientId: string;
  outcome: Outcome;
  version: number;
}

/** An application's place in the final ranking its call's cohort was chosen from. */
export interface FinalPlace {
  applicationId: string;
  rank: number | null;
  score: number | null;
}

/** What publication decides: members selected, the waitlist waitlisted, and the final ranking. */
export interface PublicationOutcome {
  selected: string[];
  waitlisted: string[];
  /** The final ranking's rank and score of each application placed in it; the others are released without. */
  finalRanking: FinalPlace[];
}

/**
 * Sets the outcome ($2 selected, $3 waitlisted, the others not selected) and the feedback of every
 * submitted application of the call ($1). The rank and score released are the final ranking's ($4,
 * JSON), so an application that stopped before the last stage has none. The evaluations, comments and
 * criteria are those of the last stage the application was evaluated in, never mixed across stages
 * (criteria codes repeat between stages). Each application's feedback is read by its own evaluations
 * (an index range), never by joining the applications with aggregates of the whole call: planned on
 * stale statistics as one row, such a join re-ran the aggregates for every application.
 */
export const PUBLISH_OUTCOMES_SQL = `
WITH released AS (
  SELECT app.id,
         jsonb_build_object(
           'score', final.score, 'rank', final.rank, 'evaluationCount', overall.evaluations,
           'criteria', COALESCE(criteria_feedback.criteria, '[]'), 'comments', overall.comments) AS feedback
  FROM applications app
  LEFT JOIN jsonb_to_recordset($4::jsonb) AS final("applicationId" uuid, rank int, score float8)
    ON final."applicationId" = app.id
  CROSS JOIN LATERAL (
    SELECT max(e.stage) AS stage FROM evaluation_submitted_evaluations e WHERE e.application_id = app.id
  ) last_evaluated
  CROSS JOIN LATERAL (
    SELECT count(*)::int AS evaluations,
           COALESCE(jsonb_agg(btrim(e.overall_comment) ORDER BY e.submitted_at, e.assignment_id)
                      FILTER (WHERE btrim(e.overall_comment) <> ''), '[]') AS comments
    FROM evaluation_submitted_evaluations e
    WHERE e.application_id = app.id AND e.stage = last_evaluated.stage
  ) overall
  CROSS JOIN LATERAL (
    SELECT jsonb_agg(jsonb_build_object(
             'code', c.code, 'title', c.title, 'weight', c.weight, 'meanScore', s.mean_score,
             'comments', s.comments) ORDER BY c.position) AS criteria
    FROM (
      SELECT cs.criterion_code, avg(cs.score)::float8 AS mean_score,
             COALESCE(jsonb_agg(btrim(cs.comment) ORDER BY e.submitted_at, e.assignment_id)
                        FILTER (WHERE btrim(cs.comment) <> ''), '[]') AS comments
      FROM evaluation_submitted_evaluations e
      JOIN evaluation_criterion_feedback cs ON cs.assignment_id = e.assignment_id
      WHERE e.application_id = app.id AND e.stage = last_evaluated.stage
      GROUP BY cs.criterion_code
    ) s
    JOIN calls_criterion_titles c
      ON c.call_id = $1 AND c.stage = last_evaluated.stage AND c.code = s.criterion_code
  ) criteria_feedback
  WHERE app.call_id = $1 AND app.status = 'submitted'
)
UPDATE applications SET
  status = CASE WHEN applications.id = ANY ($2::uuid[]) THEN 'selected'
                WHEN applications.id = ANY ($3::uuid[]) THEN 'waitlisted'
                ELSE 'not_selected' END,
  feedback = released.feedback,
  -- A new version, so that a reader's cached copy (ETag) is not taken for the published one.
  version = applications.version + 1,
  updated_at = clock_timestamp()
FROM released
WHERE applications.id = released.id
RETURNING applications.id AS "applicationId", applications.created_by AS "recipientId",
          applications.status AS outcome, applications.version`;

/** The outcomes of a call's applications, written at publication. */
@Injectable()
export class ApplicationOutcomesRepository {
  constructor(private readonly transactions: Transactions) {}

  async publish(tx: Transaction, callId: string, outcome: PublicationOutcome): Promise<PublishedOutcome[]> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [rows] = (await tx.query(PUBLISH_OUTCOMES_SQL, [
      callId,
      outcome.selected,
      outcome.waitlisted,
      JSON.stringify(outcome.finalRanking),
    ])) as [PublishedOutcome[], number];
    return rows;
  }

  /** The outcomes `publish` would give (and to whom it would tell them), writing nothing. */
  async preview(
    callId: string,
    outcome: { selected: string[]; waitlisted: string[] },
  ): Promise<Array<Omit<PublishedOutcome, 'version'>>> {
    return (await this.transactions.autocommit.query(
      `SELECT id AS "applicationId", created_by AS "recipientId",
              CASE WHEN id = ANY ($2::uuid[]) THEN 'selected' WHEN id = ANY ($3::uuid[]) THEN 'waitlisted'
                   ELSE 'not_selected' END AS outcome
       FROM applications WHERE call_id = $1 AND status = 'submitted' ORDER BY id`,
      [callId, outcome.selected, outcome.waitlisted],
    )) as Array<Omit<PublishedOutcome, 'version'>>;
  }

  /**
   * A centre withdrawn from the published cohort: its application, selected or promoted from the
   * waitlist, leaves the list. Answers its status before and its new version, or null if it had no
   * place to leave (already withdrawn).
   */
  async withdrawFromCohort(
    tx: Transaction,
    applicationId: string,
  ): Promise<{ before: string; version: number } | null> {
    const [rows] = (await tx.query(
      `UPDATE applications SET status = 'withdrawn_from_cohort', version = applications.version + 1,
         updated_at = clock_timestamp()
       FROM (SELECT id, status FROM applications WHERE id = $1 FOR UPDATE) old
       WHERE applications.id = old.id AND old.status IN ('selected', 'waitlisted')
       RETURNING old.status AS before, applications.version`,
      [applicationId],
    )) as [Array<{ before: string; version: number }>, number];
    return rows[0] ?? null;
  }

  /** Who is told of an application's outcome: the member of its organisation who created it. */
  async recipientOf(tx: Transaction, applicationId: string): Promise<string | null> {
    const rows = (await tx.query(`SELECT created_by AS "recipientId" FROM applications WHERE id = $1`, [
      applicationId,
    ])) as Array<{ recipientId: string }>;
    return rows[0]?.recipientId ?? null;
  }
}
