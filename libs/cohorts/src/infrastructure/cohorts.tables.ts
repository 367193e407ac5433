import type { ContextTables } from '@app/platform';

/** The tables cohorts owns, and the views of them it grants to other contexts. */
export const COHORTS_TABLES: ContextTables = {
  owns: [
    'cohorts',
    'cohort_annexes',
    'stage_shortlists',
    'cohort_offers',
    'cohort_amendments',
    'agreement_terms',
    'cooperation_agreements',
    'agreement_signed_copies',
    'cohort_lottery_settings',
    'cohort_lottery_commitments',
    'session_allocations',
    'session_allocation_entries',
  ],
  grants: {
    // A call links to its published cohort (public pages of past calls).
    cohorts_published_by_call: ['calls'],
    // Only the applications a confirmed shortlist advances are assigned in the next stage.
    cohorts_stage_shortlisted: ['evaluation'],
  },
};
