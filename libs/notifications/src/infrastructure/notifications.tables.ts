import type { ContextTables } from '@app/platform';

/** The tables notifications owns; it grants no view. */
export const NOTIFICATIONS_TABLES: ContextTables = {
  owns: ['notifications'],
  grants: {},
};
