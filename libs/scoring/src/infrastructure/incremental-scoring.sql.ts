/**
 * Keeps a call's evaluator totals T (DESIGN.md §5.1), stage by stage, in scoring_evaluation_totals, so that a
 * rescoring recomputes from criterion scores only the evaluations that changed since the last one:
 * a submission or a reopening changes one assignment row, hence its version (xmin). A total is
 * computed by the same expression as in a full run, from the same rows, so it is the same number.
 *
 * Each statement takes the call id as $1 and the stage as $2, and returns the count its comment names.
 */
import { CALL_SETTINGS, TOTAL_OF_SCORES, evaluatorTotals } from './scoring.sql';

/** The count of the rows of `cte`, and the distinct applications and evaluators they are of. */
export const CHANGED_OF = (cte: string) => `SELECT count(*)::int AS ${cte},
  COALESCE(array_agg(DISTINCT application_id), '{}') AS applications,
  COALESCE(array_agg(DISTINCT evaluator_id), '{}') AS evaluators
FROM ${cte}`;

/**
 * Records the stage's scale and weights; when they differ from those the kept totals were computed
 * with (a reweighting), forgets every kept total of the stage. Returns `forgotten`.
 */
export const FORGET_TOTALS_OF_OLD_DEFINITION_SQL = `
WITH current AS (
  SELECT s.call_id, s.stage,
         concat_ws(';', s.scale_min, s.scale_range,
                   string_agg(cr.code || '=' || cr.weight, ',' ORDER BY cr.code COLLATE "C")) AS definition
  FROM calls_scoring_settings s
  JOIN calls_scoring_criteria cr ON cr.call_id = s.call_id AND cr.stage = s.stage
  WHERE s.call_id = $1 AND s.stage = $2
  GROUP BY s.call_id, s.stage, s.scale_min, s.scale_range
),
changed AS (
  INSERT INTO scoring_call_definitions AS d (call_id, stage, definition)
  SELECT call_id, stage, definition FROM current
  ON CONFLICT (call_id, stage) DO UPDATE SET definition = EXCLUDED.definition
  WHERE d.definition <> EXCLUDED.definition
  RETURNING call_id, stage
),
forgotten AS (
  DELETE FROM scoring_evaluation_totals t USING changed
  WHERE t.call_id = changed.call_id AND t.stage = changed.stage RETURNING 1
)
SELECT count(*)::int AS forgotten FROM forgotten`;

/**
 * The stage's assignments written by a transaction as recent as $3 (an xid8, as bigint) or more
 * recent: `candidates`, a superset of those written since the last rescoring, whose oldest invisible
 * transaction was $3 (none when $3 is null); `submitted`, how many assignments are submitted; and
 * `seen`, the oldest transaction this statement cannot see, for the next rescoring. A version
 * (xmin) holds the low 32 bits of its transaction: its distance below the snapshot's xmax, modulo
 * 2^32, gives its age. One scan of the call's assignments, no join.
 */
export const ASSIGNMENTS_WRITTEN_SINCE_SQL = `
SELECT COALESCE(array_agg(a.assignment_id) FILTER (
         WHERE $3::bigint IS NOT NULL
           AND mod((SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint) % 4294967296 - a.version + 4294967296, 4294967296)
               <= (SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint) - $3::bigint
       ), '{}') AS candidates,
       count(*) FILTER (WHERE a.status = 'submitted')::int AS submitted,
       (SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint) AS seen
FROM evaluation_assignment_states a
WHERE a.call_id = $1 AND a.stage = $2`;

/**
 * Compares the stage's kept totals with its submitted evaluations, those of the assignments $3 only
 * (all when null), in one pass (a hashed full join on assignment and version): `stale`, the
 * assignments of kept totals whose evaluation is no longer submitted or was written since (a
 * reopening, a resubmission); `missing`, the submitted evaluations without a kept total of their
 * current version.
 */
export const DIFF_KEPT_TOTALS_SQL = `
SELECT COALESCE(array_agg(k.assignment_id) FILTER (WHERE l.assignment_id IS NULL), '{}') AS stale,
       COALESCE(array_agg(l.assignment_id) FILTER (WHERE k.assignment_id IS NULL), '{}') AS missing
FROM (
  SELECT assignment_id, version FROM evaluation_assignment_states
  WHERE call_id = $1 AND stage = $2 AND status = 'submitted' AND ($3::uuid[] IS NULL OR assignment_id = ANY($3))
) l
FULL JOIN (
  SELECT assignment_id, assignment_version FROM scoring_evaluation_totals
  WHERE call_id = $1 AND stage = $2 AND ($3::uuid[] IS NULL OR assignment_id = ANY($3))
) k ON k.assignment_id = l.assignment_id AND k.assignment_version = l.version`;

/** Forgets the kept totals of the assignments $3. Returns `forgotten`, and the `applications` and `evaluators` they were of. */
export const FORGET_TOTALS_SQL = `
WITH forgotten AS (
  DELETE FROM scoring_evaluation_totals t
  WHERE t.call_id = $1 AND t.stage = $2 AND t.assignment_id = ANY($3::uuid[])
  RETURNING t.application_id, t.evaluator_id
)
${CHANGED_OF('forgotten')}`;

/**
 * Computes and keeps the total of each evaluation $3 that is submitted and has none kept, as the
 * full run computes it (an evaluation without scores has none). Each total is computed by a lateral
 * lookup of its own scores, so the cost is linear in the totals kept whatever the planner
 * estimates (on stale statistics a join planned as one row was quadratic). Returns `kept`, and the
 * `applications` and `evaluators` they are of.
 */
export const KEEP_TOTALS_SQL = `
WITH ${CALL_SETTINGS},
missing AS (
  SELECT a.assignment_id, a.application_id, a.evaluator_id, a.version
  FROM evaluation_assignment_states a
  WHERE a.call_id = $1 AND a.stage = $2 AND a.status = 'submitted' AND a.assignment_id = ANY($3::uuid[])
    AND NOT EXISTS (SELECT 1 FROM scoring_evaluation_totals t WHERE t.assignment_id = a.assignment_id)
),
kept AS (
  INSERT INTO scoring_evaluation_totals (assignment_id, call_id, stage, application_id, evaluator_id, assignment_version, total)
  SELECT m.assignment_id, call.id, call.stage, m.application_id, m.evaluator_id, m.version, total.t
  FROM call
  CROSS JOIN missing m
  CROSS JOIN LATERAL (
    SELECT ${TOTAL_OF_SCORES} AS t
    FROM evaluation_criterion_scores cs
    JOIN calls_scoring_criteria cr ON cr.call_id = call.id AND cr.stage = call.stage AND cr.code = cs.criterion_code
    WHERE cs.assignment_id = m.assignment_id
    HAVING count(*) > 0
  ) total
  RETURNING application_id, evaluator_id
)
${CHANGED_OF('kept')}`;

/**
 * Keeps the total of every submitted evaluation of a stage that has none kept (its first rescoring,
 * or after a reweighting), by the full run's own join. Returns `kept`.
 */
export const KEEP_EVERY_TOTAL_SQL = `
WITH ${CALL_SETTINGS},
kept AS (
  INSERT INTO scoring_evaluation_totals (assignment_id, call_id, stage, application_id, evaluator_id, assignment_version, total)
  SELECT assignment_id, $1, $2, application_id, evaluator_id, version, t FROM (${evaluatorTotals()}) totals
  RETURNING 1
)
SELECT count(*)::int AS kept FROM kept`;

/** Whether the call's ($1) stage $2 has any kept total: one row, `any`. */
export const ANY_KEPT_TOTAL_SQL = `SELECT EXISTS (SELECT 1 FROM scoring_evaluation_totals WHERE call_id = $1 AND stage = $2) AS any`;
