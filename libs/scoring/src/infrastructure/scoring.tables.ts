import type { ContextTables } from '@app/platform';

/** The tables scoring owns, and the views of them it grants to other contexts. */
export const SCORING_TABLES: ContextTables = {
  owns: [
    'application_results',
    'scoring_stage_moments',
    'scoring_runs',
    'scoring_run_chunks',
    'scoring_run_totals',
    'scoring_evaluation_totals',
    'scoring_evaluator_moments',
    'scoring_total_counts',
    'scoring_call_definitions',
    'scoring_calibrations',
    'scoring_calibration_evaluators',
    'scoring_rank_uncertainties',
    'scoring_final_ranking_uncertainties',
    'scoring_final_rank_uncertainties',
  ],
  grants: {
    // The results as scoring reads them: application_results with the scores computed from the stage's moments.
    scoring_results: [],
    scoring_application_results: ['applications', 'cohorts'],
    // The queue shows each flagged application's figures and every evaluator's total.
    scoring_moderation_figures: ['moderation'],
    scoring_moderation_totals: ['moderation'],
  },
};
