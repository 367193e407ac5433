import { Injectable } from '@nestjs/common';
import { Transaction, Transactions } from '@app/platform';
import { EVALUATION_TOTALS_SQL } from './scoring.sql';

/** Counts of a call's applications and assignments, as the secretariat's statistics show them. */
export interface CallCounts {
  applications: {
    draft: number;
    submitted: number;
    withdrawn: number;
    eligible: number;
    ineligible: number;
    /** Replies to a registration call the secretariat confirmed, and declined (both among the submitted). */
    confirmed: number;
    declined: number;
  };
  /** Distinct countries of the submitted applications. */
  countries: number;
  /** Submitted applications per region. */
  byRegion: Record<string, number>;
  /** Submitted applications per type of the applying organisation. */
  byOrganisationType: Record<string, number>;
  /** Live assignments of the stage read, and of those the evaluations submitted. */
  assignments: { total: number; submitted: number };
}

/** An evaluator's total (DESIGN.md §5.1) of one submitted evaluation. */
export interface EvaluationTotal {
  applicationId: string;
  evaluatorId: string;
  total: number;
}

interface CountsRow {
  draft: number;
  submitted: number;
  withdrawn: number;
  eligible: number;
  ineligible: number;
  confirmed: number;
  declined: number;
  countries: number;
  by_region: Record<string, number>;
  by_organisation_type: Record<string, number>;
  assignments_total: number;
  assignments_submitted: number;
}

/**
 * `submitted` means submitted and not withdrawn (status 'submitted', its outcome once published, or the
 * secretariat's decision on a reply to a registration call), eligible or not; eligibility is
 * the secretariat's override when there is one, else the computed decision (none counts as ineligible).
 * $1 is the call id, $2 the stage whose assignments are counted (the applications are the call's);
 * returns exactly one row.
 */
const CALL_COUNTS_SQL = `
WITH apps AS (
  SELECT a.status, a.country_code, a.region, o.type AS organisation_type, a.eligible
  FROM applications_statistics_facts a
  JOIN identity_organisation_types o ON o.organisation_id = a.organisation_id
  WHERE a.call_id = $1
),
submitted AS (
  -- After publication a submitted application holds its outcome instead.
  SELECT * FROM apps
  WHERE status IN ('submitted', 'selected', 'waitlisted', 'not_selected', 'withdrawn_from_cohort', 'confirmed', 'declined')
)
SELECT
  (SELECT count(*)::int FROM apps WHERE status = 'draft') AS draft,
  (SELECT count(*)::int FROM submitted) AS submitted,
  (SELECT count(*)::int FROM apps WHERE status = 'withdrawn') AS withdrawn,
  (SELECT count(*)::int FROM submitted WHERE eligible) AS eligible,
  (SELECT count(*)::int FROM submitted WHERE NOT eligible) AS ineligible,
  (SELECT count(*)::int FROM apps WHERE status = 'confirmed') AS confirmed,
  (SELECT count(*)::int FROM apps WHERE status = 'declined') AS declined,
  (SELECT count(DISTINCT country_code)::int FROM submitted) AS countries,
  (SELECT COALESCE(jsonb_object_agg(region, n), '{}'::jsonb)
     FROM (SELECT region, count(*)::int AS n FROM submitted GROUP BY region) r) AS by_region,
  (SELECT COALESCE(jsonb_object_agg(organisation_type, n), '{}'::jsonb)
     FROM (SELECT organisation_type, count(*)::int AS n FROM submitted GROUP BY organisation_type) t)
    AS by_organisation_type,
  (SELECT count(*)::int FROM evaluation_assignment_states
    WHERE call_id = $1 AND stage = $2 AND status IN ('assigned', 'draft', 'submitted')) AS assignments_total,
  (SELECT count(*)::int FROM evaluation_assignment_states
    WHERE call_id = $1 AND stage = $2 AND status = 'submitted') AS assignments_submitted`;

/** Set-based figures of a call for its statistics: two statements, never a loop per row. */
@Injectable()
export class CallStatisticsRepository {
  constructor(private readonly transactions: Transactions) {}

  async counts(callId: string, stage = 1, tx: Transaction = this.transactions.autocommit): Promise<CallCounts> {
    const [row] = (await tx.query(CALL_COUNTS_SQL, [callId, stage])) as CountsRow[];
    return {
      applications: {
        draft: row.draft,
        submitted: row.submitted,
        withdrawn: row.withdrawn,
        eligible: row.eligible,
        ineligible: row.ineligible,
        confirmed: row.confirmed,
        declined: row.declined,
      },
      countries: row.countries,
      byRegion: { ...row.by_region },
      byOrganisationType: { ...row.by_organisation_type },
      assignments: { total: row.assignments_total, submitted: row.assignments_submitted },
    };
  }

  /** The evaluator total of every submitted evaluation of the call's stage. */
  async evaluationTotals(
    callId: string,
    stage = 1,
    tx: Transaction = this.transactions.autocommit,
  ): Promise<EvaluationTotal[]> {
    const rows = (await tx.query(EVALUATION_TOTALS_SQL, [callId, stage])) as Array<{
      application_id: string;
      evaluator_id: string;
      t: number;
    }>;
    return rows.map((r) => ({ applicationId: r.application_id, evaluatorId: r.evaluator_id, total: Number(r.t) }));
  }
}
