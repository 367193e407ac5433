import type { ContextTables } from '@app/platform';

/** The tables applications owns, and the views of them it grants to other contexts. */
export const APPLICATIONS_TABLES: ContextTables = {
  owns: [
    'applications',
    'documents',
    'application_reminders',
    'application_pseudonyms',
    'clarification_requests',
    'clarification_documents',
    'application_deadline_reminders',
  ],
  grants: {
    applications_ranking_facts: ['scoring'],
    applications_statistics_facts: ['scoring'],
    applications_organisations: ['scoring', 'cohorts', 'evaluation'],
    applications_selection_facts: ['cohorts'],
  },
};
