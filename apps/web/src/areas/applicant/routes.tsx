import i18n from 'i18next';
import { lazyArea, type Area } from '../../app/area';

const page = lazyArea('applicant', () => import('./pages'));

/** Candidate centres: an account, their organisation, their applications. */
export const applicantArea: Area = {
  namespace: 'applicant',
  routes: [
    { path: '/register', lazy: page((p) => ({ loader: p.registerLoader, Component: p.RegisterPage })) },
    {
      path: '/applicant/organisation',
      lazy: page((p) => ({ loader: p.organisationLoader, Component: p.OrganisationPage })),
    },
    {
      path: '/applicant/organisation/team',
      lazy: page((p) => ({ loader: p.teamLoader, Component: p.TeamPage })),
    },
    { path: '/verify-email', lazy: page((p) => ({ Component: p.VerifyEmailPage })) },
    {
      path: '/applicant/applications',
      lazy: page((p) => ({ loader: p.myApplicationsLoader, Component: p.MyApplicationsPage })),
    },
    {
      path: '/applicant/calls/:callId/apply',
      lazy: page((p) => ({ loader: p.applyLoader, action: p.applyAction, Component: p.ApplyPage })),
    },
    {
      path: '/applicant/applications/:applicationId',
      lazy: page((p) => ({ loader: p.applicationLoader, Component: p.ApplicationPage })),
    },
  ],
  navigation: [
    {
      to: '/applicant/applications',
      label: () => i18n.t('nav.applications', { ns: 'applicant' }),
      roles: ['applicant'],
    },
    {
      to: '/applicant/organisation',
      label: () => i18n.t('nav.organisation', { ns: 'applicant' }),
      roles: ['applicant'],
    },
  ],
};
