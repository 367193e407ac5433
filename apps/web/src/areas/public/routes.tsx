import i18n from 'i18next';
import type { Area } from '../../app/area';
import { CallPage, callLoader } from './CallPage';
import { CohortPage, cohortLoader } from './CohortPage';
import { CohortsPage, cohortsLoader } from './CohortsPage';
import { HomePage, homeLoader } from './HomePage';

/** What anyone may read: open calls and published cohorts. */
export const publicArea: Area = {
  routes: [
    { path: '/', loader: homeLoader, element: <HomePage /> },
    { path: '/calls/:callId', loader: callLoader, element: <CallPage /> },
    { path: '/cohorts', loader: cohortsLoader, element: <CohortsPage /> },
    { path: '/cohorts/:cohortId', loader: cohortLoader, element: <CohortPage /> },
  ],
  navigation: [
    { to: '/', label: () => i18n.t('nav.calls', { ns: 'public' }) },
    { to: '/cohorts', label: () => i18n.t('nav.cohorts', { ns: 'public' }) },
  ],
};
