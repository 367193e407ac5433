import type { AccountLinkPurpose } from '@app/platform/auth/account-links';
import {
  LinkExpiredError,
  LinkInvalidError,
  LinkRevokedError,
  LinkUsedError,
  LinkWrongUserError,
} from './identity.errors';

export type { AccountLinkPurpose } from '@app/platform/auth/account-links';

/** A single-use link e-mailed to a user; its token is never stored, only its SHA-256. */
export interface AccountLink {
  id: string;
  purpose: AccountLinkPurpose;
  userId: string;
  /** What the link carries for its purpose, e.g. the calls whose panel an invited evaluator joins. */
  payload: Record<string, unknown>;
  createdBy: string | null;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}

export const ACCOUNT_LINK_STATUSES = ['pending', 'used', 'revoked', 'expired'] as const;
/** A link is used or revoked, never both; `expired` only while neither. */
export type AccountLinkStatus = (typeof ACCOUNT_LINK_STATUSES)[number];

export function accountLinkStatus(
  link: Pick<AccountLink, 'expiresAt' | 'usedAt' | 'revokedAt'>,
  now: Date,
): AccountLinkStatus {
  if (link.usedAt) return 'used';
  if (link.revokedAt) return 'revoked';
  if (link.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'pending';
}

/**
 * Why a presented link cannot be used, or null when it can. An unknown token and a token of another
 * purpose are alike invalid (nothing tells them apart); a link for another account than the signed-in
 * one is refused as such.
 */
export function accountLinkRefusal(
  link: AccountLink | null,
  expected: { purpose: AccountLinkPurpose; userId?: string },
  now: Date,
): LinkInvalidError | LinkUsedError | LinkRevokedError | LinkExpiredError | LinkWrongUserError | null {
  if (!link || link.purpose !== expected.purpose) return new LinkInvalidError();
  if (expected.userId !== undefined && link.userId !== expected.userId) return new LinkWrongUserError();
  switch (accountLinkStatus(link, now)) {
    case 'used':
      return new LinkUsedError();
    case 'revoked':
      return new LinkRevokedError();
    case 'expired':
      return new LinkExpiredError();
    case 'pending':
      return null;
  }
}
