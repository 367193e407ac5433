import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { notificationRequest, NotificationsService } from '@app/notifications';
import { AuthUser, NotFoundError, Page, Role, Transaction, Transactions } from '@app/platform';
import { AccountLink, accountLinkStatus } from '../domain/account-link';
import { InvitationNotPendingError, LinkInvalidError } from '../domain/identity.errors';
import { Invitation, InvitedRole, invitationCalls, invitationPayload, invitationStatus } from '../domain/invitation';
import { Locale } from '../domain/user';
import { IdentityConfig, identityConfig } from '../identity.config';
import { InvitationListFilter, InvitationsRepository } from '../infrastructure/invitations.repository';
import { AccountLinksService } from './account-links.service';
import { AuthService, TokenPair } from './auth.service';
import { InvitationHooks } from './invitation-hooks';
import { LinkRequestLimits } from './link-request-limits';
import { OrganisationMembersService } from './organisation-members.service';
import { OrganisationsService } from './organisations.service';
import { PasswordHasher } from './password-hasher';
import { UsersService } from './users.service';

export interface NewInvitation {
  email: string;
  displayName: string;
  role: InvitedRole;
  locale?: Locale;
  callIds?: string[];
}

/** What the accept page shows before the person chooses a password. */
export interface InvitationPreview {
  email: string;
  displayName: string;
  role: Role;
  expiresAt: Date;
}

/**
 * The secretariat invites evaluators and secretariat members by e-mail. The invited user exists at
 * once (the e-mail's recipient), without a password and inactive: it cannot sign in, is listed
 * inactive and joins no panel until it accepts through the e-mailed link, which sets its password,
 * activates it, seats it on the invitation's panels and signs it in.
 */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly invitations: InvitationsRepository,
    private readonly links: AccountLinksService,
    private readonly users: UsersService,
    private readonly auth: AuthService,
    private readonly passwords: PasswordHasher,
    private readonly hooks: InvitationHooks,
    private readonly limits: LinkRequestLimits,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
    private readonly members: OrganisationMembersService,
    private readonly organisations: OrganisationsService,
    @Inject(identityConfig.KEY) private readonly config: IdentityConfig,
  ) {}

  async invite(actor: AuthUser, input: NewInvitation): Promise<Invitation> {
    const callIds = invitationCalls(input.role, input.callIds);
    await this.hooks.checkPanels(callIds);
    const inviter = await this.users.get(actor.id);
    const userId = await this.transactions.run(async (tx) => {
      const id = await this.invitations.insertInvited(tx, {
        email: input.email.trim().toLowerCase(),
        displayName: input.displayName.trim(),
        role: input.role,
        locale: input.locale ?? 'en',
      });
      const link = await this.links.issue(tx, {
        purpose: 'invitation',
        userId: id,
        payload: { callIds },
        ttlSeconds: this.ttlSeconds(),
        createdBy: actor.id,
      });
      await this.send(tx, link, inviter.displayName);
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'user.invited',
        entityType: 'user',
        entityId: id,
        after: { email: input.email.trim().toLowerCase(), role: input.role, callIds },
      });
      return id;
    });
    return this.get(userId);
  }

  /**
   * A member of an organisation invites a colleague: an invited applicant, who joins the
   * organisation on accepting (the link's payload names it). Refused to anyone not a member;
   * counted against the address's and the client's link e-mails.
   */
  async inviteColleague(
    actor: AuthUser,
    organisationId: string,
    input: { email: string; displayName: string; locale?: Locale },
    client: string,
  ): Promise<Invitation> {
    await this.members.assertMember(actor, organisationId);
    const email = input.email.trim().toLowerCase();
    await this.limits.count(email, client);
    const organisation = await this.organisations.get(organisationId);
    const inviter = await this.users.get(actor.id);
    const userId = await this.transactions.run(async (tx) => {
      const id = await this.invitations.insertInvited(tx, {
        email,
        displayName: input.displayName.trim(),
        role: 'applicant',
        locale: input.locale ?? inviter.locale,
      });
      const link = await this.links.issue(tx, {
        purpose: 'invitation',
        userId: id,
        payload: { callIds: [], organisation: { id: organisation.id, name: organisation.name } },
        ttlSeconds: this.ttlSeconds(),
        createdBy: actor.id,
      });
      await this.send(tx, link, inviter.displayName);
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'organisation.member_invited',
        entityType: 'organisation',
        entityId: organisation.id,
        after: { email, userId: id },
      });
      return id;
    });
    return this.get(userId);
  }

  async get(userId: string): Promise<Invitation> {
    const invitation = await this.invitations.find(userId);
    if (!invitation) throw new NotFoundError('Invitation');
    return invitation;
  }

  list(filter: InvitationListFilter): Promise<Page<Invitation>> {
    return this.invitations.list(filter);
  }

  /**
   * Sends a new link (with a fresh lifetime) and revokes the previous one, for a pending or expired
   * invitation; counted against the address's and the client's link e-mails.
   */
  async resend(actor: AuthUser, userId: string, client: string): Promise<Invitation> {
    const invitation = await this.get(userId);
    await this.limits.count(invitation.email, client);
    const inviter = await this.users.get(actor.id);
    await this.transactions.run(async (tx) => {
      const previous = await this.changeable(tx, userId);
      const link = await this.links.reissue(tx, previous, { ttlSeconds: this.ttlSeconds(), createdBy: actor.id });
      await this.send(tx, link, inviter.displayName);
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'user.invitation_resent',
        entityType: 'user',
        entityId: userId,
      });
    });
    return this.get(userId);
  }

  /** Withdraws a pending or expired invitation: its link stops working; the account stays unusable. */
  async revoke(actor: AuthUser, userId: string): Promise<Invitation> {
    await this.transactions.run(async (tx) => {
      const link = await this.changeable(tx, userId);
      await this.links.revoke(tx, [link.id]);
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'user.invitation_revoked',
        entityType: 'user',
        entityId: userId,
      });
    });
    return this.get(userId);
  }

  /** Who an invitation link is for, if it can still be accepted (refused as `accept` would be). */
  async preview(token: string): Promise<InvitationPreview> {
    const link = await this.links.check('invitation', token);
    const user = await this.users.get(link.userId);
    return { email: user.email, displayName: user.displayName, role: user.role, expiresAt: link.expiresAt };
  }

  /**
   * Accepts through the e-mailed link: the password is set, the account activated and seated on the
   * invitation's panels (those that can still change), the link used, all at once; then signs in.
   */
  async accept(input: { token: string; password: string; displayName?: string }): Promise<TokenPair> {
    const passwordHash = await this.passwords.hash(input.password);
    const userId = await this.transactions.run(async (tx) => {
      const link = await this.links.consume(tx, 'invitation', input.token);
      if (!(await this.activate(tx, link, { passwordHash, displayName: input.displayName?.trim(), via: 'link' }))) {
        throw new LinkInvalidError();
      }
      return link.userId;
    });
    const pair = await this.auth.signInVerified(userId);
    if (!pair) throw new LinkInvalidError();
    return pair;
  }

  /**
   * Accepts the pending invitation of an account whose address another party has just verified
   * (single sign-on), as its e-mailed link would: the link is used, the account activated without a
   * password, seated and joined. False, changing nothing, when it has no pending invitation.
   */
  async acceptForVerifiedAddress(tx: Transaction, userId: string): Promise<boolean> {
    const newest = await this.invitations.newestLink(tx, userId);
    if (!newest || accountLinkStatus(newest.link, newest.now) !== 'pending') return false;
    await this.links.markUsed(tx, newest.link.id);
    return this.activate(tx, newest.link, { passwordHash: null, via: 'single_sign_on' });
  }

  /** The invited account of a used link becomes active, joins its panels and organisation; false if it is not invited. */
  private async activate(
    tx: Transaction,
    link: AccountLink,
    how: { passwordHash: string | null; displayName?: string; via: 'link' | 'single_sign_on' },
  ): Promise<boolean> {
    if (!(await this.invitations.activate(tx, link.userId, how.passwordHash, how.displayName))) return false;
    const payload = invitationPayload(link.payload);
    const seated = await this.hooks.seatOnPanels(tx, link.userId, payload.callIds, link.createdBy);
    const joined =
      payload.organisation && (await this.invitations.joinOrganisation(tx, link.userId, payload.organisation.id))
        ? payload.organisation.id
        : null;
    await this.audit.record(tx, {
      actorId: link.userId,
      action: 'user.invitation_accepted',
      entityType: 'user',
      entityId: link.userId,
      after: { callIds: seated, via: how.via, ...(joined ? { organisationId: joined } : {}) },
    });
    return true;
  }

  /** The newest link of a pending or expired invitation, locked; else NOT_FOUND or INVITATION_NOT_PENDING. */
  private async changeable(tx: Transaction, userId: string): Promise<AccountLink> {
    const newest = await this.invitations.newestLink(tx, userId);
    if (!newest) throw new NotFoundError('Invitation');
    const status = invitationStatus(accountLinkStatus(newest.link, newest.now));
    if (status === 'accepted' || status === 'revoked') throw new InvitationNotPendingError(status);
    return newest.link;
  }

  private send(tx: Transaction, link: AccountLink, inviterName: string): Promise<void> {
    const { organisation } = invitationPayload(link.payload);
    if (organisation) {
      return this.notifications.notify(tx, [
        notificationRequest(link.userId, 'account.colleague_invitation', {
          linkId: link.id,
          inviterName,
          organisationName: organisation.name,
          expiresAt: link.expiresAt.toISOString(),
        }),
      ]);
    }
    return this.notifications.notify(tx, [
      notificationRequest(link.userId, 'account.invitation', {
        linkId: link.id,
        inviterName,
        expiresAt: link.expiresAt.toISOString(),
      }),
    ]);
  }

  private ttlSeconds(): number {
    return this.config.INVITATION_TTL_HOURS * 3600;
  }
}
