import { api, ok } from '../../api/client';

/** The most requests an application's page shows; an application is rarely asked more than a handful. */
export const CLARIFICATIONS_PAGE = 100;

/** An application's requests as the reader may see them, oldest first. */
export function loadClarifications(applicationId: string) {
  return ok(
    api.GET('/api/v1/applications/{id}/clarifications', {
      params: { path: { id: applicationId }, query: { limit: CLARIFICATIONS_PAGE } },
    }),
  );
}

/** The panel asks only about a submitted application, and nothing changes once the cohort is published. */
export function mayAskAbout(applicationStatus: string, callStatus: string): boolean {
  return applicationStatus === 'submitted' && callStatus !== 'published' && callStatus !== 'archived';
}
