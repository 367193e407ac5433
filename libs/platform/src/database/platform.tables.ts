import type { ContextTables } from './context-tables';

/** The tables the platform owns: the outbox, which every context writes through the platform's API only. */
export const PLATFORM_TABLES: ContextTables = {
  owns: ['outbox'],
  grants: {},
};
