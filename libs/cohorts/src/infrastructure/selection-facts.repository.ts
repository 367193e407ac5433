import { Injectable } from '@nestjs/common';
import { Transaction, Transactions } from '@app/platform';
import type { PublicCohortMember } from '../domain/public-cohort';
import type { ApplicationForSelection, Region } from '../domain/selection.types';

export interface EntryOrganisation {
  name: string;
  city: string | null;
  countryCode: string;
  region: Region;
}

export type Outcome = 'selected' | 'waitlisted' | 'not_selected';

/** Who to tell what at publication: the user who created each application that reached an outcome. */
export interface OutcomeRecipient {
  applicationId: string;
  recipientId: string;
  outcome: Outcome;
}

/** The applications selection considers ($1 is the call), with their results when scored. */
const FACTS_OF_CALL = `FROM applications a
  LEFT JOIN application_results r ON r.application_id = a.id
  WHERE a.call_id = $1 AND a.submitted_at IS NOT NULL`;
const FACT_STATUS = `CASE WHEN a.status = 'withdrawn' THEN 'withdrawn' ELSE 'submitted' END`;
const FACT_ELIGIBLE = `COALESCE((a.eligibility_override->>'eligible')::boolean, (a.eligibility->>'eligible')::boolean, false)`;

/**
 * Sets the outcome ($2 selected, $3 waitlisted, the others not selected) and the feedback of every
 * submitted application of the call ($1); returns whom to tell what. Each application's feedback is
 * read by its own evaluations (an index range), never by joining the applications with aggregates
 * of the whole call: planned on stale statistics as one row, such a join re-ran the aggregates for
 * every application. An assignment's call is its application's.
 */
export const SET_OUTCOMES_SQL = `
WITH released AS (
  SELECT app.id,
         jsonb_build_object(
           'score', r.score, 'rank', r.rank, 'evaluationCount', overall.evaluations,
           'criteria', COALESCE(criteria_feedback.criteria, '[]'), 'comments', overall.comments) AS feedback
  FROM applications app
  LEFT JOIN application_results r ON r.application_id = app.id
  CROSS JOIN LATERAL (
    SELECT count(*)::int AS evaluations,
           COALESCE(jsonb_agg(btrim(e.overall_comment) ORDER BY e.submitted_at, e.id)
                      FILTER (WHERE btrim(e.overall_comment) <> ''), '[]') AS comments
    FROM assignments e WHERE e.application_id = app.id AND e.status = 'submitted'
  ) overall
  CROSS JOIN LATERAL (
    SELECT jsonb_agg(jsonb_build_object(
             'code', c.code, 'title', c.title, 'weight', c.weight, 'meanScore', s.mean_score,
             'comments', s.comments) ORDER BY c.position) AS criteria
    FROM (
      SELECT cs.criterion_code, avg(cs.score)::float8 AS mean_score,
             COALESCE(jsonb_agg(btrim(cs.comment) ORDER BY e.submitted_at, e.id)
                        FILTER (WHERE btrim(cs.comment) <> ''), '[]') AS comments
      FROM assignments e JOIN criterion_scores cs ON cs.assignment_id = e.id
      WHERE e.application_id = app.id AND e.status = 'submitted'
      GROUP BY cs.criterion_code
    ) s
    JOIN criteria c ON c.call_id = $1 AND c.code = s.criterion_code
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
          applications.status AS outcome`;

/**
 * What selection reads of the other contexts' tables, set-based: a call of 100,000 ranked
 * applications is one query, not a loop of service calls. Read-only except for the outcomes that
 * publication writes in its own transaction.
 */
@Injectable()
export class SelectionFactsRepository {
  constructor(private readonly transactions: Transactions) {}

  /** Every submitted application of the call (withdrawn ones too), with its result when scored. */
  async applicationsFor(callId: string, tx: Transaction = this.transactions.autocommit): Promise<ApplicationForSelection[]> {
    return (await tx.query(
      `SELECT a.id AS "applicationId", r.rank, r.score, a.country_code AS "countryCode", a.region,
              ${FACT_STATUS} AS status, ${FACT_ELIGIBLE} AS eligible, COALESCE(r.evaluation_count, 0) AS "evaluationCount"
       ${FACTS_OF_CALL}`,
      [callId],
    )) as ApplicationForSelection[];
  }

  /**
   * A digest of those facts, computed where they are: when it differs later, a proposal no longer
   * describes the call (an application was withdrawn, an evaluation rescored) and must be made again.
   */
  async factsFingerprint(callId: string, tx: Transaction = this.transactions.autocommit): Promise<string> {
    const [row] = (await tx.query(
      `SELECT encode(sha256(convert_to(coalesce(string_agg(
                concat_ws('|', a.id, r.rank, r.score::text, ${FACT_STATUS}, ${FACT_ELIGIBLE}, r.evaluation_count),
                ',' ORDER BY a.id), ''), 'UTF8')), 'hex') AS fingerprint
       ${FACTS_OF_CALL}`,
      [callId],
    )) as Array<{ fingerprint: string }>;
    return row.fingerprint;
  }

  /** The organisations behind applications, for showing a proposal. */
  async organisationsOf(applicationIds: string[]): Promise<Map<string, EntryOrganisation>> {
    const rows = (await this.transactions.autocommit.query(
      `SELECT a.id, o.name, o.city, a.country_code AS "countryCode", a.region
       FROM applications a JOIN organisations o ON o.id = a.organisation_id
       WHERE a.id = ANY ($1::uuid[])`,
      [applicationIds],
    )) as Array<EntryOrganisation & { id: string }>;
    return new Map(rows.map(({ id, ...organisation }) => [id, organisation]));
  }

  /** The public description of the members: organisation, city, country (English name) and region. */
  async publicMembers(tx: Transaction, applicationIds: string[]): Promise<PublicCohortMember[]> {
    return (await tx.query(
      `SELECT o.name, o.city, a.country_code AS "countryCode", c.name_en AS "countryName", a.region
       FROM applications a
       JOIN organisations o ON o.id = a.organisation_id
       JOIN countries c ON c.code = a.country_code
       WHERE a.id = ANY ($1::uuid[])`,
      [applicationIds],
    )) as PublicCohortMember[];
  }

  /** Applications submitted and not withdrawn, eligible or not, and their distinct countries. */
  async submissionCounts(tx: Transaction, callId: string): Promise<{ applications: number; countries: number }> {
    const [row] = (await tx.query(
      `SELECT count(*)::int AS applications, count(DISTINCT country_code)::int AS countries
       FROM applications WHERE call_id = $1 AND submitted_at IS NOT NULL AND status <> 'withdrawn'`,
      [callId],
    )) as Array<{ applications: number; countries: number }>;
    return row;
  }

  /** Distinct evaluators who submitted an evaluation of the call. */
  async evaluatorCount(callId: string): Promise<number> {
    const [row] = (await this.transactions.autocommit.query(
      `SELECT count(DISTINCT evaluator_id)::int AS n FROM assignments WHERE call_id = $1 AND status = 'submitted'`,
      [callId],
    )) as Array<{ n: number }>;
    return row.n;
  }

  /** Country names in a language of the countries table ('en' or 'fr'). */
  async countryNames(codes: string[], locale: 'en' | 'fr'): Promise<Map<string, string>> {
    const rows = (await this.transactions.autocommit.query(
      `SELECT code, ${locale === 'fr' ? 'name_fr' : 'name_en'} AS name FROM countries WHERE code = ANY ($1::text[])`,
      [codes],
    )) as Array<{ code: string; name: string }>;
    return new Map(rows.map((r) => [r.code.trim(), r.name]));
  }

  /**
   * Sets every submitted application's outcome and feedback (its score, rank, each criterion's mean
   * and comments, the overall comments, never who wrote them) in one statement, and answers whom to
   * tell: members are selected, the waitlist waitlisted, every other submitted one not selected.
   */
  async setOutcomes(
    tx: Transaction,
    callId: string,
    outcome: { selected: string[]; waitlisted: string[] },
  ): Promise<OutcomeRecipient[]> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [rows] = (await tx.query(SET_OUTCOMES_SQL, [callId, outcome.selected, outcome.waitlisted])) as [
      OutcomeRecipient[],
      number,
    ];
    return rows;
  }
}
