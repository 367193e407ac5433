import { useSyncExternalStore } from 'react';
import { adoptUserLocale } from '../i18n';
import { api, ok } from './client';
import {
  authApi,
  forgetTokens,
  hasRefreshToken,
  onSignedOutElsewhere,
  refreshTokens,
  storeTokens,
  type TokenPair,
} from './tokens';
import type { Me, Role } from './types';

export type SessionState = { status: 'restoring' } | { status: 'anonymous' } | { status: 'signed-in'; me: Me };

let state: SessionState = { status: 'restoring' };
const listeners = new Set<() => void>();

function set(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

async function loadMe(): Promise<Me> {
  const me = await ok(api.GET('/api/v1/me'));
  adoptUserLocale(me.locale);
  set({ status: 'signed-in', me });
  return me;
}

/** Who is signed in: the app's one source for it, readable in loaders and (through useSession) in components. */
export const session = {
  get: (): SessionState => state,

  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },

  /** Started once when the app loads: a stored refresh token signs the reader back in. */
  restored: (async (): Promise<SessionState> => {
    onSignedOutElsewhere(() => set({ status: 'anonymous' }));
    const refreshed = hasRefreshToken() && (await refreshTokens().catch(() => false));
    if (!refreshed || !(await loadMe().catch(() => null))) set({ status: 'anonymous' });
    return state;
  })(),

  async signIn(email: string, password: string): Promise<Me> {
    storeTokens(await ok(authApi.POST('/api/v1/auth/login', { body: { email, password } })));
    return loadMe();
  },

  /** Signs in with a token pair the API handed out otherwise (accepting an invitation). */
  async adopt(pair: TokenPair): Promise<Me> {
    storeTokens(pair);
    return loadMe();
  },

  /** After a change to the user (e.g. a new organisation). */
  reload: (): Promise<Me> => loadMe(),

  /** Forgets the tokens of this browser (the API has no endpoint to revoke them). */
  signOut(): void {
    forgetTokens();
    set({ status: 'anonymous' });
  },
};

export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.get);
}

export function hasRole(current: SessionState, roles: readonly Role[]): boolean {
  return current.status === 'signed-in' && roles.includes(current.me.role);
}
