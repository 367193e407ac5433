import { Injectable } from '@nestjs/common';
import { OrganisationsService } from '@app/identity';
import { AuthUser, ForbiddenError, NotFoundError, ReadGrants, isStaff, problemDetail } from '@app/platform';
import { Application } from '../domain/application';
import { APPLICATIONS_DETAILS } from '../domain/applications.errors';

/**
 * Who may see or change an application: its organisation's members; for reading also the
 * secretariat and those another context grants it to (its assigned evaluators). To anyone else
 * it does not exist (404), so ids reveal nothing.
 */
@Injectable()
export class ApplicationAccess {
  constructor(
    private readonly organisations: OrganisationsService,
    private readonly grants: ReadGrants,
  ) {}

  async assertCanRead(actor: AuthUser, application: Application | null): Promise<Application> {
    if (application && (await this.canRead(actor, application))) return application;
    throw new NotFoundError('Application');
  }

  private async canRead(actor: AuthUser, application: Application): Promise<boolean> {
    return (
      isStaff(actor) ||
      (await this.isMember(actor, application)) ||
      (await this.grants.allows('application', actor, application.id))
    );
  }

  /**
   * Whether a reader of the application reads it by another context's grant (an assigned
   * evaluator's) rather than as the secretariat or as the applicant.
   */
  async readsByGrant(actor: AuthUser, application: Application): Promise<boolean> {
    return !isStaff(actor) && !(await this.isMember(actor, application));
  }

  /** Only the applicant's own organisation edits, submits or withdraws. */
  async assertCanEdit(actor: AuthUser, application: Application | null): Promise<Application> {
    const visible = await this.assertCanRead(actor, application);
    if (!(await this.isMember(actor, visible)))
      throw new ForbiddenError(problemDetail(APPLICATIONS_DETAILS.APPLICANT_ONLY));
    return visible;
  }

  private async isMember(actor: AuthUser, application: Application): Promise<boolean> {
    if (actor.role !== 'applicant') return false;
    return (await this.organisations.organisationIdOf(actor)) === application.organisationId;
  }
}
