import type { ContextTables } from '@app/platform';

/** The tables identity owns, and the views of them it grants to other contexts. */
export const IDENTITY_TABLES: ContextTables = {
  owns: ['users', 'organisations', 'countries', 'refresh_tokens', 'account_links', 'api_tokens', 'user_identities'],
  grants: {
    identity_organisation_types: ['scoring'],
    identity_organisation_names: ['scoring', 'cohorts', 'applications', 'evaluation'],
    identity_country_names: ['cohorts'],
    identity_user_contacts: ['notifications'],
    identity_user_profiles: ['evaluation'],
    identity_user_names: ['applications', 'evaluation', 'discussion'],
    identity_staff_names: ['discussion'],
    identity_organisation_members: ['cohorts'],
  },
};
