import type { ContextTables } from '@app/platform';

/** The tables evaluation owns, and the views of them it grants to other contexts. */
export const EVALUATION_TABLES: ContextTables = {
  owns: [
    'panel_members',
    'stage_panel_members',
    'conflicts',
    'assignments',
    'criterion_scores',
    'evaluator_reminders',
    'evaluation_due_reminders',
    'evaluator_expertise',
  ],
  grants: {
    evaluation_assignment_states: ['scoring', 'discussion', 'applications'],
    evaluation_criterion_scores: ['scoring'],
    evaluation_submitted_evaluations: ['applications', 'cohorts'],
    evaluation_criterion_feedback: ['applications'],
  },
};
