import type { Me, Role } from '../../api/types';
import { requireUser } from '../../app/guards';

/** Who may use the secretariat's pages: the secretariat, and administrators (who also manage users). */
export const STAFF: readonly Role[] = ['secretariat', 'admin'];

/** For every loader of the area: each runs in parallel with its parent's, so each checks for itself. */
export function requireStaff(request: Request): Promise<Me> {
  return requireUser(request, STAFF);
}
