import { api, ok } from '../../../api/client';
import type { Organisation } from '../../../api/types';

/**
 * Applications name their organisation by id only, so a table of them reads each organisation once
 * (GET /organisations/:id) and keeps it for the session: organisations seldom change (their membership
 * category, which the secretariat sets here and then forgets the copy).
 */
const read = new Map<string, Promise<Organisation>>();

export function organisation(id: string): Promise<Organisation> {
  let pending = read.get(id);
  if (!pending) {
    pending = ok(api.GET('/api/v1/organisations/{id}', { params: { path: { id } } }));
    pending.catch(() => read.delete(id));
    read.set(id, pending);
  }
  return pending;
}

/** After a change (its membership category), the organisation is read again. */
export function forgetOrganisation(id: string): void {
  read.delete(id);
}

export async function organisationsOf(ids: string[]): Promise<Map<string, Organisation>> {
  const unique = [...new Set(ids)];
  const found = await Promise.all(unique.map((id) => organisation(id)));
  return new Map(found.map((o) => [o.id, o]));
}
