import { useRouteLoaderData, type LoaderFunctionArgs } from 'react-router';
import { api, ok } from '../../../api/client';
import type { Call } from '../../../api/types';
import { requireStaff } from '../access';

/** The route of one call, whose sections (overview, applications, panel…) are its children. */
export const CALL_ROUTE_ID = 'secretariat-call';

export async function callLoader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const call = await ok(api.GET('/api/v1/calls/{id}', { params: { path: { id: params.callId ?? '' } } }));
  return { call };
}

/** The call every section of the call's pages shows, as its route loaded it. */
export function useCall(): Call {
  const data = useRouteLoaderData<typeof callLoader>(CALL_ROUTE_ID);
  if (!data) throw new Error('useCall outside the call route');
  return data.call;
}

export function callPath(callId: string, section = ''): string {
  return `/secretariat/calls/${encodeURIComponent(callId)}${section ? `/${section}` : ''}`;
}
