import i18n from 'i18next';
import type { Area } from '../../app/area';
import { ApplicationPage, applicationLoader } from './ApplicationPage';
import { ApplyPage, applyAction, applyLoader } from './ApplyPage';
import { MyApplicationsPage, myApplicationsLoader } from './MyApplicationsPage';
import { OrganisationPage, organisationLoader } from './OrganisationPage';
import { RegisterPage, registerLoader } from './RegisterPage';

/** Candidate centres: an account, their organisation, their applications. */
export const applicantArea: Area = {
  routes: [
    { path: '/register', loader: registerLoader, element: <RegisterPage /> },
    { path: '/applicant/organisation', loader: organisationLoader, element: <OrganisationPage /> },
    { path: '/applicant/applications', loader: myApplicationsLoader, element: <MyApplicationsPage /> },
    { path: '/applicant/calls/:callId/apply', loader: applyLoader, action: applyAction, element: <ApplyPage /> },
    { path: '/applicant/applications/:applicationId', loader: applicationLoader, element: <ApplicationPage /> },
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
