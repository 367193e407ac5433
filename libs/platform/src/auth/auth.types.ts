export const ROLES = ['applicant', 'evaluator', 'secretariat', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The caller an access token names, with its current role and organisation. */
export interface AuthUser {
  id: string;
  role: Role;
  /**
   * The organisation the user applies for. It changes when a member leaves or joins one: a process
   * other than the one that made the change may see the old value for TOKEN_STATE_CACHE_MS.
   */
  organisationId: string | null;
  /** The session (refresh-token family) the access token was issued with, when authenticated by one. */
  sessionId?: string;
}

/** Roles that steer a call; `admin` can do whatever the secretariat can. */
export const STAFF_ROLES: readonly Role[] = ['secretariat', 'admin'];

export function isStaff(user: AuthUser | undefined): boolean {
  return user !== undefined && STAFF_ROLES.includes(user.role);
}

export interface AccessTokenClaims {
  sub: string;
  /** The role at issue, for clients; the guard uses the user's current role. */
  role: Role;
  /** The session: the refresh-token family the token was issued with. */
  sid: string;
  /** The user's token version at issue. */
  ver: number;
}
