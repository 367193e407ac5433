import i18n from 'i18next';
import { lazyArea, type Area } from '../../app/area';
import { ASSIGNMENTS_PATH, EXPERTISE_PATH, chairModerationPath } from './paths';

const page = lazyArea('evaluator', () => import('./pages'));

/**
 * The evaluators' area: their assignments by call, their expertise per call, each assignment's application and scoring, and the
 * moderation queue of a call the evaluator chairs.
 */
export const evaluatorArea: Area = {
  namespace: 'evaluator',
  routes: [
    {
      path: ASSIGNMENTS_PATH,
      lazy: page((p) => ({ loader: p.assignmentsLoader, Component: p.AssignmentsPage })),
    },
    {
      path: `${ASSIGNMENTS_PATH}/:assignmentId`,
      lazy: page((p) => ({ loader: p.assignmentLoader, Component: p.AssignmentPage })),
    },
    {
      path: EXPERTISE_PATH,
      lazy: page((p) => ({ loader: p.expertiseLoader, Component: p.ExpertisePage })),
    },
    {
      path: chairModerationPath(':callId'),
      lazy: page((p) => ({ loader: p.chairModerationLoader, Component: p.ChairModerationPage })),
    },
  ],
  navigation: [
    { to: ASSIGNMENTS_PATH, label: () => i18n.t('nav.assignments', { ns: 'evaluator' }), roles: ['evaluator'] },
    { to: EXPERTISE_PATH, label: () => i18n.t('nav.expertise', { ns: 'evaluator' }), roles: ['evaluator'] },
  ],
};
