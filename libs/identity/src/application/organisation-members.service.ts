import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { AuthUser, CallerStates, NotFoundError, Page, PageQuery, Transactions, isStaff } from '@app/platform';
import { LastMemberError, NotAMemberError } from '../domain/team.errors';
import { mayLeave, organisationalDomains, sharedDomains } from '../domain/team';
import { Organisation } from '../domain/organisation';
import { IdentityConfig, identityConfig } from '../identity.config';
import { OrganisationMember, OrganisationMembersRepository } from '../infrastructure/organisation-members.repository';
import { OrganisationsService } from './organisations.service';

/** What a submission needs to know of its organisation and of the member who submits. */
export interface Submitter {
  organisation: Organisation;
  member: { id: string; displayName: string };
  /** False while the member's address is unconfirmed and APPLICANT_EMAIL_VERIFICATION is `required`. */
  mayApply: boolean;
}

/**
 * The team of an organisation: its members list, leave (never the last one), and what other
 * contexts need of it (the submitter, the domains that stand for it in conflicts of interest).
 */
@Injectable()
export class OrganisationMembersService {
  private readonly shared: ReadonlySet<string>;

  constructor(
    private readonly members: OrganisationMembersRepository,
    private readonly organisations: OrganisationsService,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly callers: CallerStates,
    @Inject(identityConfig.KEY) private readonly config: IdentityConfig,
  ) {
    this.shared = sharedDomains(config.SHARED_EMAIL_DOMAINS);
  }

  /** Its members and the secretariat see the team; to anyone else the organisation does not exist. */
  async list(actor: AuthUser, organisationId: string, page: PageQuery): Promise<Page<OrganisationMember>> {
    await this.organisations.getVisible(actor, organisationId);
    return this.members.page(organisationId, page);
  }

  /** A member leaves; the last one may not, so that an organisation and its applications keep someone. */
  async leave(actor: AuthUser, organisationId: string): Promise<void> {
    await this.assertMember(actor, organisationId);
    await this.transactions.run(async (tx) => {
      if (!(await this.members.lockOrganisation(tx, organisationId))) throw new NotFoundError('Organisation');
      if (!mayLeave(await this.members.count(organisationId, tx))) throw new LastMemberError();
      if (!(await this.members.leave(tx, actor.id, organisationId))) throw new NotAMemberError();
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'organisation.member_left',
        entityType: 'organisation',
        entityId: organisationId,
        before: { memberId: actor.id },
      });
    });
    // The caller's next requests in this process no longer act for the organisation.
    this.callers.forgetUser(actor.id);
  }

  /**
   * A member of the organisation, or NOT_A_MEMBER (the secretariat, which sees it) or 404 (anyone
   * else, to whom it does not exist).
   */
  async assertMember(actor: AuthUser, organisationId: string): Promise<void> {
    await this.organisations.getVisible(actor, organisationId);
    if (isStaff(actor) || (await this.organisations.organisationIdOf(actor)) !== organisationId) {
      throw new NotAMemberError();
    }
  }

  /** The organisation and the submitting member, in one statement; null when it is not one of its members. */
  async submitter(actor: AuthUser, organisationId: string): Promise<Submitter | null> {
    const row = await this.members.submitter(actor.id, organisationId);
    if (!row) throw new NotFoundError('Organisation');
    if (!row.member) return null;
    const required = this.config.APPLICANT_EMAIL_VERIFICATION === 'required';
    return {
      organisation: row.organisation,
      member: { id: row.member.id, displayName: row.member.displayName },
      mayApply: !required || row.member.emailVerified,
    };
  }

  /**
   * The e-mail domains that stand for each organisation in conflicts of interest: every member's,
   * except public mail providers and SHARED_EMAIL_DOMAINS.
   */
  async emailDomainsOf(organisationIds: string[]): Promise<Map<string, string[]>> {
    const emails = await this.members.emailsOf([...new Set(organisationIds)]);
    return new Map([...emails].map(([id, list]) => [id, organisationalDomains(list, this.shared)]));
  }

  /** The full names of the members of each organisation: what would name its team. */
  namesOf(organisationIds: string[]): Promise<Map<string, string[]>> {
    return this.members.displayNamesOf([...new Set(organisationIds)]);
  }

  /** Who to tell about what concerns the organisation as a whole: its active members. */
  activeMemberIds(organisationId: string): Promise<string[]> {
    return this.members.activeMemberIds(organisationId);
  }

  /** The domains that are never an organisation's (public providers and SHARED_EMAIL_DOMAINS). */
  isSharedDomain(domain: string): boolean {
    return this.shared.has(domain.toLowerCase());
  }
}
