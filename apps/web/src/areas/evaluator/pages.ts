/**
 * The evaluators' pages: one chunk, fetched on the first visit to any of them (routes.tsx),
 * with Mantine's whole sheet, of which the first page has only its components' (app/first-styles.ts).
 */
import '@mantine/core/styles.layer.css';
export { AssignmentPage, assignmentLoader } from './AssignmentPage';
export { AssignmentsPage, assignmentsLoader } from './AssignmentsPage';
export { ExpertisePage, expertiseLoader } from './expertise/ExpertisePage';
export { ChairModerationPage, chairModerationLoader } from './ChairModerationPage';
