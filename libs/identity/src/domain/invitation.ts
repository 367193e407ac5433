import { DomainError, PLATFORM_ERRORS, problemDetail } from '@app/platform/errors';
import type { Role } from '@app/platform/auth/auth.types';
import type { AccountLinkStatus } from './account-link';
import { IDENTITY_DETAILS } from './identity.errors';
import type { Locale } from './user';

export const INVITED_ROLES = ['evaluator', 'secretariat'] as const;
export type InvitedRole = (typeof INVITED_ROLES)[number];

export const INVITATION_STATUSES = ['pending', 'accepted', 'revoked', 'expired'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** An invitation is its invited user, seen through the newest invitation link sent to it. */
export interface Invitation {
  /** The invited user's id. */
  id: string;
  email: string;
  displayName: string;
  role: Role;
  locale: Locale;
  /** The calls whose panel an invited evaluator joins on accepting. */
  callIds: string[];
  status: InvitationStatus;
  invitedBy: string | null;
  /** When the newest link was sent, and until when it works. */
  sentAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
}

export function invitationStatus(linkStatus: AccountLinkStatus): InvitationStatus {
  return linkStatus === 'used' ? 'accepted' : linkStatus;
}

/** The payload an invitation's link carries. */
export interface InvitationPayload {
  callIds: string[];
  /** A colleague invited by a member joins this organisation on accepting. */
  organisation?: { id: string; name: string };
}

export function invitationPayload(payload: Record<string, unknown>): InvitationPayload {
  const callIds = Array.isArray(payload.callIds) ? payload.callIds.filter((id) => typeof id === 'string') : [];
  const organisation = payload.organisation as { id?: unknown; name?: unknown } | undefined;
  if (organisation && typeof organisation.id === 'string' && typeof organisation.name === 'string') {
    return { callIds, organisation: { id: organisation.id, name: organisation.name } };
  }
  return { callIds };
}

/** Only evaluators sit on panels: the calls of an invitation, deduplicated, or the refusal. */
export function invitationCalls(role: InvitedRole, callIds: readonly string[] = []): string[] {
  const unique = [...new Set(callIds)];
  if (unique.length > 0 && role !== 'evaluator') {
    throw new DomainError(PLATFORM_ERRORS.VALIDATION_FAILED, problemDetail(IDENTITY_DETAILS.PANELS_FOR_EVALUATORS), [
      { field: 'callIds', message: 'callIds must be empty unless the role is evaluator' },
    ]);
  }
  return unique;
}
