import { Injectable } from '@nestjs/common';
import { AuthUser, CallerStates, NotFoundError, Transactions, isStaff } from '@app/platform';
import { AuditService } from '@app/audit';
import { OrganisationExistsError } from '../domain/identity.errors';
import { MembershipCategory, Organisation, OrganisationType, presumedMembershipCategory } from '../domain/organisation';
import { OrganisationsRepository } from '../infrastructure/organisations.repository';
import { UsersRepository } from '../infrastructure/users.repository';
import { CountriesService } from './countries.service';

export interface NewOrganisation {
  name: string;
  countryCode: string;
  type: OrganisationType;
  /** Presumed from the type when not declared. */
  membershipCategory?: MembershipCategory;
  city?: string;
  website?: string;
}

@Injectable()
export class OrganisationsService {
  constructor(
    private readonly organisations: OrganisationsRepository,
    private readonly users: UsersRepository,
    private readonly countries: CountriesService,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly callers: CallerStates,
  ) {}

  /** An applicant registers the organisation it applies for, and becomes its member. */
  async create(actor: AuthUser, input: NewOrganisation): Promise<Organisation> {
    const country = await this.countries.require(input.countryCode, 'countryCode');
    const id = await this.transactions.run(async (tx) => {
      const user = await this.users.lockById(tx, actor.id);
      if (!user) throw new NotFoundError('User');
      if (user.organisationId) throw new OrganisationExistsError();
      const organisationId = await this.organisations.insert(tx, {
        name: input.name.trim(),
        countryCode: country.code,
        type: input.type,
        membershipCategory: input.membershipCategory ?? presumedMembershipCategory(input.type),
        city: input.city?.trim() || null,
        website: input.website?.trim() || null,
      });
      await this.users.setOrganisation(tx, actor.id, organisationId);
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'organisation.created',
        entityType: 'organisation',
        entityId: organisationId,
        after: { name: input.name, countryCode: country.code, type: input.type },
      });
      return organisationId;
    });
    // The caller's next requests in this process see its membership at once.
    this.callers.forgetUser(actor.id);
    return this.get(id);
  }

  /**
   * The secretariat sets an organisation's membership category (the Union's records prevail over what
   * the organisation declared), with the reason kept in the audit trail.
   */
  async setMembershipCategory(
    actor: AuthUser,
    id: string,
    change: { membershipCategory: MembershipCategory; reason: string },
  ): Promise<Organisation> {
    await this.transactions.run(async (tx) => {
      const before = await this.organisations.findById(id, tx);
      if (!before) throw new NotFoundError('Organisation');
      if (before.membershipCategory === change.membershipCategory) return;
      await this.organisations.setMembershipCategory(tx, id, change.membershipCategory);
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'organisation.membership_category_changed',
        entityType: 'organisation',
        entityId: id,
        before: { membershipCategory: before.membershipCategory },
        after: { membershipCategory: change.membershipCategory, reason: change.reason },
      });
    });
    return this.get(id);
  }

  /** Visible to its members and the secretariat; to anyone else it does not exist. */
  async getVisible(actor: AuthUser, id: string): Promise<Organisation> {
    if (!isStaff(actor) && (await this.organisationIdOf(actor)) !== id) throw new NotFoundError('Organisation');
    return this.get(id);
  }

  async get(id: string): Promise<Organisation> {
    const organisation = await this.organisations.findById(id);
    if (!organisation) throw new NotFoundError('Organisation');
    return organisation;
  }

  /** Organisation names by id, for listings of other contexts. */
  async namesOf(ids: string[]): Promise<Map<string, string>> {
    return new Map((await this.getMany(ids)).map((o) => [o.id, o.name]));
  }

  /** Organisations by id, for other contexts, which apply their own access rules (unknown ids are left out). */
  getMany(ids: string[]): Promise<Organisation[]> {
    return this.organisations.findByIds([...new Set(ids)]);
  }

  /** The organisation the caller belongs to, if any. */
  async findForUser(actor: AuthUser): Promise<Organisation | null> {
    const id = await this.organisationIdOf(actor);
    return id ? this.get(id) : null;
  }

  /**
   * The id of the caller's organisation, as resolved with its token (at most TOKEN_STATE_CACHE_MS
   * old in another process than the one that changed it: a member who left, or one who registered
   * or joined an organisation since); only its absence is read again, the usual way to a first one.
   */
  async organisationIdOf(actor: AuthUser): Promise<string | null> {
    return actor.organisationId ?? (await this.users.findById(actor.id))?.organisationId ?? null;
  }
}
