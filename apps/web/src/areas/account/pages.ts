/**
 * The account area's pages: one chunk, fetched on the first visit to any of them (routes.tsx),
 * with Mantine's whole sheet, of which the first page has only its components' (app/first-styles.ts).
 */
import '@mantine/core/styles.layer.css';
export { AcceptInvitationPage } from './links/AcceptInvitationPage';
export { ChangePasswordPage, changePasswordLoader } from './links/ChangePasswordPage';
export { ForgotPasswordPage } from './links/ForgotPasswordPage';
export { ResetPasswordPage } from './links/ResetPasswordPage';
export { ApiTokensPage, apiTokensLoader } from './api-tokens/ApiTokensPage';
export { NotificationsPage, notificationsLoader } from './NotificationsPage';
export { SessionsPage, sessionsLoader } from './sessions/SessionsPage';
export { SignInPage, signInLoader } from './SignInPage';
export { SsoCompletePage } from './SsoCompletePage';
