import { Inject, Injectable } from '@nestjs/common';
import { AuthConfig, authConfig } from './auth.config';
import { Role } from './auth.types';

/** What the database says now of the user and the session an access token names. */
export interface CallerState {
  role: Role;
  active: boolean;
  /** Bumped when every token issued so far must stop working (deactivation). */
  tokenVersion: number;
  /** False once the session (the refresh-token family) is signed out or revoked. */
  sessionLive: boolean;
  organisationId: string | null;
}

/** Reads a caller's state: implemented by the context that owns users, registered at start. */
export interface CallerStateSource {
  /** Null when the user does not exist. */
  read(userId: string, sessionId: string): Promise<CallerState | null>;
}

/** Bounds the memory of the cache; beyond it the oldest entries go first. */
const MAX_CACHED_CALLERS = 10_000;

/**
 * The callers' current states, cached for TOKEN_STATE_CACHE_MS so that a busy client costs one
 * query every few seconds; a change made in this process evicts its entries at once.
 */
@Injectable()
export class CallerStates {
  private source: CallerStateSource | undefined;
  private readonly cache = new Map<string, { state: CallerState | null; expiresAt: number }>();
  /** Bumped by every eviction, so that a read begun before a change cannot cache what it read. */
  private generation = 0;

  constructor(@Inject(authConfig.KEY) private readonly config: AuthConfig) {}

  useSource(source: CallerStateSource): void {
    this.source = source;
  }

  /** Undefined when no source is registered (a process without users): no token is then accepted. */
  async current(userId: string, sessionId: string): Promise<CallerState | null | undefined> {
    if (!this.source) return undefined;
    const key = cacheKey(userId, sessionId);
    const cached = this.cache.get(key);
    if (cached && cached.expiresAt > Date.now()) return cached.state;
    const generation = this.generation;
    const state = await this.source.read(userId, sessionId);
    if (generation === this.generation) this.remember(key, state);
    return state;
  }

  /** After a change of the user's role or status. */
  forgetUser(userId: string): void {
    this.generation++;
    const prefix = cacheKey(userId, '');
    for (const key of this.cache.keys()) if (key.startsWith(prefix)) this.cache.delete(key);
  }

  /** After a sign-out. */
  forgetSession(userId: string, sessionId: string): void {
    this.generation++;
    this.cache.delete(cacheKey(userId, sessionId));
  }

  private remember(key: string, state: CallerState | null): void {
    if (this.config.TOKEN_STATE_CACHE_MS === 0) return;
    this.cache.delete(key);
    if (this.cache.size >= MAX_CACHED_CALLERS) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(key, { state, expiresAt: Date.now() + this.config.TOKEN_STATE_CACHE_MS });
  }
}

function cacheKey(userId: string, sessionId: string): string {
  return `${userId}/${sessionId}`;
}
