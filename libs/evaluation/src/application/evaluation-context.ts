import { Injectable } from '@nestjs/common';
import { Application, ApplicationsService, BlindReview, DocumentsService } from '@app/applications';
import { Call, CallsService, assertCallKind, isBeforePublication } from '@app/calls';
import { OrganisationMembersService, OrganisationsService, User, UsersService } from '@app/identity';
import { NotFoundError, Transaction } from '@app/platform';
import { ApplicantOrganisation, ApplicationProfile, EvaluatorProfile } from '../domain/evaluation';
import { AssignmentNotYetError, CallPublishedError, ShortlistNotConfirmedError } from '../domain/evaluation.errors';
import { ShortlistedRepository } from '../infrastructure/shortlisted.repository';

export interface ApplicationForReview extends Application {
  /** Who applied; in a blind call, its pseudonym. */
  organisationName: string;
  /** In a blind call, the pseudonym evaluators know the application by; null in any other. */
  pseudonym: string | null;
  documents: Array<{ id: string; kind: string; filename: string; mimeType: string; size: number }>;
}

/** What evaluation needs from the other contexts, read through their public services. */
@Injectable()
export class EvaluationContext {
  constructor(
    private readonly calls: CallsService,
    private readonly applications: ApplicationsService,
    private readonly documents: DocumentsService,
    private readonly blindReview: BlindReview,
    private readonly organisations: OrganisationsService,
    private readonly members: OrganisationMembersService,
    private readonly users: UsersService,
    private readonly shortlisted: ShortlistedRepository,
  ) {}

  call(callId: string): Promise<Call> {
    return this.calls.get(callId);
  }

  /** The calls of these ids, in their order. */
  callsByIds(callIds: string[]): Promise<Call[]> {
    return this.calls.getMany(callIds);
  }

  /**
   * A call whose evaluations may still change (not published). In a transaction the call's row is
   * share-locked, so that a publication, which locks it exclusively, cannot pass a change in flight.
   */
  async openCall(callId: string, tx?: Transaction): Promise<Call> {
    const call = tx ? await this.calls.getForShare(tx, callId) : await this.calls.get(callId);
    assertEvaluationsOpen(call);
    return call;
  }

  /** A call whose evaluators may be assigned: closed to submissions, not yet published. */
  async assignableCall(callId: string): Promise<Call> {
    const call = await this.openCall(callId);
    assertCallKind(call, 'selection');
    if (call.status !== 'closed' && call.status !== 'reviewing') throw new AssignmentNotYetError(call.status);
    return call;
  }

  startReviewIfClosed(tx: Transaction, actorId: string, call: Call): Promise<void> {
    return this.calls.startReviewIfClosed(tx, actorId, call.id);
  }

  /** Within a transaction pass it: a transaction holds one connection and must not wait for another. */
  async evaluatorProfiles(ids: string[], tx?: Transaction): Promise<EvaluatorProfile[]> {
    const users = await this.users.getMany(ids, tx);
    return users.map((u) => ({ id: u.id, email: u.email, countryCode: u.countryCode, affiliation: u.affiliation }));
  }

  /** Users by id (unknown ids are left out). */
  usersByIds(ids: string[]): Promise<User[]> {
    return this.users.getMany(ids);
  }

  /**
   * Submitted applications the call's rules (or the secretariat) hold eligible: the ones to evaluate
   * in stage 1; in a later stage, those of them its confirmed shortlist advances.
   */
  async assignableApplications(callId: string, stage = 1): Promise<ApplicationProfile[]> {
    const applications = await this.applications.listAssignable(callId);
    if (stage === 1) return this.profiles(applications);
    const advanced = await this.shortlisted.advancedTo(callId, stage);
    if (advanced.size === 0) throw new ShortlistNotConfirmedError(stage);
    return this.profiles(applications.filter((a) => advanced.has(a.id)));
  }

  /** The applications of these ids, with their answers (unknown ids are left out). */
  applicationsByIds(ids: string[]): Promise<Application[]> {
    return this.applications.findByIds(ids);
  }

  async requireApplication(applicationId: string): Promise<Application> {
    const application = await this.applications.findById(applicationId);
    if (!application) throw new NotFoundError('Application');
    return application;
  }

  /** The organisation of each application, by application id (unknown ids are left out). */
  async applicantOrganisations(applicationIds: string[]): Promise<Map<string, ApplicantOrganisation>> {
    const applications = await this.applications.findByIds([...new Set(applicationIds)]);
    const names = await this.organisations.namesOf(applications.map((a) => a.organisationId));
    return new Map(
      applications.map((a) => [
        a.id,
        { name: names.get(a.organisationId) ?? '', countryCode: a.countryCode, region: a.region },
      ]),
    );
  }

  async applicationProfile(callId: string, applicationId: string): Promise<ApplicationProfile> {
    const application = await this.applications.findById(applicationId);
    if (!application || application.callId !== callId) throw new NotFoundError('Application');
    const [profile] = await this.profiles([application]);
    return profile;
  }

  /** What an evaluator reads of its assigned applications: answers, documents, who applied (in a blind call, a pseudonym). */
  async applicationsForReview(ids: string[]): Promise<ApplicationForReview[]> {
    const applications = await this.applications.findByIds(ids);
    const [names, documents, calls] = await Promise.all([
      this.organisations.namesOf(applications.map((a) => a.organisationId)),
      this.documents.list(ids),
      this.applications.callsOf(applications),
    ]);
    const readable = applications.map((application) => ({
      application,
      documents: documents.filter((d) => d.applicationId === application.id),
    }));
    return (await this.blindReview.asReviewerSees(readable, calls)).map(({ application, documents, pseudonym }) => ({
      ...application,
      organisationName: pseudonym ?? names.get(application.organisationId) ?? '',
      pseudonym,
      documents: documents.map((d) => ({
        id: d.id,
        kind: d.kind,
        filename: d.filename,
        mimeType: d.mimeType,
        size: d.size,
      })),
    }));
  }

  /** How notices to an evaluator name an application: its organisation, or in a blind call its pseudonym. */
  async nameForEvaluators(applicationId: string): Promise<string> {
    const application = await this.requireApplication(applicationId);
    const call = await this.calls.get(application.callId);
    if (call.blind) return (await this.blindReview.pseudonymsOf(call, [application])).get(applicationId) ?? '';
    return (await this.organisations.namesOf([application.organisationId])).get(application.organisationId) ?? '';
  }

  private async profiles(
    applications: Array<{ id: string; organisationId: string; countryCode: string }>,
  ): Promise<ApplicationProfile[]> {
    const organisationIds = applications.map((a) => a.organisationId);
    const [names, domains] = await Promise.all([
      this.organisations.namesOf(organisationIds),
      this.members.emailDomainsOf(organisationIds),
    ]);
    return applications.map((a) => ({
      id: a.id,
      countryCode: a.countryCode,
      organisationName: names.get(a.organisationId) ?? '',
      emailDomains: domains.get(a.organisationId) ?? [],
    }));
  }
}

/** Evaluations and assignments change until the call's cohort is published. */
export function assertEvaluationsOpen(call: Pick<Call, 'status'>): void {
  if (!isBeforePublication(call.status)) throw new CallPublishedError();
}
