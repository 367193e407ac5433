import { redirect } from 'react-router';
import { ApiProblem } from '../api/problem';
import { session } from '../api/session';
import type { Me, Role } from '../api/types';

/**
 * For loaders: the signed-in user, once the session is restored. Sends others to the sign-in page,
 * which brings them back here; a user of another role gets a 403 page.
 */
export async function requireUser(request: Request, roles?: readonly Role[]): Promise<Me> {
  await session.restored;
  const current = session.get();
  if (current.status !== 'signed-in') {
    const { pathname, search } = new URL(request.url);
    throw redirect(withNext('/sign-in', pathname + search));
  }
  if (roles && !roles.includes(current.me.role)) throw new ApiProblem(403, { code: 'FORBIDDEN' });
  return current.me;
}

/** Where a user lands after signing in, by role. */
export function homeOf(role: Role): string {
  switch (role) {
    case 'applicant':
      return '/applicant/applications';
    case 'evaluator':
      return '/evaluator/assignments';
    default:
      return '/secretariat/calls';
  }
}

/** A `next` parameter, only when it is a path of this app (never another site). */
export function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

/** `path`, carrying on where the reader was going (`next`), if anywhere. */
export function withNext(path: string, next: string | null): string {
  return next ? `${path}?next=${encodeURIComponent(next)}` : path;
}
