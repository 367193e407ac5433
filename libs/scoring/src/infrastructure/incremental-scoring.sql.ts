/**
 * Keeps a call's evaluator totals T (DESIGN.md §5.1) in scoring_evaluation_totals, so that a
 * rescoring recomputes from criterion scores only the evaluations that changed since the last one:
 * a submission or a reopening changes one assignment row, hence its version (xmin). A total is
 * computed by the same expression as in a full run, from the same rows, so it is the same number.
 *
 * Each statement takes the call id as $1 and returns the count its comment names.
 */
import { CALL_SETTINGS, TOTAL_OF_SCORES, evaluatorTotals } from './scoring.sql';

/**
 * Records the call's scale and weights; when they differ from those the kept totals were computed
 * with (a reweighting), forgets every kept total of the call. Returns `forgotten`.
 */
export const FORGET_TOTALS_OF_OLD_DEFINITION_SQL = `
WITH current AS (
  SELECT s.call_id,
         concat_ws(';', s.scale_min, s.scale_range,
                   string_agg(cr.code || '=' || cr.weight, ',' ORDER BY cr.code COLLATE "C")) AS definition
  FROM calls_scoring_settings s
  JOIN calls_scoring_criteria cr ON cr.call_id = s.call_id
  WHERE s.call_id = $1
  GROUP BY s.call_id, s.scale_min, s.scale_range
),
changed AS (
  INSERT INTO scoring_call_definitions AS d (call_id, definition)
  SELECT call_id, definition FROM current
  ON CONFLICT (call_id) DO UPDATE SET definition = EXCLUDED.definition
  WHERE d.definition <> EXCLUDED.definition
  RETURNING call_id
),
forgotten AS (
  DELETE FROM scoring_evaluation_totals t USING changed WHERE t.call_id = changed.call_id RETURNING 1
)
SELECT count(*)::int AS forgotten FROM forgotten`;

/**
 * Forgets the kept totals whose evaluation is no longer submitted, or was written since (a reopening,
 * a resubmission). Returns `forgotten`.
 */
export const FORGET_STALE_TOTALS_SQL = `
WITH forgotten AS (
  DELETE FROM scoring_evaluation_totals t
  WHERE t.call_id = $1
    AND NOT EXISTS (
      SELECT 1 FROM evaluation_assignment_states a
      WHERE a.call_id = t.call_id AND a.status = 'submitted'
        AND a.assignment_id = t.assignment_id AND a.version = t.assignment_version
    )
  RETURNING 1
)
SELECT count(*)::int AS forgotten FROM forgotten`;

/**
 * Computes and keeps the total of every submitted evaluation of the call that has none, as the full
 * run computes it (an evaluation without scores has none). Each total is computed by a lateral
 * lookup of its own scores, so the cost is linear in the missing totals whatever the planner
 * estimates (on stale statistics a join planned as one row was quadratic). Returns `kept`.
 */
export const KEEP_MISSING_TOTALS_SQL = `
WITH ${CALL_SETTINGS},
missing AS (
  SELECT a.assignment_id, a.application_id, a.evaluator_id, a.version
  FROM evaluation_assignment_states a
  WHERE a.call_id = $1 AND a.status = 'submitted'
    AND NOT EXISTS (SELECT 1 FROM scoring_evaluation_totals t WHERE t.assignment_id = a.assignment_id)
),
kept AS (
  INSERT INTO scoring_evaluation_totals (assignment_id, call_id, application_id, evaluator_id, assignment_version, total)
  SELECT m.assignment_id, call.id, m.application_id, m.evaluator_id, m.version, total.t
  FROM call
  CROSS JOIN missing m
  CROSS JOIN LATERAL (
    SELECT ${TOTAL_OF_SCORES} AS t
    FROM evaluation_criterion_scores cs
    JOIN calls_scoring_criteria cr ON cr.call_id = call.id AND cr.code = cs.criterion_code
    WHERE cs.assignment_id = m.assignment_id
    HAVING count(*) > 0
  ) total
  RETURNING 1
)
SELECT count(*)::int AS kept FROM kept`;

/**
 * Keeps the total of every submitted evaluation of a call that has none kept (its first rescoring,
 * or after a reweighting), by the full run's own join. Returns `kept`.
 */
export const KEEP_EVERY_TOTAL_SQL = `
WITH ${CALL_SETTINGS},
kept AS (
  INSERT INTO scoring_evaluation_totals (assignment_id, call_id, application_id, evaluator_id, assignment_version, total)
  SELECT assignment_id, $1, application_id, evaluator_id, version, t FROM (${evaluatorTotals()}) totals
  RETURNING 1
)
SELECT count(*)::int AS kept FROM kept`;

/** Whether the call ($1) has any kept total: one row, `any`. */
export const ANY_KEPT_TOTAL_SQL = `SELECT EXISTS (SELECT 1 FROM scoring_evaluation_totals WHERE call_id = $1) AS any`;
