/**
 * A session: one sign-in and the refresh tokens rotated from it (a refresh-token family). It is
 * live while its latest token is neither used, revoked nor expired.
 */
export interface Session {
  id: string;
  /** When the user signed in. */
  createdAt: Date;
  /** When its tokens were last refreshed (the sign-in time before the first refresh). */
  lastUsedAt: Date;
  expiresAt: Date;
  /** Of the latest request that obtained a token of the session, when it sent one. */
  userAgent: string | null;
  ip: string | null;
}

/** Where a token was obtained from, as the HTTP edge saw the request. */
export interface SessionClient {
  userAgent?: string | null;
  ip?: string | null;
}

/** Longest user agent kept: enough to recognise a browser, not a place to store megabytes. */
export const MAX_USER_AGENT_LENGTH = 512;

/** What is kept of a client's description: trimmed and bounded, nothing when empty. */
export function sessionClient(client: SessionClient | undefined): { userAgent: string | null; ip: string | null } {
  const userAgent = client?.userAgent?.trim().slice(0, MAX_USER_AGENT_LENGTH) || null;
  const ip = client?.ip?.trim().slice(0, 64) || null;
  return { userAgent, ip };
}
