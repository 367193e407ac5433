import createClient from 'openapi-fetch';
import type { paths } from './schema';

/**
 * The access token lives in memory only (a script injected into the page cannot read it from
 * storage); the refresh token is kept in localStorage so that a reload or a new tab stays signed in.
 */
const REFRESH_TOKEN_KEY = 'accelerator.refreshToken';

let accessToken: string | null = null;
let refreshing: Promise<boolean> | null = null;

/** Auth endpoints need no bearer token, and must not go through the refreshing client. */
export const authApi = createClient<paths>();

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

export function currentAccessToken(): string | null {
  return accessToken;
}

export function hasRefreshToken(): boolean {
  return localStorage.getItem(REFRESH_TOKEN_KEY) !== null;
}

export function storeTokens(pair: TokenPair): void {
  accessToken = pair.accessToken;
  localStorage.setItem(REFRESH_TOKEN_KEY, pair.refreshToken);
}

export function forgetTokens(): void {
  accessToken = null;
  localStorage.removeItem(REFRESH_TOKEN_KEY);
}

/** Calls `listener` when another tab signs out (removes the shared refresh token). */
export function onSignedOutElsewhere(listener: () => void): void {
  window.addEventListener('storage', (event) => {
    if (event.key === REFRESH_TOKEN_KEY && event.newValue === null) {
      accessToken = null;
      listener();
    }
  });
}

/**
 * Exchanges the stored refresh token for a new pair; answers whether it worked. The API revokes a
 * token's whole family when one refresh token is used twice, so tabs take turns (Web Locks) and
 * each reads the token only once it holds the lock, after any other tab's rotation.
 */
export function refreshTokens(): Promise<boolean> {
  refreshing ??= inTurn(async () => {
    const refreshToken = localStorage.getItem(REFRESH_TOKEN_KEY);
    if (!refreshToken) return false;
    const { data, response } = await authApi.POST('/api/v1/auth/refresh', { body: { refreshToken } });
    if (data) {
      storeTokens(data);
      return true;
    }
    if (response.status === 401) forgetTokens();
    return false;
  }).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

async function inTurn<T>(task: () => Promise<T>): Promise<T> {
  if (!('locks' in navigator)) return task();
  return (await navigator.locks.request('accelerator.refresh', task)) as T;
}
