import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { NotificationsService, notificationRequest } from '@app/notifications';
import { AuthUser, CallerStates, NotFoundError, Transaction, Transactions } from '@app/platform';
import { EmailAlreadyVerifiedError } from '../domain/team.errors';
import { User } from '../domain/user';
import { IdentityConfig, identityConfig } from '../identity.config';
import { OrganisationMembersRepository } from '../infrastructure/organisation-members.repository';
import { UsersRepository } from '../infrastructure/users.repository';
import { AccountLinksService } from './account-links.service';

/** What a user's address looks like to it: confirmed or not, and whether it must be before submitting. */
export interface EmailVerificationState {
  emailVerified: boolean;
  emailVerificationRequired: boolean;
}

/**
 * An applicant confirms its e-mail address by a single-use link (AccountLinksService, purpose
 * `email_verification`) e-mailed at registration and on request. While APPLICANT_EMAIL_VERIFICATION
 * is `required`, an unconfirmed applicant may keep drafts but not submit (applications asks
 * OrganisationMembersService.submitter). With `off` no link is sent.
 */
@Injectable()
export class EmailVerificationService {
  constructor(
    private readonly links: AccountLinksService,
    private readonly users: UsersRepository,
    private readonly members: OrganisationMembersRepository,
    private readonly notifications: NotificationsService,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly callers: CallerStates,
    @Inject(identityConfig.KEY) private readonly config: IdentityConfig,
  ) {}

  get required(): boolean {
    return this.config.APPLICANT_EMAIL_VERIFICATION === 'required';
  }

  state(user: Pick<User, 'role' | 'emailVerifiedAt'>): EmailVerificationState {
    const emailVerified = user.emailVerifiedAt !== null;
    return { emailVerified, emailVerificationRequired: this.required && user.role === 'applicant' && !emailVerified };
  }

  /** At registration, in its transaction: e-mails a link to a new applicant, when verification is required. */
  async onRegistered(tx: Transaction, user: User): Promise<void> {
    if (!this.required || user.role !== 'applicant') return;
    await this.send(tx, user.id);
  }

  /**
   * Confirms the address the link was sent to. Signed in, the link must be the caller's own
   * (LINK_WRONG_USER); an expired, used or revoked link is refused, and a refusal changes nothing.
   */
  async confirm(caller: AuthUser | undefined, token: string): Promise<EmailVerificationState> {
    const userId = await this.transactions.run(async (tx) => {
      const link = await this.links.consume(tx, 'email_verification', token, { userId: caller?.id });
      await this.members.markEmailVerified(tx, link.userId);
      await this.audit.record(tx, {
        actorId: link.userId,
        action: 'user.email_verified',
        entityType: 'user',
        entityId: link.userId,
        after: { linkId: link.id },
      });
      return link.userId;
    });
    this.callers.forgetUser(userId);
    const user = await this.users.findById(userId);
    if (!user) throw new NotFoundError('User');
    return this.state(user);
  }

  /** A new link, the earlier ones revoked (only the newest e-mail works); refused once confirmed. */
  async resend(actor: AuthUser): Promise<void> {
    await this.transactions.run(async (tx) => {
      const user = await this.users.lockById(tx, actor.id);
      if (!user) throw new NotFoundError('User');
      if (user.emailVerifiedAt) throw new EmailAlreadyVerifiedError();
      await this.links.revokeAllOf(tx, user.id, 'email_verification');
      await this.send(tx, user.id);
    });
  }

  private async send(tx: Transaction, userId: string): Promise<void> {
    const link = await this.links.issue(tx, {
      purpose: 'email_verification',
      userId,
      ttlSeconds: this.config.EMAIL_VERIFICATION_LINK_TTL_HOURS * 3600,
    });
    await this.notifications.notify(tx, [
      notificationRequest(userId, 'account.email_verification', {
        linkId: link.id,
        expiresAt: link.expiresAt.toISOString(),
      }),
    ]);
  }
}
