import { Injectable } from '@nestjs/common';
import { CallerStates, NotFoundError, Page, PageQuery, Transaction } from '@app/platform';
import { Session } from '../domain/session';
import { SessionsRepository } from '../infrastructure/sessions.repository';

/**
 * A user's sessions (one per sign-in). Ending one stops its refresh tokens and the access tokens
 * issued with them at once: the access guard reads whether the session is live (this process
 * forgets what it cached; other processes within TOKEN_STATE_CACHE_MS).
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly callers: CallerStates,
  ) {}

  /** The user's live sessions, the most recently used first. */
  list(userId: string, page: PageQuery): Promise<Page<Session>> {
    return this.sessions.listLive(userId, page);
  }

  /** Ends one of the user's own sessions; NOT_FOUND for another user's or one already ended. */
  async revoke(userId: string, sessionId: string): Promise<void> {
    if (!(await this.sessions.revoke(userId, sessionId))) throw new NotFoundError('Session');
    this.callers.forgetSession(userId, sessionId);
  }

  /**
   * Ends every session of the user (deactivation, password change or reset), or every one but
   * `options.keepSessionId` (e.g. the caller's own, after a password change). Answers how many it ended.
   *
   * Given `options.tx`, the revocation commits or rolls back with the caller's transaction; the
   * caller should then also call `forgetCachedState(userId)` once it has committed, so that no request
   * of this process caches the state read between this call and the commit.
   */
  async revokeAll(userId: string, options: { tx?: Transaction; keepSessionId?: string } = {}): Promise<number> {
    const ended = await this.sessions.revokeAll(userId, options.keepSessionId ?? null, options.tx);
    this.forgetCachedState(userId);
    return ended;
  }

  /** Drops what this process cached of the user's tokens, after a change committed. */
  forgetCachedState(userId: string): void {
    this.callers.forgetUser(userId);
  }
}
