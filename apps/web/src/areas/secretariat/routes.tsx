import i18n from 'i18next';
import { lazyArea, type Area } from '../../app/area';
import { STAFF } from './access';
import { CALL_ROUTE_ID } from './call/call-route';

const page = lazyArea('secretariat', () => import('./pages'));

/** The secretariat's area: every call, a builder for new ones, and one call's sections. */
export const secretariatArea: Area = {
  namespace: 'secretariat',
  routes: [
    { path: '/secretariat/calls', lazy: page((p) => ({ loader: p.callsLoader, Component: p.CallsPage })) },
    { path: '/secretariat/people', lazy: page((p) => ({ loader: p.peopleLoader, Component: p.PeoplePage })) },
    {
      path: '/secretariat/invitations',
      lazy: page((p) => ({ loader: p.invitationsLoader, Component: p.InvitationsPage })),
    },
    {
      path: '/secretariat/calls/new',
      lazy: page((p) => ({ loader: p.newCallLoader, Component: p.CallBuilderPage })),
    },
    {
      id: CALL_ROUTE_ID,
      path: '/secretariat/calls/:callId',
      lazy: page((p) => ({ loader: p.callLoader, Component: p.CallLayout })),
      children: [
        { index: true, lazy: page((p) => ({ loader: p.overviewLoader, Component: p.OverviewPage })) },
        { path: 'edit', lazy: page((p) => ({ loader: p.editCallLoader, Component: p.CallBuilderPage })) },
        {
          path: 'applications',
          lazy: page((p) => ({ loader: p.applicationsLoader, Component: p.ApplicationsPage })),
        },
        {
          path: 'applications/:applicationId',
          lazy: page((p) => ({ loader: p.applicationLoader, Component: p.ApplicationPage })),
        },
        { path: 'panel', lazy: page((p) => ({ loader: p.panelLoader, Component: p.PanelPage })) },
        {
          path: 'clarifications',
          lazy: page((p) => ({ loader: p.clarificationsLoader, Component: p.ClarificationsPage })),
        },
        { path: 'progress', lazy: page((p) => ({ loader: p.progressLoader, Component: p.ProgressPage })) },
        { path: 'scoring', lazy: page((p) => ({ loader: p.scoringLoader, Component: p.ScoringPage })) },
        {
          path: 'moderation',
          lazy: page((p) => ({ loader: p.moderationLoader, Component: p.ModerationPage })),
        },
        {
          path: 'stages/:stage/shortlist',
          lazy: page((p) => ({ loader: p.shortlistLoader, Component: p.ShortlistPage })),
        },
        { path: 'sessions', lazy: page((p) => ({ loader: p.sessionsLoader, Component: p.SessionsPage })) },
        { path: 'cohorts', lazy: page((p) => ({ loader: p.cohortsLoader, Component: p.CohortsPage })) },
        {
          path: 'cohorts/:cohortId',
          lazy: page((p) => ({ loader: p.cohortLoader, Component: p.CohortPage })),
        },
      ],
    },
  ],
  navigation: [
    {
      to: '/secretariat/calls',
      label: () => i18n.t('nav.calls', { ns: 'secretariat' }),
      roles: STAFF,
    },
    {
      to: '/secretariat/people',
      label: () => i18n.t('nav.people', { ns: 'secretariat' }),
      roles: STAFF,
    },
    {
      to: '/secretariat/invitations',
      label: () => i18n.t('nav.invitations', { ns: 'secretariat' }),
      roles: STAFF,
    },
  ],
};
