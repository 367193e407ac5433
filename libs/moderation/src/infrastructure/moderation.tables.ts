import type { ContextTables } from '@app/platform';

/** The tables moderation owns, and the views of them it grants to other contexts. */
export const MODERATION_TABLES: ContextTables = {
  owns: ['moderation_chairs', 'moderation_additions', 'moderation_resolutions'],
  grants: {
    // The ranking is by the consensus score where a moderator recorded one.
    moderation_consensus_scores: ['scoring'],
    // The chair sees the evaluators' names in an application's discussion.
    moderation_call_chairs: ['discussion'],
  },
};
