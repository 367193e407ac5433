import type { components } from '../../../api/schema';
import type { Me, Role } from '../../../api/types';

export type Person = components['schemas']['UserListItemDto'];
export type HistoryEntry = components['schemas']['AccountHistoryEntryDto'];

export const PAGE_SIZE = 25;
export const ROLE_FILTERS = ['all', 'applicant', 'evaluator', 'secretariat', 'admin'] as const;
export const STATUS_FILTERS = ['all', 'active', 'inactive'] as const;

/** The columns the list sorts by (the API's `sort` keys); by name unless the address says otherwise. */
export const SORT_KEYS = ['name', 'email', 'role', 'status'] as const;
export const DEFAULT_SORT = 'name';
export const SORTS = SORT_KEYS.flatMap((key) => [key, `-${key}`] as const);

/** The fewest characters the page asks for in a reason (the API keeps it, and takes up to 1,000). */
export const MIN_REASON = 3;

/** What the viewer may do with a person's account, as the API's rules allow (it refuses the rest anyway). */
export function allowedActions(me: Me, person: Person): { changeRole: boolean; toggleActive: boolean } {
  if (me.id === person.id) return { changeRole: false, toggleActive: false };
  if (me.role !== 'admin' && person.role === 'admin') return { changeRole: false, toggleActive: false };
  return { changeRole: person.role !== 'applicant', toggleActive: true };
}

/** The roles the viewer may give a staff member: only an administrator grants the administrator role. */
export function grantableRoles(me: Me): Array<Exclude<Role, 'applicant'>> {
  return me.role === 'admin' ? ['evaluator', 'secretariat', 'admin'] : ['evaluator', 'secretariat'];
}
