import type { ContextTables } from '@app/platform';

/** The tables audit owns; it grants no view. */
export const AUDIT_TABLES: ContextTables = {
  owns: ['audit_events'],
  grants: {},
};
