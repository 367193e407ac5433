/**
 * DESIGN.md §5 as one set-based statement: computes every result of a call and upserts it.
 *
 * It mirrors the pure reference (../domain) operation for operation, so that both agree bit for bit
 * in the common case and always within 1e-9:
 * - every mean is a left-to-right sum of the values in ascending order divided by the count
 *   (`sum(x ORDER BY x)` feeds float8pl in that order); totals sum criteria in code order ("C"
 *   collation = the pure code's UTF-16 order for these codes);
 * - population deviations are two-pass: sqrt(Σ (x − mean)² in ascending order / n);
 * - discrete outcomes compare integer resolution steps, `Math.round(x / 1e-9)`, written
 *   floor(x / 1e-9 + 0.5) because PostgreSQL's round(float8) breaks ties to even, JS's upwards;
 * - submittedAt ties are compared at millisecond precision, as a JS Date holds it.
 *
 * The statements take the call id as $1; each returns what its comment says.
 */
const steps = (expression: string): string => `floor((${expression}) / 1e-9::float8 + 0.5)`;

/** The call's scale and settings, as the CTE `call`. */
const CALL_SETTINGS = `call AS (
  SELECT c.id,
         (c.scoring->>'scaleMin')::float8 AS scale_min,
         (c.scoring->>'scaleMax')::float8 - (c.scoring->>'scaleMin')::float8 AS scale_range,
         COALESCE(c.scoring->>'normalization', 'none') AS normalization,
         COALESCE((c.scoring->>'disagreementThreshold')::float8, 30) AS threshold
  FROM calls c
  WHERE c.id = $1
)`;

/** §5.1: an evaluator's total T of one evaluation, over the rows of its criterion scores `cs` and criteria `cr`. */
const TOTAL_OF_SCORES = `100 * (sum(cr.weight * ((cs.score::float8 - call.scale_min) / call.scale_range) ORDER BY cr.code COLLATE "C")
                / sum(cr.weight ORDER BY cr.code COLLATE "C"))`;

/**
 * T per submitted evaluation of the call whose assignment id `inRange` keeps, from its criterion
 * scores. The range is stated on the scores' key too, so that a chunk of a run reads only its own.
 */
const evaluatorTotals = (inRange: (column: string) => string = () => 'true') => `
  SELECT a.id AS assignment_id, a.application_id, a.evaluator_id, ${TOTAL_OF_SCORES} AS t
  FROM call
  JOIN assignments a ON a.call_id = call.id AND a.status = 'submitted' AND ${inRange('a.id')}
  JOIN criterion_scores cs ON cs.assignment_id = a.id AND ${inRange('cs.assignment_id')}
  JOIN criteria cr ON cr.call_id = call.id AND cr.code = cs.criterion_code
  GROUP BY a.id, a.application_id, a.evaluator_id`;

/** §5.2–5.6 over the totals that `totalsQuery` yields (columns application_id, evaluator_id, t). */
const scoreFromTotals = (totalsQuery: string) => `
WITH ${CALL_SETTINGS},
totals AS (${totalsQuery}),
call_mean AS (
  SELECT sum(t ORDER BY t) / count(*) AS mu FROM totals
),
call_stats AS (
  SELECT m.mu, sqrt(sum((x.t - m.mu) * (x.t - m.mu) ORDER BY (x.t - m.mu) * (x.t - m.mu)) / count(*)) AS sigma
  FROM call_mean m CROSS JOIN totals x
  GROUP BY m.mu
),
evaluator_mean AS (
  SELECT evaluator_id, sum(t ORDER BY t) / count(*) AS mu, count(*) AS n FROM totals GROUP BY evaluator_id
),
evaluator_stats AS (
  SELECT e.evaluator_id, e.mu, e.n,
         sqrt(sum((x.t - e.mu) * (x.t - e.mu) ORDER BY (x.t - e.mu) * (x.t - e.mu)) / e.n) AS sigma
  FROM evaluator_mean e JOIN totals x USING (evaluator_id)
  GROUP BY e.evaluator_id, e.mu, e.n
),
adjusted AS (
  -- §5.3: T' = μ + σ·(T − μ_e)/σ_e, or T − μ_e + μ when σ_e ≈ 0 or fewer than 2 evaluations.
  SELECT x.application_id, x.t,
         CASE WHEN e.n < 2 OR ${steps('e.sigma')} = 0 THEN x.t - e.mu + c.mu
              ELSE c.mu + (c.sigma * (x.t - e.mu)) / e.sigma END AS t_adj
  FROM totals x JOIN evaluator_stats e USING (evaluator_id) CROSS JOIN call_stats c
),
per_application AS (
  SELECT application_id,
         sum(t ORDER BY t) / count(*) AS raw_score,
         sum(t_adj ORDER BY t_adj) / count(*) AS normalized_score,
         count(*)::int AS evaluation_count,
         max(t) - min(t) AS spread
  FROM adjusted
  GROUP BY application_id
),
scored AS (
  SELECT p.application_id, p.raw_score, p.normalized_score,
         CASE WHEN call.normalization = 'zscore' THEN p.normalized_score ELSE p.raw_score END AS score,
         p.evaluation_count, p.spread,
         sqrt(sum((x.t - p.raw_score) * (x.t - p.raw_score) ORDER BY (x.t - p.raw_score) * (x.t - p.raw_score))
              / p.evaluation_count) AS std_dev,
         ${steps('p.spread')} > ${steps('call.threshold')} AS needs_moderation,
         app.status = 'submitted'
           AND COALESCE((app.eligibility_override->>'eligible')::boolean, (app.eligibility->>'eligible')::boolean, false)
           AS rankable,
         date_trunc('milliseconds', app.submitted_at) AS submitted_at
  FROM per_application p
  JOIN totals x USING (application_id)
  JOIN applications app ON app.id = p.application_id
  CROSS JOIN call
  GROUP BY p.application_id, p.raw_score, p.normalized_score, p.evaluation_count, p.spread,
           call.normalization, call.threshold, app.status, app.eligibility_override, app.eligibility, app.submitted_at
),
ranked AS (
  -- §5.6: ranks 1..n without gaps among rankable applications.
  SELECT s.*,
         CASE WHEN s.rankable THEN row_number() OVER (
           PARTITION BY s.rankable
           ORDER BY ${steps('s.score')} DESC, ${steps('s.raw_score')} DESC, s.submitted_at ASC, s.application_id ASC
         )::int END AS rank
  FROM scored s
),
deleted AS (
  DELETE FROM application_results r
  WHERE r.call_id = $1 AND NOT EXISTS (SELECT 1 FROM ranked k WHERE k.application_id = r.application_id)
),
upserted AS (
  INSERT INTO application_results AS r (application_id, call_id, raw_score, normalized_score, score,
    evaluation_count, spread, std_dev, needs_moderation, rank)
  SELECT application_id, $1, raw_score, normalized_score, score, evaluation_count, spread, std_dev, needs_moderation, rank
  FROM ranked
  ON CONFLICT (application_id) DO UPDATE SET
    call_id = EXCLUDED.call_id,
    raw_score = EXCLUDED.raw_score,
    normalized_score = EXCLUDED.normalized_score,
    score = EXCLUDED.score,
    evaluation_count = EXCLUDED.evaluation_count,
    spread = EXCLUDED.spread,
    std_dev = EXCLUDED.std_dev,
    needs_moderation = EXCLUDED.needs_moderation,
    rank = EXCLUDED.rank,
    computed_at = clock_timestamp()
  RETURNING 1
)
SELECT count(*)::int AS applications FROM upserted`;

/** Scores the whole call from its live facts. Returns one row, `applications`: the results written. */
export const SCORE_CALL_SQL = scoreFromTotals(evaluatorTotals());

/** Scores the call ($1) from the totals its run $2 staged; returns `applications` like SCORE_CALL_SQL. */
export const SCORE_CALL_FROM_RUN_SQL = scoreFromTotals(
  `SELECT application_id, evaluator_id, total AS t FROM scoring_run_totals WHERE run_id = $2`,
);

/**
 * Stages for run $2 the totals of the call's submitted evaluations (assignments) with ids from $3 to $4;
 * returns `totals` staged. Chunks are ranges of assignments, the key of criterion_scores, so each
 * chunk reads only its own scores.
 */
export const STAGE_RUN_TOTALS_SQL = `
WITH ${CALL_SETTINGS},
staged AS (
  INSERT INTO scoring_run_totals (run_id, assignment_id, application_id, evaluator_id, total)
  SELECT $2, assignment_id, application_id, evaluator_id, t
  FROM (${evaluatorTotals((column) => `${column} BETWEEN $3 AND $4`)}) totals
  RETURNING 1
)
SELECT count(*)::int AS totals FROM staged`;

/**
 * Splits the call's ($1) submitted evaluations, in id order, into chunks of $3 for run $2; returns the
 * chunks made, each with the evaluations it holds.
 */
export const PLAN_RUN_CHUNKS_SQL = `
WITH submitted AS (
  SELECT id, row_number() OVER (ORDER BY id) - 1 AS position
  FROM assignments WHERE call_id = $1 AND status = 'submitted'
)
INSERT INTO scoring_run_chunks (run_id, chunk, first_assignment_id, last_assignment_id, evaluations)
-- uuid has no min() or max(): the ends of each chunk come from its ordered ids.
SELECT $2, position / $3, (array_agg(id ORDER BY id))[1], (array_agg(id ORDER BY id DESC))[1], count(*)
FROM submitted
GROUP BY position / $3
RETURNING chunk, evaluations`;

/** T of every submitted evaluation of the call ($1), by application then assignment. */
export const EVALUATION_TOTALS_SQL = `
WITH ${CALL_SETTINGS}
SELECT application_id, evaluator_id, t FROM (${evaluatorTotals()}) totals
ORDER BY application_id, assignment_id`;
