import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { notificationRequest, NotificationsService } from '@app/notifications';
import { AuthUser, Transactions } from '@app/platform';
import { WrongPasswordError } from '../domain/identity.errors';
import { IdentityConfig, identityConfig } from '../identity.config';
import { PasswordsRepository } from '../infrastructure/passwords.repository';
import { AccountLinksService } from './account-links.service';
import { LinkRequestLimits } from './link-request-limits';
import { PasswordHasher } from './password-hasher';
import { SessionsService } from './sessions.service';

/** Password resets by e-mailed link, and changes from the profile. */
@Injectable()
export class PasswordsService {
  constructor(
    private readonly accounts: PasswordsRepository,
    private readonly links: AccountLinksService,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly limits: LinkRequestLimits,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
    @Inject(identityConfig.KEY) private readonly config: IdentityConfig,
  ) {}

  /**
   * E-mails a reset link when the address belongs to an active account, and answers alike when it
   * does not (the caller answers the same). The link replaces any earlier one of the account.
   */
  async requestReset(email: string, client: string): Promise<void> {
    await this.limits.count(email, client);
    const account = await this.accounts.findResettable(email);
    if (!account) return;
    await this.transactions.run(async (tx) => {
      await this.links.revokeAllOf(tx, account.id, 'password_reset');
      const link = await this.links.issue(tx, {
        purpose: 'password_reset',
        userId: account.id,
        ttlSeconds: this.config.PASSWORD_RESET_TTL_MINUTES * 60,
      });
      await this.notifications.notify(tx, [
        notificationRequest(account.id, 'account.password_reset', {
          linkId: link.id,
          expiresAt: link.expiresAt.toISOString(),
        }),
      ]);
    });
  }

  /** Sets the new password through the e-mailed link and ends every session of the account. */
  async confirmReset(token: string, password: string): Promise<void> {
    const passwordHash = await this.passwords.hash(password);
    const userId = await this.transactions.run(async (tx) => {
      const link = await this.links.consume(tx, 'password_reset', token);
      await this.accounts.set(tx, link.userId, passwordHash);
      await this.sessions.revokeAll(link.userId, { tx });
      await this.audit.record(tx, {
        actorId: link.userId,
        action: 'user.password_reset',
        entityType: 'user',
        entityId: link.userId,
      });
      return link.userId;
    });
    this.sessions.forgetCachedState(userId);
  }

  /**
   * Changes the caller's password given its current one (WRONG_PASSWORD otherwise, nothing changed):
   * every other session ends, the caller's own goes on.
   */
  async change(actor: AuthUser, currentPassword: string, newPassword: string): Promise<void> {
    const stored = await this.accounts.hashOf(actor.id);
    if (!(await this.passwords.verify(stored ?? undefined, currentPassword))) throw new WrongPasswordError();
    const passwordHash = await this.passwords.hash(newPassword);
    await this.transactions.run(async (tx) => {
      await this.accounts.set(tx, actor.id, passwordHash);
      await this.sessions.revokeAll(actor.id, { tx, keepSessionId: actor.sessionId });
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'user.password_changed',
        entityType: 'user',
        entityId: actor.id,
      });
    });
    this.sessions.forgetCachedState(actor.id);
  }
}
