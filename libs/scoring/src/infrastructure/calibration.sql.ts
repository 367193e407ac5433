/**
 * Calibrated scores (issue 16, docs/rules.md "Calibrated scores and rank uncertainty"). The fit is
 * TypeScript (../domain/calibration): these statements read a stage's totals in one ordered
 * statement and write what the fit found set-based, every id and figure passed as one array
 * (`unnest($n::uuid[], …)`), never a parameter per row. Each takes the call id as $1 and the stage as $2.
 */
import { RANK_AND_WRITE } from './scoring-aggregates.sql';
import { CALL_SETTINGS } from './scoring.sql';

/** The stage's kept totals, in the fit's order: `application_id`, `evaluator_id`, `total`. */
export const KEPT_TOTALS_OF_STAGE_SQL = `
SELECT application_id, evaluator_id, total FROM scoring_evaluation_totals
WHERE call_id = $1 AND stage = $2
ORDER BY application_id, evaluator_id`;

/**
 * Writes the calibrated score ($4, per application $3) as the normalised score and the score of each
 * stored result of the stage, the moderation flag and consensus score as RANK_STAGE_SQL
 * writes them, and the rank by §5.6 (RANK_OF_SCORED: the consensus score first where a moderator set
 * one). Only the results that changed are written. Returns `applications` (written, not among $5),
 * `unscored` (applications with a calibrated score but no result) and `ranking`, a digest of every
 * scored result's rank and consensus score, which with the totals says what a bootstrap was computed from.
 */
export const SCORE_CALIBRATED_SQL = `
WITH ${CALL_SETTINGS},
-- The calibrated score is the normalised score and the score.
normalized AS (
  SELECT c.application_id, c.score AS normalized_score
  FROM unnest($3::uuid[], $4::float8[]) AS c (application_id, score)
),
${RANK_AND_WRITE({
  joined: 'JOIN normalized n ON n.application_id = r.application_id',
  score: 'n.normalized_score',
  storedNormalized: 'n.normalized_score',
  storedScore: 'n.normalized_score',
})}
SELECT (SELECT count(*) FILTER (WHERE NOT application_id = ANY($5::uuid[])) FROM updated)::int AS applications,
       (SELECT count(*) FROM normalized)::int - (SELECT count(*) FROM scored)::int AS unscored,
       (SELECT md5(COALESCE(string_agg(application_id::text || ':' || COALESCE(rank::text, '-') || ':'
                     || COALESCE(consensus_score::text, '-'), ',' ORDER BY application_id), ''))
          FROM ranked) AS ranking`;

/**
 * Keeps the fit's facts for the stage: ridge $3, iterations $4, relative residual $5, components $6,
 * connected $7, evaluations $8, fingerprint $9, and each evaluator's ($10) bias ($11), component ($12)
 * and evaluations ($13); forgets the evaluators no longer in the fit. Rewrites only what changed.
 * Returns `uncertainty_fingerprint`: the fingerprint the stage's rank uncertainty was computed from
 * (null when none was).
 */
export const KEEP_CALIBRATION_SQL = `
WITH kept AS (
  INSERT INTO scoring_calibrations AS c (call_id, stage, ridge, iterations, relative_residual, components, connected,
    evaluations, fingerprint)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
  ON CONFLICT (call_id, stage) DO UPDATE SET
    ridge = EXCLUDED.ridge,
    iterations = EXCLUDED.iterations,
    relative_residual = EXCLUDED.relative_residual,
    components = EXCLUDED.components,
    connected = EXCLUDED.connected,
    evaluations = EXCLUDED.evaluations,
    fingerprint = EXCLUDED.fingerprint,
    fitted_at = clock_timestamp()
  WHERE (c.ridge, c.iterations, c.relative_residual, c.components, c.connected, c.evaluations, c.fingerprint)
    IS DISTINCT FROM (EXCLUDED.ridge, EXCLUDED.iterations, EXCLUDED.relative_residual, EXCLUDED.components,
      EXCLUDED.connected, EXCLUDED.evaluations, EXCLUDED.fingerprint)
  RETURNING 1
),
forgotten AS (
  DELETE FROM scoring_calibration_evaluators e
  WHERE e.call_id = $1 AND e.stage = $2 AND NOT e.evaluator_id = ANY($10::uuid[])
),
evaluators AS (
  INSERT INTO scoring_calibration_evaluators AS e (call_id, stage, evaluator_id, bias, component, evaluations)
  SELECT $1, $2, v.evaluator_id, v.bias, v.component, v.evaluations
  FROM unnest($10::uuid[], $11::float8[], $12::int[], $13::int[]) AS v (evaluator_id, bias, component, evaluations)
  ON CONFLICT (call_id, stage, evaluator_id) DO UPDATE SET
    bias = EXCLUDED.bias, component = EXCLUDED.component, evaluations = EXCLUDED.evaluations
  WHERE (e.bias, e.component, e.evaluations) IS DISTINCT FROM (EXCLUDED.bias, EXCLUDED.component, EXCLUDED.evaluations)
)
SELECT (SELECT uncertainty_fingerprint FROM scoring_calibrations WHERE call_id = $1 AND stage = $2)
  AS uncertainty_fingerprint`;

/** A stage without totals has no fit: its facts and rank uncertainty go (evaluators and uncertainty cascade). */
export const FORGET_CALIBRATION_SQL = `DELETE FROM scoring_calibrations WHERE call_id = $1 AND stage = $2`;

/**
 * What a bootstrap of the stage needs, read under the call's lock: the fit's `fingerprint` and
 * `uncertainty_fingerprint`, `uncertainty_cohort_size`, and `applications`: every scored result's
 * id, whether it is ranked, its consensus score and its submission time (to the millisecond, as
 * ranking compares it).
 */
export const BOOTSTRAP_FACTS_SQL = `
SELECT c.fingerprint, c.uncertainty_fingerprint, c.uncertainty_cohort_size,
       (SELECT COALESCE(jsonb_agg(jsonb_build_object(
                 'id', r.application_id, 'rankable', r.rank IS NOT NULL, 'consensusScore', r.consensus_score,
                 'submittedAt', date_trunc('milliseconds', app.submitted_at))), '[]')
          FROM application_results r
          JOIN applications_ranking_facts app ON app.application_id = r.application_id
         WHERE r.call_id = $1 AND r.stage = $2) AS applications
FROM scoring_calibrations c
WHERE c.call_id = $1 AND c.stage = $2`;

/**
 * Keeps the rank uncertainty of the stage computed from fingerprint $3, if the stage's fit is still
 * that one: seed $4, replicates $5, cohort size $6, and per application ($7) P(rank ≤ K) ($8), the
 * interval's bounds ($9, $10) and the mean rank ($11); the stage's other uncertainties go. Returns
 * `kept`: whether the fit was still the one computed from.
 */
export const KEEP_RANK_UNCERTAINTY_SQL = `
WITH current AS (
  UPDATE scoring_calibrations SET uncertainty_fingerprint = $3, uncertainty_seed = $4, uncertainty_replicates = $5,
    uncertainty_cohort_size = $6, uncertainty_computed_at = clock_timestamp()
  WHERE call_id = $1 AND stage = $2 AND fingerprint = $3
  RETURNING 1
),
forgotten AS (
  DELETE FROM scoring_rank_uncertainties u
  WHERE u.call_id = $1 AND u.stage = $2 AND EXISTS (SELECT 1 FROM current) AND NOT u.application_id = ANY($7::uuid[])
),
kept AS (
  INSERT INTO scoring_rank_uncertainties AS u (call_id, stage, application_id, probability_in_cohort, rank_lower,
    rank_upper, mean_rank)
  SELECT $1, $2, v.application_id, v.probability, v.lower, v.upper, v.mean_rank
  FROM unnest($7::uuid[], $8::float8[], $9::int[], $10::int[], $11::float8[])
    AS v (application_id, probability, lower, upper, mean_rank)
  WHERE EXISTS (SELECT 1 FROM current)
  ON CONFLICT (call_id, stage, application_id) DO UPDATE SET
    probability_in_cohort = EXCLUDED.probability_in_cohort, rank_lower = EXCLUDED.rank_lower,
    rank_upper = EXCLUDED.rank_upper, mean_rank = EXCLUDED.mean_rank
)
SELECT EXISTS (SELECT 1 FROM current) AS kept`;

/** The stage's fit as the statistics show it, with its uncertainty's facts; no row unless the stage is calibrated and fitted. */
export const CALIBRATION_OF_STAGE_SQL = `
SELECT ridge, iterations, relative_residual, components, connected, evaluations, fingerprint, fitted_at,
       uncertainty_fingerprint, uncertainty_seed::text AS uncertainty_seed, uncertainty_replicates,
       uncertainty_cohort_size, uncertainty_computed_at
FROM scoring_calibrations WHERE call_id = $1 AND stage = $2`;

/** Each evaluator's bias and component in the stage's fit. */
export const CALIBRATION_EVALUATORS_SQL = `
SELECT evaluator_id, bias, component, evaluations FROM scoring_calibration_evaluators
WHERE call_id = $1 AND stage = $2 ORDER BY evaluator_id`;

/** The stage's rank uncertainty, by point rank. */
export const RANK_UNCERTAINTIES_SQL = `
SELECT u.application_id, r.rank, r.score, u.probability_in_cohort, u.rank_lower, u.rank_upper, u.mean_rank
FROM scoring_rank_uncertainties u
JOIN scoring_results r ON r.application_id = u.application_id AND r.stage = u.stage
WHERE u.call_id = $1 AND u.stage = $2 AND r.rank IS NOT NULL
ORDER BY r.rank`;
