import i18n from 'i18next';
import type { Area } from '../../app/area';
import { AssignmentPage, assignmentLoader } from './AssignmentPage';
import { AssignmentsPage, assignmentsLoader } from './AssignmentsPage';
import { ASSIGNMENTS_PATH } from './paths';

/** The evaluators' area: their assignments by call, and each assignment's application and scoring. */
export const evaluatorArea: Area = {
  routes: [
    { path: ASSIGNMENTS_PATH, loader: assignmentsLoader, element: <AssignmentsPage /> },
    { path: `${ASSIGNMENTS_PATH}/:assignmentId`, loader: assignmentLoader, element: <AssignmentPage /> },
  ],
  navigation: [
    { to: ASSIGNMENTS_PATH, label: () => i18n.t('nav.assignments', { ns: 'evaluator' }), roles: ['evaluator'] },
  ],
};
