import type { ContextTables } from '@app/platform';

/** The tables discussion owns; it grants no view. */
export const DISCUSSION_TABLES: ContextTables = {
  owns: ['discussion_posts', 'discussion_post_versions'],
  grants: {},
};
