import type { ContextTables } from '@app/platform';

/** The tables calls owns, and the views of them it grants to other contexts. */
export const CALLS_TABLES: ContextTables = {
  owns: ['calls', 'criteria', 'questions', 'call_stages', 'call_translations', 'call_sessions'],
  grants: {
    calls_scoring_settings: ['scoring'],
    calls_scoring_criteria: ['scoring'],
    calls_criterion_titles: ['applications'],
    calls_review_stages: ['cohorts'],
    calls_evaluation_due_dates: ['evaluation'],
    calls_submission_deadlines: ['applications'],
    calls_for_applications: ['applications'],
    calls_evaluation_forms: ['evaluation'],
  },
};
