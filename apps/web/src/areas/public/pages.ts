/**
 * The public pages past the home page (a call, the cohorts, the directory): one chunk, fetched on the first visit
 * to any of them (routes.tsx), with Mantine's whole sheet, of which the first page has only its
 * components' (app/first-styles.ts).
 */
import '@mantine/core/styles.layer.css';
export { CallPage, callLoader } from './CallPage';
export { CohortPage, cohortLoader } from './CohortPage';
export { CohortsPage, cohortsLoader } from './CohortsPage';
export { DirectoryPage, directoryLoader } from './DirectoryPage';
export { ProgrammePage, programmeLoader } from './ProgrammePage';
