/**
 * Stands in for src/api/session.ts when the page shell is rendered at build time (./render.tsx):
 * no storage and no API there, and a visitor not known yet, shown as anonymous.
 */
import type { SessionState } from '../../api/session';

const anonymous: SessionState = { status: 'anonymous' };

export const session = {
  get: (): SessionState => anonymous,
  subscribe: () => () => undefined,
  restored: Promise.resolve(anonymous),
  signOut: (): void => undefined,
};

export function useSession(): SessionState {
  return anonymous;
}
