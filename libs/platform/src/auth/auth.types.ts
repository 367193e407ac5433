export const ROLES = ['applicant', 'evaluator', 'secretariat', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The caller as the access token describes it. */
export interface AuthUser {
  id: string;
  role: Role;
}

/** Roles that steer a call; `admin` can do whatever the secretariat can. */
export const STAFF_ROLES: readonly Role[] = ['secretariat', 'admin'];

export function isStaff(user: AuthUser | undefined): boolean {
  return user !== undefined && STAFF_ROLES.includes(user.role);
}

export interface AccessTokenClaims {
  sub: string;
  role: Role;
}
