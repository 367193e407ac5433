import i18n from 'i18next';
import { lazyArea, type Area } from '../../app/area';

const page = lazyArea('account', () => import('./pages'));

/** What every user has: signing in and the inbox of notifications. */
export const accountArea: Area = {
  namespace: 'account',
  routes: [
    { path: '/sign-in', lazy: page((p) => ({ loader: p.signInLoader, Component: p.SignInPage })) },
    { path: '/sso/complete', lazy: page((p) => ({ Component: p.SsoCompletePage })) },
    { path: '/forgot-password', lazy: page((p) => ({ Component: p.ForgotPasswordPage })) },
    { path: '/reset-password', lazy: page((p) => ({ Component: p.ResetPasswordPage })) },
    { path: '/accept-invitation', lazy: page((p) => ({ Component: p.AcceptInvitationPage })) },
    {
      path: '/account/password',
      lazy: page((p) => ({ loader: p.changePasswordLoader, Component: p.ChangePasswordPage })),
    },
    {
      path: '/notifications',
      lazy: page((p) => ({ loader: p.notificationsLoader, Component: p.NotificationsPage })),
    },
    {
      path: '/account/api-tokens',
      lazy: page((p) => ({ loader: p.apiTokensLoader, Component: p.ApiTokensPage })),
    },
    {
      path: '/account/sessions',
      lazy: page((p) => ({ loader: p.sessionsLoader, Component: p.SessionsPage })),
    },
  ],
  navigation: [
    {
      to: '/notifications',
      label: () => i18n.t('nav.notifications'),
      roles: ['applicant', 'evaluator', 'secretariat', 'admin'],
    },
    {
      to: '/account/sessions',
      label: () => i18n.t('nav.sessions'),
      roles: ['applicant', 'evaluator', 'secretariat', 'admin'],
    },
    {
      to: '/account/password',
      label: () => i18n.t('nav.password'),
      roles: ['applicant', 'evaluator', 'secretariat', 'admin'],
    },
    {
      to: '/account/api-tokens',
      label: () => i18n.t('nav.apiTokens'),
      roles: ['secretariat', 'admin'],
    },
  ],
};
