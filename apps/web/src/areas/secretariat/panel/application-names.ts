import { api, ok } from '../../../api/client';
import { organisationsOf } from '../applications/organisations';

/** The API keeps at most this many items a page: more than a call's submitted applications. */
const MAX_PAGE = 500;

/**
 * The organisation's name of each submitted application of the call, by application id: the
 * panel's pages name applications (conflicts, slots left open) as people know them.
 */
export async function applicationNames(callId: string): Promise<Map<string, string>> {
  const page = await ok(
    api.GET('/api/v1/calls/{id}/applications', {
      params: { path: { id: callId }, query: { status: 'submitted', limit: MAX_PAGE } },
    }),
  );
  const organisations = await organisationsOf(page.items.map((a) => a.organisationId));
  return new Map(page.items.map((a) => [a.id, organisations.get(a.organisationId)?.name ?? a.organisationId] as const));
}
