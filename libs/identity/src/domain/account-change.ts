import type { AuthUser, Role } from '@app/platform/auth/auth.types';
import { DomainError, ForbiddenError, InvalidTransitionError, ValidationError } from '@app/platform/errors';
import { User } from './user';

/** What the secretariat may change of an account: its role among the staff roles, and whether it is active. */
export interface AccountChange {
  role?: Extract<Role, 'evaluator' | 'secretariat' | 'admin'>;
  active?: boolean;
}

/**
 * Why the actor may not make the change, if it may not: no one changes its own account (an admin
 * cannot lock itself out), only an admin touches an admin or grants the role, and an applicant,
 * who belongs to an organisation, does not become staff.
 */
export function accountChangeRefusal(actor: AuthUser, target: User, change: AccountChange): DomainError | undefined {
  if (change.role === undefined && change.active === undefined) {
    return new ValidationError([{ field: 'role', message: 'role or active must be given' }]);
  }
  if (actor.id === target.id) return new ForbiddenError('You cannot change your own role or deactivate yourself.');
  if (actor.role !== 'admin' && (target.role === 'admin' || change.role === 'admin')) {
    return new ForbiddenError('Only an administrator can change an administrator’s account or grant the role.');
  }
  if (target.role === 'applicant' && change.role !== undefined) {
    return new InvalidTransitionError('user', 'an applicant', 'given a staff role');
  }
  return undefined;
}
