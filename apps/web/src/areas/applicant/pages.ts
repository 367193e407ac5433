/**
 * The applicants' pages: one chunk, fetched on the first visit to any of them (routes.tsx),
 * with Mantine's whole sheet, of which the first page has only its components' (app/first-styles.ts).
 */
import '@mantine/core/styles.layer.css';
export { ApplicationPage, applicationLoader } from './ApplicationPage';
export { ApplyPage, applyAction, applyLoader } from './ApplyPage';
export { MyApplicationsPage, myApplicationsLoader } from './MyApplicationsPage';
export { OrganisationPage, organisationLoader } from './OrganisationPage';
export { RegisterPage, registerLoader } from './RegisterPage';
export { TeamPage, teamLoader } from './TeamPage';
export { VerifyEmailPage } from './VerifyEmailPage';
