import i18n from 'i18next';
import type { Area } from '../../app/area';
import { AssignmentsPage, assignmentsLoader } from './AssignmentsPage';

/** The evaluators' area: their assignments (the scoring pages come with the evaluator issue). */
export const evaluatorArea: Area = {
  routes: [{ path: '/evaluator/assignments', loader: assignmentsLoader, element: <AssignmentsPage /> }],
  navigation: [
    { to: '/evaluator/assignments', label: () => i18n.t('nav.assignments', { ns: 'evaluator' }), roles: ['evaluator'] },
  ],
};
