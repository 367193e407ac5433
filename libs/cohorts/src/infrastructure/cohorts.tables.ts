import type { ContextTables } from '@app/platform';

/** The tables cohorts owns; it grants no view. */
export const COHORTS_TABLES: ContextTables = {
  owns: ['cohorts', 'cohort_annexes'],
  grants: {},
};
