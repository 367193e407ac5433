import type { RouteObject } from 'react-router';
import { CohortPage, cohortLoader } from './CohortPage';
import { CohortsPage, cohortsLoader } from './CohortsPage';

/** The call's cohorts section, as children of the call's route: the proposals, then one of them. */
export const cohortRoutes: RouteObject[] = [
  { path: 'cohorts', loader: cohortsLoader, element: <CohortsPage /> },
  { path: 'cohorts/:cohortId', loader: cohortLoader, element: <CohortPage /> },
];
