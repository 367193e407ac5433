/**
 * The secretariat's pages: one chunk, fetched on the first visit to any of them (routes.tsx),
 * with Mantine's whole sheet, of which the first page has only its components' (app/first-styles.ts).
 */
import '@mantine/core/styles.layer.css';
export { ApplicationPage, applicationLoader } from './applications/ApplicationPage';
export { ApplicationsPage, applicationsLoader } from './applications/ApplicationsPage';
export { CallBuilderPage, editCallLoader, newCallLoader } from './builder/CallBuilderPage';
export { callLoader } from './call/call-route';
export { CallLayout } from './call/CallLayout';
export { OverviewPage, overviewLoader } from './call/OverviewPage';
export { CallsPage, callsLoader } from './calls/CallsPage';
export { ClarificationsPage, clarificationsLoader } from './clarifications/ClarificationsPage';
export { CohortPage, cohortLoader } from './cohorts/CohortPage';
export { CohortsPage, cohortsLoader } from './cohorts/CohortsPage';
export { InvitationsPage, invitationsLoader } from './invitations/InvitationsPage';
export { ModerationPage, moderationLoader } from './moderation/ModerationPage';
export { PanelPage, panelLoader } from './panel/PanelPage';
export { PeoplePage, peopleLoader } from './people/PeoplePage';
export { ProgressPage, progressLoader } from './progress/ProgressPage';
export { ScoringPage, scoringLoader } from './scoring/ScoringPage';
export { SessionsPage, sessionsLoader } from './sessions/SessionsPage';
export { ShortlistPage, shortlistLoader } from './stages/ShortlistPage';
