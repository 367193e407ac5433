import type { ContextTables } from '@app/platform';

/** The tables cohorts owns, and the views of them it grants to other contexts. */
export const COHORTS_TABLES: ContextTables = {
  owns: ['cohorts', 'cohort_annexes'],
  grants: {
    // A call links to its published cohort (public pages of past calls).
    cohorts_published_by_call: ['calls'],
  },
};
