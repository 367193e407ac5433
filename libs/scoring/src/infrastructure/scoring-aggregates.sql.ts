/**
 * Incremental scoring over running aggregates (DESIGN.md §5.3): a rescoring recomputes the moments
 * of the evaluators whose kept totals changed, the call's μ and σ from its totals grouped by value
 * (../domain/call-moments), the figures of the applications whose totals changed, the parts of the
 * normalised scores of those applications and of every one the changed evaluators evaluated, then
 * ranks every application by its score, which moves with the moments, writing the ranks that changed
 * (the scores themselves are computed where read: the view scoring_results).
 * Every figure is computed by the same operations, in the same order, over the same values as in a
 * full run (./scoring.sql), so it is the same number bit for bit. As there, means are windows and
 * differences are set operations, never joins planned from row estimates that stale statistics
 * can make quadratic.
 *
 * Each statement takes the call id as $1 and the stage as $2: a stage's aggregates are its own.
 */
import { CHANGED_OF } from './incremental-scoring.sql';
import {
  CALL_SETTINGS,
  CONSENSUS_OF,
  RANK_OF_SCORED,
  STANDARDIZED_PARTS,
  STORED_SCORE,
  SUMS_OF_PARTS,
  WHOLE_PARTITION,
  normalizedFromParts,
  resolutionSteps,
} from './scoring.sql';

/** Evaluators of the stage: those in $3, or every one when $3 is null. */
const EVALUATORS_OF = (alias: string) =>
  `${alias}.call_id = $1 AND ${alias}.stage = $2 AND ($3::uuid[] IS NULL OR ${alias}.evaluator_id = ANY($3))`;

/** Forgets the moments of the evaluators $3 (every evaluator of the stage when null). */
export const FORGET_EVALUATOR_MOMENTS_SQL = `DELETE FROM scoring_evaluator_moments m WHERE ${EVALUATORS_OF('m')}`;

/**
 * Keeps the moments of the evaluators $3 (every evaluator of the stage when null) from their kept
 * totals, as a full run's windows per evaluator compute them: μ_e the ascending sum over the count,
 * σ_e two-pass over the squared deviations in ascending order. Evaluators with no total keep none.
 */
export const KEEP_EVALUATOR_MOMENTS_SQL = `
WITH means AS (
  SELECT t.evaluator_id, t.total AS t,
         sum(t.total) OVER (PARTITION BY t.evaluator_id ORDER BY t.total ${WHOLE_PARTITION})
           / count(*) OVER (PARTITION BY t.evaluator_id) AS mu,
         count(*) OVER (PARTITION BY t.evaluator_id) AS n
  FROM scoring_evaluation_totals t
  WHERE ${EVALUATORS_OF('t')}
)
INSERT INTO scoring_evaluator_moments (call_id, stage, evaluator_id, n, mu, sigma)
SELECT $1, $2, evaluator_id, n, mu, sqrt(sum((t - mu) * (t - mu) ORDER BY (t - mu) * (t - mu)) / n)
FROM means
GROUP BY evaluator_id, n, mu`;

/**
 * The stage's kept totals grouped by value (rows `total`, `count`), from which ../domain/call-moments
 * computes μ and σ: counts that triggers on the kept totals maintain, so no total is read again.
 */
export const TOTALS_BY_VALUE_SQL = `SELECT total, count FROM scoring_total_counts WHERE call_id = $1 AND stage = $2`;

/**
 * Brings up to date, from their kept totals, the figures of the applications $3 (every application
 * of the stage when null) that do not move with the moments: raw score, evaluation count, spread and
 * standard deviation (§5.2), computed as a full run computes them. A new result gets them without
 * the rest, which KEEP_APPLICATION_PARTS_SQL and RANK_STAGE_SQL then compute in the same transaction;
 * the results of those left without totals are deleted. Returns `written`: the applications whose
 * result was inserted or changed.
 */
export const KEEP_APPLICATION_FIGURES_SQL = `
WITH raw AS (
  SELECT x.application_id, x.total AS t,
         sum(x.total) OVER (PARTITION BY x.application_id ORDER BY x.total ${WHOLE_PARTITION})
           / count(*) OVER (PARTITION BY x.application_id) AS raw_score
  FROM scoring_evaluation_totals x
  WHERE x.call_id = $1 AND x.stage = $2 AND ($3::uuid[] IS NULL OR x.application_id = ANY($3))
),
figures AS (
  SELECT application_id, raw_score, count(*)::int AS evaluation_count, max(t) - min(t) AS spread,
         sqrt(sum((t - raw_score) * (t - raw_score) ORDER BY (t - raw_score) * (t - raw_score)) / count(*)) AS std_dev
  FROM raw
  GROUP BY application_id, raw_score
),
deleted AS (
  -- A set difference, then deletions by key: an anti-join with the figures, planned as one row, is quadratic.
  DELETE FROM application_results r
  WHERE r.stage = $2 AND r.application_id = ANY (ARRAY(
    SELECT application_id FROM application_results
    WHERE call_id = $1 AND stage = $2 AND ($3::uuid[] IS NULL OR application_id = ANY($3))
    EXCEPT
    SELECT application_id FROM figures))
),
written AS (
  INSERT INTO application_results AS r (application_id, stage, call_id, raw_score, normalized_score, score,
    evaluation_count, spread, std_dev, needs_moderation, rank)
  SELECT application_id, $2, $1, raw_score, NULL, NULL, evaluation_count, spread, std_dev, false, NULL
  FROM figures
  ON CONFLICT (application_id, stage) DO UPDATE SET
    call_id = EXCLUDED.call_id,
    raw_score = EXCLUDED.raw_score,
    evaluation_count = EXCLUDED.evaluation_count,
    spread = EXCLUDED.spread,
    std_dev = EXCLUDED.std_dev,
    computed_at = clock_timestamp()
  WHERE (r.raw_score, r.evaluation_count, r.spread, r.std_dev)
    IS DISTINCT FROM (EXCLUDED.raw_score, EXCLUDED.evaluation_count, EXCLUDED.spread, EXCLUDED.std_dev)
  RETURNING r.application_id
)
SELECT COALESCE(array_agg(application_id), '{}') AS written FROM written`;

/** What a rescoring ranks the stage's results by and what it stores, each an expression over a result `r` and `call`. */
interface RankedResults {
  /** Relations joined to the stored results `r` (each joined whole, on the application's id). */
  joined: string;
  /** The score ranked by (the consensus score comes first where there is one). */
  score: string;
  /** The normalised score and the score each result stores (null where scoring_results computes them). */
  storedNormalized: string;
  storedScore: string;
}

/**
 * The CTEs `scored`, `ranked` and `updated` of a rescoring, after the CTE `call` (CALL_SETTINGS):
 * each stored result of the stage is ranked by `score` (§5.6), gets the moderation flag (§5.5), the
 * moderator's consensus score and the stored scores given; only the results that changed are written
 * (an update locks only the rows it changes). `updated` returns the ids written.
 *
 * Every join here reads the stage's rows whole: run it without nested loops (withoutNestedLoops), so
 * that each is a hash or merge join, linear whatever the row estimates. A nested loop planned on
 * stale statistics is quadratic, and even one by key, 100,000 probes, took most of a large call's time.
 */
export const RANK_AND_WRITE = (results: RankedResults) => `scored AS (
  SELECT r.application_id, r.raw_score, r.evaluation_count, ${results.score} AS score,
         ${results.storedNormalized} AS stored_normalized, ${results.storedScore} AS stored_score,
         ${resolutionSteps('r.spread')} > ${resolutionSteps('call.threshold')} AS needs_moderation,
         m.consensus_score, app.rankable, app.submitted_at
  FROM application_results r
  ${results.joined}
  JOIN applications_ranking_facts app ON app.application_id = r.application_id AND app.call_id = $1
  CROSS JOIN call
  ${CONSENSUS_OF('r')}
  WHERE r.call_id = $1 AND r.stage = $2
),
ranked AS (
  SELECT s.application_id, s.stored_normalized, s.stored_score, s.needs_moderation, s.consensus_score,
         ${RANK_OF_SCORED} AS rank
  FROM scored s
),
updated AS (
  UPDATE application_results r SET
    normalized_score = k.stored_normalized,
    score = k.stored_score,
    needs_moderation = k.needs_moderation,
    consensus_score = k.consensus_score,
    rank = k.rank,
    computed_at = clock_timestamp()
  FROM ranked k
  WHERE r.application_id = k.application_id AND r.call_id = $1 AND r.stage = $2
    AND (r.normalized_score, r.score, r.needs_moderation, r.consensus_score, r.rank)
      IS DISTINCT FROM (k.stored_normalized, k.stored_score, k.needs_moderation, k.consensus_score, k.rank)
  RETURNING r.application_id
)`;

/**
 * Brings up to date the parts of the normalised score (./scoring.sql STANDARDIZED_PARTS) of the
 * applications $3 and of every application an evaluator in $4 evaluated (every application of the
 * stage when $3 is null), from their kept totals and their evaluators' kept moments, as a full run
 * computes them. Returns `written`: the applications whose parts changed.
 *
 * The totals are read by key (the applications' ids as one array, on the kept totals' index), and the
 * joins are to run without nested loops (withoutNestedLoops): on stale statistics a nested loop
 * over the stage's results per part is quadratic.
 */
export const KEEP_APPLICATION_PARTS_SQL = `
WITH standardized AS (
  SELECT x.application_id, ${STANDARDIZED_PARTS('x.total', 'e.mu', 'e.sigma', 'e.n')}
  FROM scoring_evaluation_totals x
  JOIN scoring_evaluator_moments e ON e.call_id = $1 AND e.stage = $2 AND e.evaluator_id = x.evaluator_id
  WHERE x.call_id = $1 AND x.stage = $2
    AND ($3::uuid[] IS NULL OR x.application_id = ANY (ARRAY(
      SELECT unnest($3::uuid[])
      UNION
      SELECT application_id FROM scoring_evaluation_totals
      WHERE call_id = $1 AND stage = $2 AND evaluator_id = ANY($4::uuid[]))))
),
parts AS (
  SELECT application_id, ${SUMS_OF_PARTS} FROM standardized GROUP BY application_id
),
written AS (
  UPDATE application_results r SET
    standardized_sum = p.standardized_sum,
    centred_sum = p.centred_sum,
    computed_at = clock_timestamp()
  FROM parts p
  WHERE r.application_id = p.application_id AND r.call_id = $1 AND r.stage = $2
    AND (r.standardized_sum, r.centred_sum) IS DISTINCT FROM (p.standardized_sum, p.centred_sum)
  RETURNING r.application_id
)
SELECT COALESCE(array_agg(application_id), '{}') AS written FROM written`;

/** Keeps the stage's moments μ ($3) and σ ($4), from which scoring_results computes its normalised scores. */
export const KEEP_STAGE_MOMENTS_SQL = `
INSERT INTO scoring_stage_moments AS m (call_id, stage, mu, sigma) VALUES ($1, $2, $3, $4)
ON CONFLICT (call_id, stage) DO UPDATE SET mu = EXCLUDED.mu, sigma = EXCLUDED.sigma, computed_at = clock_timestamp()
WHERE (m.mu, m.sigma) IS DISTINCT FROM (EXCLUDED.mu, EXCLUDED.sigma)`;

/**
 * Ranks every result of the stage by its score, computed from its parts and the stage's moments μ
 * ($3) and σ ($4) as scoring_results computes it, and writes what moves with the moments and the
 * settings and is stored: the moderation flag (§5.5), the moderator's consensus score, the rank
 * (§5.6), and the score a raw stage stores (none for a z-score stage). Only the results that changed
 * are written: a submission moves the scores of every result, the ranks of a few. Returns
 * `applications`: those written that are not among $5 (written already), and `unscored`: how many of
 * the stage's $6 kept totals no result counts (none unless results were deleted or rewritten behind
 * scoring's back: each result's evaluation count is its application's count of kept totals). Run
 * it without nested loops, as RANK_AND_WRITE says.
 */
export const RANK_STAGE_SQL = `
WITH ${CALL_SETTINGS},
${RANK_AND_WRITE({
  joined: '',
  score: `CASE WHEN call.normalization = 'zscore' THEN ${normalizedFromParts('$3::float8', '$4::float8', 'r')}
              ELSE r.raw_score END`,
  storedNormalized: 'NULL::float8',
  storedScore: STORED_SCORE('r'),
})}
SELECT (SELECT count(*) FILTER (WHERE NOT application_id = ANY($5::uuid[])) FROM updated)::int AS applications,
       $6::int - (SELECT COALESCE(sum(evaluation_count), 0) FROM scored)::int AS unscored`;

/**
 * Forgets the stage's kept totals that a full run ($3) staged otherwise (another version or total,
 * or none); returns `forgotten`, and the `applications` and `evaluators` they were of. The run
 * staged only what differed, so this reads a few rows, each by the kept totals' key.
 */
export const FORGET_TOTALS_STAGED_BY_RUN_SQL = `
WITH forgotten AS (
  DELETE FROM scoring_evaluation_totals t USING scoring_run_totals s
  WHERE s.run_id = $3 AND s.stage = $2 AND t.assignment_id = s.assignment_id AND t.call_id = $1 AND t.stage = $2
    AND (t.assignment_version, t.total) IS DISTINCT FROM (s.assignment_version, s.total)
  RETURNING t.application_id, t.evaluator_id
)
${CHANGED_OF('forgotten')}`;

/**
 * Keeps the totals of run $3 in stage $2 that the call ($1) has no kept total for; returns `kept`,
 * and their `applications` and `evaluators`.
 */
export const KEEP_RUN_TOTALS_SQL = `
WITH kept AS (
  INSERT INTO scoring_evaluation_totals (assignment_id, call_id, stage, application_id, evaluator_id, assignment_version, total)
  SELECT s.assignment_id, $1, $2, s.application_id, s.evaluator_id, s.assignment_version, s.total
  FROM scoring_run_totals s
  WHERE s.run_id = $3 AND s.stage = $2 AND s.assignment_version IS NOT NULL
  -- The key skips the kept ones: no join whose plan rests on the totals' statistics, stale after a load.
  ON CONFLICT (assignment_id) DO NOTHING
  RETURNING application_id, evaluator_id
)
${CHANGED_OF('kept')}`;
