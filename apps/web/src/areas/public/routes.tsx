import i18n from 'i18next';
import { lazyArea, type Area } from '../../app/area';
import { HomePage, homeLoader } from './HomePage';

const page = lazyArea('public', () => import('./pages'));

/**
 * What anyone may read: open calls, published cohorts and the network's directory. The home page, where visitors land, is
 * in the first chunk; the other pages in the area's own.
 */
export const publicArea: Area = {
  namespace: 'public',
  routes: [
    { path: '/', loader: homeLoader, element: <HomePage /> },
    { path: '/calls/:callId', lazy: page((p) => ({ loader: p.callLoader, Component: p.CallPage })) },
    {
      path: '/calls/:callId/programme',
      lazy: page((p) => ({ loader: p.programmeLoader, Component: p.ProgrammePage })),
    },
    { path: '/cohorts', lazy: page((p) => ({ loader: p.cohortsLoader, Component: p.CohortsPage })) },
    { path: '/cohorts/:cohortId', lazy: page((p) => ({ loader: p.cohortLoader, Component: p.CohortPage })) },
    { path: '/directory', lazy: page((p) => ({ loader: p.directoryLoader, Component: p.DirectoryPage })) },
  ],
  navigation: [
    { to: '/', label: () => i18n.t('nav.calls', { ns: 'public' }) },
    { to: '/cohorts', label: () => i18n.t('nav.cohorts', { ns: 'public' }) },
    { to: '/directory', label: () => i18n.t('nav.directory', { ns: 'public' }) },
  ],
};
