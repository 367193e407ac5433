/**
 * The rank uncertainty of a weighted final ranking (issue 16; docs/rules.md "Calibrated scores and rank
 * uncertainty"), kept per call beside the stages' own.
 */

/**
 * What a final ranking's bootstrap depends on in the results, as two digests: `fits`, each given
 * stage's ($2) fit fingerprint, and `results`, every result of those stages (application, stage, rank,
 * score, consensus score). Read in a scoring's transaction, by the job and on each read.
 */
export const FINAL_RANKING_INPUTS_SQL = `
SELECT (SELECT COALESCE(string_agg(c.stage || '=' || c.fingerprint, ',' ORDER BY c.stage), '')
          FROM scoring_calibrations c WHERE c.call_id = $1 AND c.stage = ANY($2::int[])) AS fits,
       (SELECT md5(COALESCE(string_agg(concat_ws(':', r.application_id, r.stage, r.rank, r.score::text,
                 r.consensus_score::text), ',' ORDER BY r.stage, r.application_id), ''))
          FROM scoring_results r WHERE r.call_id = $1 AND r.stage = ANY($2::int[])) AS results`;

/** The results of the given stages ($2) the final ranking is made from: rank, score, consensus score. */
export const FINAL_RANKING_RESULTS_SQL = `
SELECT r.application_id, r.stage, r.rank, r.score, r.consensus_score
FROM scoring_results r
WHERE r.call_id = $1 AND r.stage = ANY($2::int[]) AND r.score IS NOT NULL
ORDER BY r.stage, r.application_id`;

/** The facts of the call's stored final-ranking uncertainty; no row before the first. */
export const FINAL_RANKING_UNCERTAINTY_OF_CALL_SQL = `
SELECT fingerprint, seeds, replicates, cohort_size, computed_at
FROM scoring_final_ranking_uncertainties WHERE call_id = $1`;

/**
 * Keeps the call's final-ranking uncertainty computed from fingerprint $2: seeds $3, replicates $4,
 * cohort size $5, and per application ($6) its final rank ($7), F ($8), P(rank ≤ K) ($9), interval ($10,
 * $11) and mean rank ($12); the call's other entries go. Rewrites only what changed.
 */
export const KEEP_FINAL_RANKING_UNCERTAINTY_SQL = `
WITH facts AS (
  INSERT INTO scoring_final_ranking_uncertainties AS f (call_id, fingerprint, seeds, replicates, cohort_size)
  VALUES ($1, $2, $3::jsonb, $4, $5)
  ON CONFLICT (call_id) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, seeds = EXCLUDED.seeds,
    replicates = EXCLUDED.replicates, cohort_size = EXCLUDED.cohort_size, computed_at = clock_timestamp()
  RETURNING 1
),
forgotten AS (
  DELETE FROM scoring_final_rank_uncertainties u WHERE u.call_id = $1 AND NOT u.application_id = ANY($6::uuid[])
)
INSERT INTO scoring_final_rank_uncertainties AS u (call_id, application_id, rank, score, probability_in_cohort,
  rank_lower, rank_upper, mean_rank)
SELECT $1, v.application_id, v.rank, v.score, v.probability, v.lower, v.upper, v.mean_rank
FROM unnest($6::uuid[], $7::int[], $8::float8[], $9::float8[], $10::int[], $11::int[], $12::float8[])
  AS v (application_id, rank, score, probability, lower, upper, mean_rank)
WHERE EXISTS (SELECT 1 FROM facts)
ON CONFLICT (call_id, application_id) DO UPDATE SET
  rank = EXCLUDED.rank, score = EXCLUDED.score, probability_in_cohort = EXCLUDED.probability_in_cohort,
  rank_lower = EXCLUDED.rank_lower, rank_upper = EXCLUDED.rank_upper, mean_rank = EXCLUDED.mean_rank
WHERE (u.rank, u.score, u.probability_in_cohort, u.rank_lower, u.rank_upper, u.mean_rank)
  IS DISTINCT FROM (EXCLUDED.rank, EXCLUDED.score, EXCLUDED.probability_in_cohort, EXCLUDED.rank_lower,
    EXCLUDED.rank_upper, EXCLUDED.mean_rank)`;

/** The call's stored final-ranking uncertainty, by final rank. */
export const FINAL_RANK_UNCERTAINTIES_SQL = `
SELECT application_id, rank, score, probability_in_cohort, rank_lower, rank_upper, mean_rank
FROM scoring_final_rank_uncertainties WHERE call_id = $1 ORDER BY rank`;
