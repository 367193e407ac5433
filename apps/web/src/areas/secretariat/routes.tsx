import i18n from 'i18next';
import type { Area } from '../../app/area';
import { ApplicationPage, applicationLoader } from './applications/ApplicationPage';
import { ApplicationsPage, applicationsLoader } from './applications/ApplicationsPage';
import { STAFF } from './access';
import { CallBuilderPage, editCallLoader, newCallLoader } from './builder/CallBuilderPage';
import { CALL_ROUTE_ID, callLoader } from './call/call-route';
import { CallLayout } from './call/CallLayout';
import { OverviewPage, overviewLoader } from './call/OverviewPage';
import { CallsPage, callsLoader } from './calls/CallsPage';
import { cohortRoutes } from './cohorts/routes';
import { PanelPage, panelLoader } from './panel/PanelPage';
import { ScoringPage, scoringLoader } from './scoring/ScoringPage';

/** The secretariat's area: every call, a builder for new ones, and one call's sections. */
export const secretariatArea: Area = {
  routes: [
    { path: '/secretariat/calls', loader: callsLoader, element: <CallsPage /> },
    { path: '/secretariat/calls/new', loader: newCallLoader, element: <CallBuilderPage /> },
    {
      id: CALL_ROUTE_ID,
      path: '/secretariat/calls/:callId',
      loader: callLoader,
      element: <CallLayout />,
      children: [
        { index: true, loader: overviewLoader, element: <OverviewPage /> },
        { path: 'edit', loader: editCallLoader, element: <CallBuilderPage /> },
        { path: 'applications', loader: applicationsLoader, element: <ApplicationsPage /> },
        { path: 'applications/:applicationId', loader: applicationLoader, element: <ApplicationPage /> },
        { path: 'panel', loader: panelLoader, element: <PanelPage /> },
        { path: 'scoring', loader: scoringLoader, element: <ScoringPage /> },
        ...cohortRoutes,
      ],
    },
  ],
  navigation: [
    {
      to: '/secretariat/calls',
      label: () => i18n.t('nav.calls', { ns: 'secretariat' }),
      roles: STAFF,
    },
  ],
};
