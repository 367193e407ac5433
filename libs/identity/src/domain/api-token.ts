import { ValidationError } from '@app/platform/errors';

/** A personal API token as its owner sees it: never its secret, which only the creation answer holds. */
export interface ApiToken {
  id: string;
  name: string;
  scopes: string[];
  /** The beginning of the secret, to tell tokens apart. */
  prefix: string;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}

/** The longest a token may live. */
export const MAX_API_TOKEN_LIFETIME_DAYS = 366;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Why a token may not expire then, created now; null when it may (after now, within the longest lifetime). */
export function apiTokenExpiryRefusal(expiresAt: Date, now: Date): ValidationError | null {
  if (expiresAt.getTime() <= now.getTime()) {
    return new ValidationError([{ field: 'expiresAt', message: 'expiresAt must be in the future' }]);
  }
  if (expiresAt.getTime() > now.getTime() + MAX_API_TOKEN_LIFETIME_DAYS * DAY_MS) {
    return new ValidationError([
      { field: 'expiresAt', message: `expiresAt must be within ${MAX_API_TOKEN_LIFETIME_DAYS} days` },
    ]);
  }
  return null;
}
