import type { AuthUser, Role } from '@app/platform/auth/auth.types';
import {
  DomainError,
  ForbiddenError,
  InvalidTransitionError,
  ValidationError,
  problemDetail,
} from '@app/platform/errors';
import { AccountInvitedError, LastAdminError } from './account.errors';
import { IDENTITY_DETAILS } from './identity.errors';
import { User } from './user';

/** What the secretariat may change of an account: its role among the staff roles, and whether it is active. */
export interface AccountChange {
  role?: Extract<Role, 'evaluator' | 'secretariat' | 'admin'>;
  active?: boolean;
}

/** Longest reason kept with a change of an account. */
export const MAX_ACCOUNT_CHANGE_REASON_LENGTH = 1000;

/** What the platform knows beyond the two accounts when it judges a change. */
export interface AccountChangeContext {
  /** Active administrators, the target included when it is one. */
  activeAdmins: number;
}

/**
 * Why the actor may not make the change, if it may not: no one changes its own account (an admin
 * cannot lock itself out), only an admin touches an admin or grants the role, an applicant, who
 * belongs to an organisation, does not become staff, an invited account is activated only by accepting
 * (it has no password yet), and the last active administrator stays one.
 */
export function accountChangeRefusal(
  actor: AuthUser,
  target: User,
  change: AccountChange,
  context: AccountChangeContext = { activeAdmins: Number.POSITIVE_INFINITY },
): DomainError | undefined {
  if (change.role === undefined && change.active === undefined) {
    return new ValidationError([{ field: 'role', message: 'role or active must be given' }]);
  }
  if (actor.id === target.id) return new ForbiddenError(problemDetail(IDENTITY_DETAILS.OWN_ACCOUNT));
  if (actor.role !== 'admin' && (target.role === 'admin' || change.role === 'admin')) {
    return new ForbiddenError(problemDetail(IDENTITY_DETAILS.ADMIN_ONLY));
  }
  if (target.invited && change.active === true) return new AccountInvitedError();
  if (target.role === 'applicant' && change.role !== undefined) {
    return new InvalidTransitionError('user', 'an applicant', 'given a staff role');
  }
  if (removesAnAdmin(target, change) && context.activeAdmins <= 1) return new LastAdminError();
  return undefined;
}

/** True when the change leaves one active administrator fewer. */
export function removesAnAdmin(target: User, change: AccountChange): boolean {
  if (target.role !== 'admin' || !target.active) return false;
  return change.active === false || (change.role !== undefined && change.role !== 'admin');
}

/** What the change actually changes of the account: the fields whose value differs, nothing for a no-op. */
export function accountChangeEffect(target: User, change: AccountChange): AccountChange {
  return {
    ...(change.role !== undefined && change.role !== target.role ? { role: change.role } : {}),
    ...(change.active !== undefined && change.active !== target.active ? { active: change.active } : {}),
  };
}

/** A reason as kept: trimmed, nothing when blank. */
export function normaliseReason(reason: string | undefined): string | null {
  const trimmed = reason?.trim();
  return trimmed ? trimmed : null;
}
