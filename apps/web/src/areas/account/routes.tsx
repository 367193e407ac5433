import i18n from 'i18next';
import type { Area } from '../../app/area';
import { NotificationsPage, notificationsLoader } from './NotificationsPage';
import { SignInPage, signInLoader } from './SignInPage';

/** What every user has: signing in and the inbox of notifications. */
export const accountArea: Area = {
  routes: [
    { path: '/sign-in', loader: signInLoader, element: <SignInPage /> },
    { path: '/notifications', loader: notificationsLoader, element: <NotificationsPage /> },
  ],
  navigation: [
    {
      to: '/notifications',
      label: () => i18n.t('nav.notifications'),
      roles: ['applicant', 'evaluator', 'secretariat', 'admin'],
    },
  ],
};
