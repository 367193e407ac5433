import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { Call, CallsService, assertBeforePublication, submissionWindow } from '@app/calls';
import { OrganisationsService } from '@app/identity';
import { NotificationsService, notificationRequest } from '@app/notifications';
import {
  AuthUser,
  NotFoundError,
  Outbox,
  Page,
  Transaction,
  Transactions,
  ValidationError,
  VersionConflictError,
  databaseNow,
} from '@app/platform';
import { Answers, Application } from '../domain/application';
import { APPLICATION_EVENTS, APPLICATION_EVENTS_QUEUE, ApplicationEventPayload } from '../domain/application-events';
import { assertCanOverrideEligibility, assertCanWithdraw } from '../domain/application-lifecycle';
import { answerErrors } from '../domain/answers.rules';
import {
  CallNotOpenError,
  DeadlinePassedError,
  IncompleteApplicationError,
  NotDraftError,
  OrganisationRequiredError,
} from '../domain/applications.errors';
import { decideEligibility, missingDocuments } from '../domain/eligibility.rules';
import { ApplicationsRepository } from '../infrastructure/applications.repository';
import { DocumentsRepository } from '../infrastructure/documents.repository';
import { ApplicationAccess } from './application-access';

export type AnswerPatch = Record<string, Answers[string] | null>;

@Injectable()
export class ApplicationsService {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly documents: DocumentsRepository,
    private readonly calls: CallsService,
    private readonly organisations: OrganisationsService,
    private readonly access: ApplicationAccess,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly outbox: Outbox,
  ) {}

  /** Starts the organisation's draft for an open call; answers may be partial. */
  async createDraft(actor: AuthUser, callId: string, answers: AnswerPatch): Promise<Application> {
    const organisation = await this.organisations.findForUser(actor.id);
    if (!organisation) throw new OrganisationRequiredError();
    const call = await this.calls.get(callId);
    if (call.status === 'draft') throw new NotFoundError('Call');
    assertAcceptingApplications(call, new Date());
    const errors = answerErrors(call.questions, answers, false);
    if (errors.length > 0) throw new ValidationError(errors);
    const id = await this.transactions.run(async (tx) => {
      const applicationId = await this.applications.insert(tx, {
        callId,
        organisationId: organisation.id,
        countryCode: organisation.countryCode,
        region: organisation.region,
        answers: withoutNulls(answers),
        createdBy: actor.id,
      });
      await this.record(tx, actor, 'application.created', applicationId, null, { status: 'draft' });
      return applicationId;
    });
    return this.require(id);
  }

  async updateAnswers(
    actor: AuthUser,
    id: string,
    expectedVersion: number,
    answers: AnswerPatch,
  ): Promise<Application> {
    const application = await this.access.assertCanEdit(actor, await this.applications.findById(id));
    const call = await this.calls.get(application.callId);
    assertBeforePublication(call);
    if (application.status !== 'draft') throw new NotDraftError(application.status);
    if (application.version !== expectedVersion) throw new VersionConflictError(application.version);
    assertAcceptingApplications(call, new Date());
    const errors = answerErrors(call.questions, answers, false);
    if (errors.length > 0) throw new ValidationError(errors);
    const version = await this.applications.mergeDraftAnswers(id, expectedVersion, answers);
    if (version === null) {
      const current = await this.require(id);
      if (current.status !== 'draft') throw new NotDraftError(current.status);
      throw new VersionConflictError(current.version);
    }
    return this.require(id);
  }

  /**
   * Submits a complete draft before the deadline, by the database clock, and decides eligibility.
   * The call row is share-locked meanwhile, so a close or an extension cannot interleave. Repeating
   * the request on a submitted application answers the same result.
   */
  async submit(actor: AuthUser, id: string): Promise<Application> {
    const { callId, organisationId } = await this.access.assertCanEdit(actor, await this.applications.findById(id));
    // Read outside the transaction: OrganisationsService reads on a pooled connection of its own,
    // and a transaction waiting for a second connection while holding one lets a burst of
    // submissions take the whole pool and wait for each other forever.
    const organisation = await this.organisations.get(organisationId);
    await this.transactions.run(async (tx) => {
      const call = await this.calls.getForShare(tx, callId);
      const application = await this.lock(tx, id);
      if (application.status === 'submitted') return;
      if (application.status !== 'draft') throw new NotDraftError(application.status);
      const now = await databaseNow(tx);
      assertAcceptingApplications(call, now);
      const kinds = (await this.documents.listFor([id], tx)).map((d) => d.kind);
      const incomplete = [
        ...answerErrors(call.questions, application.answers, true),
        ...missingDocuments(call.eligibility, kinds).map((kind) => ({
          field: `documents.${kind}`,
          message: `the document "${kind}" is required`,
          code: 'DOCUMENT_REQUIRED',
          params: { kind },
        })),
      ];
      if (incomplete.length > 0) throw new IncompleteApplicationError(incomplete);
      const eligibility = decideEligibility(call.eligibility, {
        countryCode: organisation.countryCode,
        memberState: organisation.memberState,
        organisationType: organisation.type,
      });
      await this.applications.update(tx, id, { status: 'submitted', submittedAt: now, eligibility });
      await this.record(
        tx,
        actor,
        'application.submitted',
        id,
        { status: 'draft' },
        { status: 'submitted', eligibility },
      );
      await this.acknowledgeReceipt(tx, actor, call, organisation.name, now);
    });
    return this.require(id);
  }

  /** Until the cohort is published an applicant may withdraw, draft or submitted. */
  async withdraw(actor: AuthUser, id: string): Promise<Application> {
    const { callId } = await this.access.assertCanEdit(actor, await this.applications.findById(id));
    await this.transactions.run(async (tx) => {
      assertBeforePublication(await this.calls.getForShare(tx, callId));
      const application = await this.lock(tx, id);
      if (application.status === 'withdrawn') return;
      assertCanWithdraw(application.status);
      await this.applications.update(tx, id, { status: 'withdrawn', withdrawnAt: await databaseNow(tx) });
      if (application.status === 'submitted') await this.publish(tx, APPLICATION_EVENTS.withdrawn, application);
      await this.record(
        tx,
        actor,
        'application.withdrawn',
        id,
        { status: application.status },
        { status: 'withdrawn' },
      );
    });
    return this.require(id);
  }

  /** The secretariat's eligibility decision, with its reason, replaces the computed one. */
  async overrideEligibility(actor: AuthUser, id: string, eligible: boolean, reason: string): Promise<Application> {
    const { callId } = await this.require(id);
    await this.transactions.run(async (tx) => {
      assertBeforePublication(await this.calls.getForShare(tx, callId));
      const application = await this.lock(tx, id);
      assertCanOverrideEligibility(application.status);
      const eligibilityOverride = {
        eligible,
        reason,
        decidedBy: actor.id,
        decidedAt: (await databaseNow(tx)).toISOString(),
      };
      await this.applications.update(tx, id, { eligibilityOverride });
      await this.publish(tx, APPLICATION_EVENTS.eligibilityOverridden, application);
      await this.record(
        tx,
        actor,
        'application.eligibility_overridden',
        id,
        { eligibility: application.eligibility, override: application.eligibilityOverride },
        { override: eligibilityOverride },
      );
    });
    return this.require(id);
  }

  async get(actor: AuthUser, id: string): Promise<Application> {
    return this.access.assertCanRead(actor, await this.applications.findById(id));
  }

  /** The applications of the caller's organisation. */
  async listMine(actor: AuthUser, page: { limit: number; offset: number }): Promise<Page<Application>> {
    const organisation = await this.organisations.findForUser(actor.id);
    if (!organisation) return { items: [], total: 0 };
    return this.applications.list({ organisationId: organisation.id, ...page });
  }

  /** Submitted applications held eligible: the ones evaluators score. */
  listAssignable(callId: string): Promise<Application[]> {
    return this.applications.listAssignable(callId);
  }

  /**
   * The calls of these applications, as their readers need to see them: an applicant may no longer
   * read a call under review, but it still needs its reference, title and deadline.
   */
  async callsOf(applications: Application[]): Promise<Map<string, Call>> {
    const ids = [...new Set(applications.map((a) => a.callId))];
    return new Map((await Promise.all(ids.map((id) => this.calls.get(id)))).map((call) => [call.id, call]));
  }

  /** For other contexts, which apply their own access rules. */
  findById(id: string): Promise<Application | null> {
    return this.applications.findById(id);
  }

  findByIds(ids: string[]): Promise<Application[]> {
    return this.applications.findByIds(ids);
  }

  /** The submitter's acknowledgement, committed with the submission (only the first one reaches here). */
  private acknowledgeReceipt(
    tx: Transaction,
    actor: AuthUser,
    call: Call,
    organisationName: string,
    submittedAt: Date,
  ): Promise<void> {
    const received = notificationRequest(actor.id, 'application.received', {
      callReference: call.reference,
      callTitle: call.title,
      organisationName,
      submittedAt: submittedAt.toISOString(),
    });
    return this.notifications.notify(tx, [received]);
  }

  /** Tells the contexts that follow the ranking, in the transaction of the change. */
  private async publish(tx: Transaction, event: string, application: Application): Promise<void> {
    const payload: ApplicationEventPayload = { callId: application.callId, applicationId: application.id };
    await this.outbox.add(tx, { queue: APPLICATION_EVENTS_QUEUE, name: event, payload: { ...payload } });
  }

  private async lock(tx: Transaction, id: string): Promise<Application> {
    const application = await this.applications.lockById(tx, id);
    if (!application) throw new NotFoundError('Application');
    return application;
  }

  private async require(id: string): Promise<Application> {
    const application = await this.applications.findById(id);
    if (!application) throw new NotFoundError('Application');
    return application;
  }

  private record(
    tx: Transaction,
    actor: AuthUser,
    action: string,
    id: string,
    before: Record<string, unknown> | null,
    after: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(tx, { actorId: actor.id, action, entityType: 'application', entityId: id, before, after });
  }
}

export function assertAcceptingApplications(call: Call, now: Date): void {
  const window = submissionWindow(call, now);
  if (window === 'deadline_passed') throw new DeadlinePassedError(call.closesAt);
  if (window === 'not_open') throw new CallNotOpenError();
}

function withoutNulls(answers: AnswerPatch): Answers {
  return Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== null)) as Answers;
}
