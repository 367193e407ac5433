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
 * A call is scored stage by stage (review stages, issue 14): each stage from its own criteria, scale
 * and evaluations, into its own results. The statements take the call id as $1 and, those of one
 * stage, the stage as $2; each returns what its comment says. Other contexts' tables are read
 * through the views they grant scoring (calls_…, evaluation_…, applications_…).
 */
/** `resolutionSteps` of ../domain/statistics: the integer number of 1e-9 steps in a figure, which discrete outcomes compare. */
export const resolutionSteps = (expression: string): string => `floor((${expression}) / 1e-9::float8 + 0.5)`;

/** The scale and settings of the call's stage $2, as the CTE `call`. */
export const CALL_SETTINGS = `call AS (
  SELECT call_id AS id, stage, scale_min, scale_range, normalization, threshold
  FROM calls_scoring_settings
  WHERE call_id = $1 AND stage = $2
)`;

/** The scale and settings of every stage of the call, as the CTE `call` (a row per stage). */
const EVERY_STAGE_SETTINGS = `call AS (
  SELECT call_id AS id, stage, scale_min, scale_range, normalization, threshold
  FROM calls_scoring_settings
  WHERE call_id = $1
)`;

/** §5.1: one criterion's term w_c · (s_c − min)/(max − min), over a criterion score `cs`, its criterion `cr` and the `call`. */
const WEIGHTED_SCORE = 'cr.weight * ((cs.score::float8 - call.scale_min) / call.scale_range)';

/** §5.1: an evaluator's total T of one evaluation, over the rows of its criterion scores `cs` and criteria `cr`. */
export const TOTAL_OF_SCORES = `100 * (sum(${WEIGHTED_SCORE} ORDER BY cr.code COLLATE "C")
                / sum(cr.weight ORDER BY cr.code COLLATE "C"))`;

/**
 * T per submitted evaluation of the stages in `call` whose assignment id `inRange` keeps, from its
 * criterion scores and its stage's criteria. The range is stated on the scores' key too, so that a
 * chunk of a run reads only its own. The sums are windows over each evaluation's scores in code
 * order, as TOTAL_OF_SCORES sums them: one sort of the scores, where ordered aggregates sort each
 * evaluation's scores again.
 */
export const evaluatorTotals = (inRange: (column: string) => string = () => 'true') => `
  SELECT assignment_id, application_id, evaluator_id, version, stage, t FROM (
    SELECT a.assignment_id, a.application_id, a.evaluator_id, a.version, call.stage,
           100 * (sum(${WEIGHTED_SCORE}) OVER in_code_order / sum(cr.weight) OVER in_code_order) AS t,
           row_number() OVER in_code_order AS nth
    FROM call
    JOIN evaluation_assignment_states a ON a.call_id = call.id AND a.stage = call.stage AND a.status = 'submitted'
      AND ${inRange('a.assignment_id')}
    JOIN evaluation_criterion_scores cs ON cs.assignment_id = a.assignment_id AND ${inRange('cs.assignment_id')}
    JOIN calls_scoring_criteria cr ON cr.call_id = call.id AND cr.stage = call.stage AND cr.code = cs.criterion_code
    WINDOW in_code_order AS (PARTITION BY a.assignment_id ORDER BY cr.code COLLATE "C" ${WHOLE_PARTITION})
  ) scores
  WHERE nth = 1`;

/**
 * The moderator's current consensus score of the application `alias`.application_id in the `call`'s
 * stage, as the column consensus_score (null when none), read through moderation's view.
 */
export const CONSENSUS_OF = (alias: string) => `LEFT JOIN moderation_consensus_scores m
    ON m.application_id = ${alias}.application_id AND m.stage = call.stage`;

/**
 * §5.6 over a row `s` of scored applications: ranks 1..n without gaps among rankable ones, by the
 * ranking score (the consensus score where a moderator recorded one, the score otherwise; the pure
 * rankApplications orders alike), raw score, submission and id.
 */
export const RANK_OF_SCORED = `CASE WHEN s.rankable THEN row_number() OVER (
    PARTITION BY s.rankable
    ORDER BY ${resolutionSteps('COALESCE(s.consensus_score, s.score)')} DESC, ${resolutionSteps('s.raw_score')} DESC,
      s.submitted_at ASC, s.application_id ASC
  )::int END`;

/** A window over its whole partition: the aggregate reads the rows in the window's order, as `agg(x ORDER BY …)` does. */
export const WHOLE_PARTITION = 'ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING';

/**
 * §5.3 in parts (docs/rules.md "Normalised scores computed where read"): T' = μ + σ·z with
 * z = (T − μ_e)/σ_e for a total whose evaluator has at least 2 evaluations and σ_e not negligible,
 * T' = μ + c with c = T − μ_e for the others, so an application's normalised score, the mean of its
 * T', is μ + (σ·Σz + Σc)/n: the sums do not move with the stage's μ and σ, which move with every
 * submission. The columns z and c of one total `t` with its evaluator's moments (the other null).
 */
export const STANDARDIZED_PARTS = (t: string, mu: string, sigma: string, n: string): string => `
  CASE WHEN ${n} < 2 OR ${resolutionSteps(sigma)} = 0 THEN NULL ELSE (${t} - ${mu}) / ${sigma} END AS z,
  CASE WHEN ${n} < 2 OR ${resolutionSteps(sigma)} = 0 THEN ${t} - ${mu} END AS c`;

/** An application's parts over its rows of STANDARDIZED_PARTS: each sum in ascending order, 0 when empty. */
export const SUMS_OF_PARTS =
  'COALESCE(sum(z ORDER BY z), 0) AS standardized_sum, COALESCE(sum(c ORDER BY c), 0) AS centred_sum';

/**
 * The normalised score of a result `r` (its parts and evaluation count) with the stage's μ and σ:
 * μ + (σ·Σz + Σc)/n. The view scoring_results computes it so, operation for operation.
 */
export const normalizedFromParts = (mu: string, sigma: string, r: string): string =>
  `${mu} + (${sigma} * ${r}.standardized_sum + ${r}.centred_sum) / ${r}.evaluation_count`;

/**
 * The score a result `r` stores (a stage normalised by z-scores stores none: scoring_results computes
 * it from the parts; a raw one stores the raw score). A calibrated stage's scores are written over it.
 */
export const STORED_SCORE = (r: string): string =>
  `CASE WHEN call.normalization = 'zscore' THEN NULL::float8 ELSE ${r}.raw_score END`;

/**
 * §5.2–5.6 over the totals that `totalsQuery` yields (columns application_id, evaluator_id, t).
 *
 * Every mean and deviation is a window over the totals, never a join of the totals with their own
 * aggregates: a join's plan depends on row estimates, and stale statistics (a bulk load that
 * autovacuum has not analysed yet) make the planner take the totals for one row and nest loops
 * over them, quadratic in the applications (minutes at 40,000). Windows and sorts cost the same
 * whatever the estimates; the one join left, with `applications_ranking_facts`, is by primary key.
 */
const scoreFromTotals = (totalsQuery: string) => `
WITH ${CALL_SETTINGS},
totals AS (${totalsQuery}),
means AS (
  SELECT x.application_id, x.evaluator_id, x.t,
         sum(x.t) OVER (ORDER BY x.t ${WHOLE_PARTITION}) / count(*) OVER () AS call_mu,
         sum(x.t) OVER (PARTITION BY x.evaluator_id ORDER BY x.t ${WHOLE_PARTITION})
           / count(*) OVER (PARTITION BY x.evaluator_id) AS evaluator_mu,
         count(*) OVER (PARTITION BY x.evaluator_id) AS evaluator_n
  FROM totals x
),
deviations AS (
  SELECT m.*,
         sqrt(sum((m.t - m.call_mu) * (m.t - m.call_mu))
                OVER (ORDER BY (m.t - m.call_mu) * (m.t - m.call_mu) ${WHOLE_PARTITION})
              / count(*) OVER ()) AS call_sigma,
         sqrt(sum((m.t - m.evaluator_mu) * (m.t - m.evaluator_mu))
                OVER (PARTITION BY m.evaluator_id ORDER BY (m.t - m.evaluator_mu) * (m.t - m.evaluator_mu) ${WHOLE_PARTITION})
              / m.evaluator_n) AS evaluator_sigma
  FROM means m
),
adjusted AS (
  SELECT d.application_id, d.t, d.call_mu, d.call_sigma,
         ${STANDARDIZED_PARTS('d.t', 'd.evaluator_mu', 'd.evaluator_sigma', 'd.evaluator_n')},
         sum(d.t) OVER (PARTITION BY d.application_id ORDER BY d.t ${WHOLE_PARTITION})
           / count(*) OVER (PARTITION BY d.application_id) AS raw_score
  FROM deviations d
),
per_application AS (
  SELECT application_id, raw_score, call_mu, call_sigma, ${SUMS_OF_PARTS},
         count(*)::int AS evaluation_count,
         max(t) - min(t) AS spread,
         sqrt(sum((t - raw_score) * (t - raw_score) ORDER BY (t - raw_score) * (t - raw_score)) / count(*)) AS std_dev
  FROM adjusted
  GROUP BY application_id, raw_score, call_mu, call_sigma
),
scored AS (
  SELECT p.application_id, p.raw_score, p.standardized_sum, p.centred_sum,
         CASE WHEN call.normalization = 'zscore'
              THEN ${normalizedFromParts('p.call_mu', 'p.call_sigma', 'p')} ELSE p.raw_score END AS score,
         ${STORED_SCORE('p')} AS stored_score,
         p.evaluation_count, p.spread, p.std_dev,
         ${resolutionSteps('p.spread')} > ${resolutionSteps('call.threshold')} AS needs_moderation,
         m.consensus_score, app.rankable, app.submitted_at
  FROM per_application p
  JOIN applications_ranking_facts app ON app.application_id = p.application_id
  CROSS JOIN call
  ${CONSENSUS_OF('p')}
),
moments AS (
  INSERT INTO scoring_stage_moments AS m (call_id, stage, mu, sigma)
  SELECT $1, $2, call_mu, call_sigma FROM per_application LIMIT 1
  ON CONFLICT (call_id, stage) DO UPDATE SET mu = EXCLUDED.mu, sigma = EXCLUDED.sigma, computed_at = clock_timestamp()
  WHERE (m.mu, m.sigma) IS DISTINCT FROM (EXCLUDED.mu, EXCLUDED.sigma)
),
ranked AS (
  SELECT s.*, ${RANK_OF_SCORED} AS rank
  FROM scored s
),
-- A set difference, hashed or sorted: an anti-join of the results with the ranked applications, planned as one row, is quadratic.
unscored AS (
  SELECT application_id FROM application_results WHERE call_id = $1 AND stage = $2
  EXCEPT
  SELECT application_id FROM ranked
),
deleted AS (
  DELETE FROM application_results r USING unscored u WHERE r.application_id = u.application_id AND r.stage = $2
),
upserted AS (
  INSERT INTO application_results AS r (application_id, stage, call_id, raw_score, normalized_score, score,
    standardized_sum, centred_sum, evaluation_count, spread, std_dev, needs_moderation, consensus_score, rank)
  SELECT application_id, $2, $1, raw_score, NULL, stored_score, standardized_sum, centred_sum, evaluation_count, spread,
    std_dev, needs_moderation, consensus_score, rank
  FROM ranked
  ON CONFLICT (application_id, stage) DO UPDATE SET
    call_id = EXCLUDED.call_id,
    raw_score = EXCLUDED.raw_score,
    normalized_score = EXCLUDED.normalized_score,
    score = EXCLUDED.score,
    standardized_sum = EXCLUDED.standardized_sum,
    centred_sum = EXCLUDED.centred_sum,
    evaluation_count = EXCLUDED.evaluation_count,
    spread = EXCLUDED.spread,
    std_dev = EXCLUDED.std_dev,
    needs_moderation = EXCLUDED.needs_moderation,
    consensus_score = EXCLUDED.consensus_score,
    rank = EXCLUDED.rank,
    computed_at = clock_timestamp()
  RETURNING 1
)
SELECT count(*)::int AS applications FROM upserted`;

/** Scores the whole stage from its live facts. Returns one row, `applications`: the results written. */
export const SCORE_CALL_SQL = scoreFromTotals(evaluatorTotals());

/** The assignment ids of a run's chunk: from $3 (inclusive) to $4 (exclusive; no end when null). */
const inChunk = (column: string) => `${column} >= $3 AND ($4::uuid IS NULL OR ${column} < $4)`;

/**
 * Stages for run $2 the totals of the call's submitted evaluations (assignments), of every stage,
 * with ids from $3 (inclusive) to $4 (exclusive; no end when null) that differ from the call's kept
 * ones: a total computed otherwise (another version or value) or not kept, and, as a row without a
 * version, a kept total of no submitted evaluation. Returns `totals` staged. Chunks are ranges of
 * assignments, the key of criterion_scores and of the kept totals, so each chunk reads only its own
 * scores and totals; together their ranges cover every id, so that every kept total is compared. A
 * run that changes nothing stages nothing, and its finishing step has nothing to copy.
 */
export const STAGE_RUN_TOTALS_SQL = `
WITH ${EVERY_STAGE_SETTINGS},
live AS (${evaluatorTotals(inChunk)}),
kept AS (
  SELECT assignment_id, application_id, evaluator_id, assignment_version, stage, total
  FROM scoring_evaluation_totals
  WHERE call_id = $1 AND ${inChunk('assignment_id')}
),
staged AS (
  INSERT INTO scoring_run_totals (run_id, assignment_id, application_id, evaluator_id, assignment_version, stage, total)
  SELECT $2, COALESCE(l.assignment_id, k.assignment_id), COALESCE(l.application_id, k.application_id),
         COALESCE(l.evaluator_id, k.evaluator_id), l.version, COALESCE(l.stage, k.stage), COALESCE(l.t, k.total)
  FROM live l
  FULL JOIN kept k ON k.assignment_id = l.assignment_id
  WHERE (l.version, l.t) IS DISTINCT FROM (k.assignment_version, k.total)
  RETURNING 1
)
SELECT count(*)::int AS totals FROM staged`;

/**
 * Splits the call's ($1) submitted evaluations of every stage, in id order, into chunks of $3 for run $2; returns the
 * chunks made, each with the evaluations it holds.
 */
export const PLAN_RUN_CHUNKS_SQL = `
WITH submitted AS (
  SELECT assignment_id AS id, row_number() OVER (ORDER BY assignment_id) - 1 AS position, count(*) OVER () AS total
  FROM evaluation_assignment_states WHERE call_id = $1 AND status = 'submitted'
)
-- A chunk starts at its first id and ends before the next chunk's.
INSERT INTO scoring_run_chunks (run_id, chunk, first_assignment_id, evaluations)
SELECT $2, position / $3, id, least($3, total - position)
FROM submitted
WHERE position % $3 = 0
RETURNING chunk, evaluations`;

/** T of every submitted evaluation of the call's ($1) stage $2, by application then assignment. */
export const EVALUATION_TOTALS_SQL = `
WITH ${CALL_SETTINGS}
SELECT application_id, evaluator_id, t FROM (${evaluatorTotals()}) totals
ORDER BY application_id, assignment_id`;
