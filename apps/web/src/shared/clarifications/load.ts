import { api, ok } from '../../api/client';
import { loadNamespace } from '../../i18n';

/** An application's page shows its requests this many at a time, the oldest first. */
export const CLARIFICATIONS_PAGE_SIZE = 20;
/** The query parameter of the page of requests shown, so that the back button returns to it. */
export const CLARIFICATIONS_PARAMETER = 'clarifications';

/** The page of an application's requests the address names (the first otherwise), as the reader may see them, with their texts. */
export async function loadClarifications(applicationId: string, request: Request) {
  const offset = Math.max(0, Number(new URL(request.url).searchParams.get(CLARIFICATIONS_PARAMETER)) || 0);
  const [page] = await Promise.all([
    ok(
      api.GET('/api/v1/applications/{id}/clarifications', {
        params: { path: { id: applicationId }, query: { limit: CLARIFICATIONS_PAGE_SIZE, offset } },
      }),
    ),
    loadNamespace('clarifications'),
  ]);
  return { ...page, offset };
}

/** The panel asks only about a submitted application, and nothing changes once the cohort is published. */
export function mayAskAbout(applicationStatus: string, callStatus: string): boolean {
  return applicationStatus === 'submitted' && callStatus !== 'published' && callStatus !== 'archived';
}
