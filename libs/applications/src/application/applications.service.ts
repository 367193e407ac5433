import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import {
  ApplicationCall,
  Call,
  CallsService,
  applicationCallOf,
  assertBeforePublication,
  submissionWindow,
  titlesOf,
} from '@app/calls';
import { OrganisationMembersService, OrganisationsService } from '@app/identity';
import { NotificationsService, notificationRequest } from '@app/notifications';
import {
  AuthUser,
  NotFoundError,
  Outbox,
  Page,
  Transaction,
  Transactions,
  ForbiddenError,
  ValidationError,
  VersionConflictError,
  databaseNow,
  isStaff,
  problemDetail,
} from '@app/platform';
import { Answers, Application, answersCurrentAt } from '../domain/application';
import { APPLICATION_EVENTS, ApplicationEvents, applicationEvent } from '../domain/application-events';
import { assertCanOverrideEligibility, assertCanWithdraw } from '../domain/application-lifecycle';
import { answerErrors } from '../domain/answers.rules';
import { withWholePeople } from '../domain/people-answers';
import {
  APPLICATIONS_DETAILS,
  CallNotOpenError,
  DeadlinePassedError,
  EmailNotVerifiedError,
  IncompleteApplicationError,
  NotDraftError,
  OrganisationRequiredError,
} from '../domain/applications.errors';
import { decideEligibility, missingDocuments } from '../domain/eligibility.rules';
import { ApplicationRecord, ApplicationsRepository, Submitter } from '../infrastructure/applications.repository';
import { DocumentInfo } from '../infrastructure/documents.repository';
import { ApplicationAccess } from './application-access';
import { applicationAudit } from './application-audit';
import { BlindReview } from './blind-review.service';
import { withServedName } from './served-documents';

export type AnswerPatch = Record<string, Answers[string] | null>;

/** An application as its readers see it: with its documents, its call and its submitter, each read once. */
export interface ApplicationView {
  application: Application;
  documents: DocumentInfo[];
  call: ApplicationCall;
  submitter: Submitter | null;
  /** In a blind call, to its evaluators and the secretariat: the pseudonym evaluators know it by. */
  pseudonym?: string;
}

@Injectable()
export class ApplicationsService {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly calls: CallsService,
    private readonly organisations: OrganisationsService,
    private readonly members: OrganisationMembersService,
    private readonly access: ApplicationAccess,
    private readonly blindReview: BlindReview,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly outbox: Outbox,
  ) {}

  /** Starts the organisation's draft for an open call; answers may be partial. */
  async createDraft(actor: AuthUser, callId: string, answers: AnswerPatch): Promise<ApplicationView> {
    const organisation = await this.organisations.findForUser(actor);
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
        answers: withoutNulls(withWholePeople(call.questions, answers)),
        createdBy: actor.id,
      });
      await this.record(tx, actor, 'application.created', applicationId, null, { status: 'draft' });
      return applicationId;
    });
    return this.view(await this.requireRecord(id), call);
  }

  async updateAnswers(
    actor: AuthUser,
    id: string,
    expectedVersion: number,
    answers: AnswerPatch,
  ): Promise<ApplicationView> {
    const found = await this.applications.findWithCall(id);
    if (!found) throw new NotFoundError('Application');
    const { call } = found;
    const application = await this.access.assertCanEdit(actor, found.record.application);
    assertBeforePublication(call);
    if (application.status !== 'draft') throw new NotDraftError(application.status);
    if (!answersCurrentAt(application, expectedVersion)) throw new VersionConflictError(application.version);
    assertAcceptingApplications(call, new Date());
    const errors = answerErrors(call.questions, answers, false);
    if (errors.length > 0) throw new ValidationError(errors);
    const saved = await this.applications.mergeDraftAnswers(
      id,
      expectedVersion,
      withWholePeople(call.questions, answers),
    );
    if (saved) return applicationView(saved, call);
    const current = await this.require(id);
    if (current.status !== 'draft') throw new NotDraftError(current.status);
    throw new VersionConflictError(current.version);
  }

  /**
   * Submits a complete draft before the deadline, by the database clock, and decides eligibility,
   * recording the member who submits. A member whose e-mail address is unconfirmed (while
   * APPLICANT_EMAIL_VERIFICATION is `required`) is refused, its draft unchanged. The call row is
   * share-locked meanwhile, so a close or an extension cannot interleave. Repeating the request on a
   * submitted application answers the same result.
   */
  async submit(actor: AuthUser, id: string): Promise<ApplicationView> {
    const { callId, organisationId } = await this.access.assertCanEdit(actor, await this.applications.findById(id));
    // Read outside the transaction: identity reads on a pooled connection of its own, and a
    // transaction waiting for a second connection while holding one lets a burst of submissions
    // take the whole pool and wait for each other forever.
    const submitter = await this.members.submitter(actor, organisationId);
    if (!submitter) throw new ForbiddenError(problemDetail(APPLICATIONS_DETAILS.APPLICANT_ONLY));
    if (!submitter.mayApply) throw new EmailNotVerifiedError();
    const { organisation } = submitter;
    return this.transactions.run(async (tx) => {
      const call = await this.calls.getForShare(tx, callId);
      const application = await this.lock(tx, id);
      if (application.status === 'submitted') return this.view(await this.requireRecord(id, tx), call);
      if (application.status !== 'draft') throw new NotDraftError(application.status);
      const { documentKinds, now } = await this.applications.submissionFacts(tx, id);
      assertAcceptingApplications(call, now);
      const incomplete = [
        ...answerErrors(call.questions, application.answers, true),
        ...(call.sessions.length > 0 && application.sessionPreferences.length === 0
          ? [{ field: 'sessionPreferences', message: 'ask for at least one session', code: 'SESSION_REQUIRED' }]
          : []),
        ...missingDocuments(call.eligibility, documentKinds).map((kind) => ({
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
        membershipCategory: organisation.membershipCategory,
      });
      const submitted = await this.applications.update(tx, id, {
        status: 'submitted',
        submittedAt: now,
        submittedBy: actor.id,
        eligibility,
      });
      await this.record(
        tx,
        actor,
        'application.submitted',
        id,
        { status: 'draft' },
        { status: 'submitted', eligibility },
      );
      await this.acknowledgeReceipt(tx, actor, call, organisation.name, now);
      return this.view(submitted, call);
    });
  }

  /** Until the cohort is published an applicant may withdraw, draft or submitted. */
  async withdraw(actor: AuthUser, id: string): Promise<ApplicationView> {
    const { callId } = await this.access.assertCanEdit(actor, await this.applications.findById(id));
    return this.transactions.run(async (tx) => {
      const call = await this.calls.getForShare(tx, callId);
      assertBeforePublication(call);
      const application = await this.lock(tx, id);
      if (application.status === 'withdrawn') return this.view(await this.requireRecord(id, tx), call);
      assertCanWithdraw(application.status);
      const withdrawn = await this.applications.update(tx, id, {
        status: 'withdrawn',
        withdrawnAt: await databaseNow(tx),
      });
      if (application.status === 'submitted') await this.publish(tx, APPLICATION_EVENTS.withdrawn, application);
      await this.record(
        tx,
        actor,
        'application.withdrawn',
        id,
        { status: application.status },
        { status: 'withdrawn' },
      );
      return this.view(withdrawn, call);
    });
  }

  /** The secretariat's eligibility decision, with its reason, replaces the computed one. */
  async overrideEligibility(actor: AuthUser, id: string, eligible: boolean, reason: string): Promise<ApplicationView> {
    const { callId } = await this.require(id);
    return this.transactions.run(async (tx) => {
      const call = await this.calls.getForShare(tx, callId);
      assertBeforePublication(call);
      const application = await this.lock(tx, id);
      assertCanOverrideEligibility(application.status);
      const eligibilityOverride = {
        eligible,
        reason,
        decidedBy: actor.id,
        decidedAt: (await databaseNow(tx)).toISOString(),
      };
      const overridden = await this.applications.update(tx, id, { eligibilityOverride });
      await this.publish(tx, APPLICATION_EVENTS.eligibilityOverridden, application);
      await this.record(
        tx,
        actor,
        'application.eligibility_overridden',
        id,
        { eligibility: application.eligibility, override: application.eligibilityOverride },
        { override: eligibilityOverride },
      );
      return this.view(overridden, call);
    });
  }

  /** The application, when the actor may read it; to anyone else it does not exist (404). */
  async readableBy(actor: AuthUser, id: string): Promise<Application> {
    return this.access.assertCanRead(actor, await this.applications.findById(id));
  }

  /**
   * The application, when the actor is a member of its organisation, who alone answers for it
   * (403 to the secretariat, 404 to anyone else).
   */
  async ownedBy(actor: AuthUser, id: string): Promise<Application> {
    return this.access.assertCanEdit(actor, await this.applications.findById(id));
  }

  /**
   * One application as its reader may see it. In a blind call an evaluator reads it under its
   * pseudonym, without who submitted it, and the secretariat also learns the pseudonym.
   */
  async get(actor: AuthUser, id: string): Promise<ApplicationView> {
    const found = await this.applications.findWithCall(id);
    if (!found) throw new NotFoundError('Application');
    const { record, call } = found;
    await this.access.assertCanRead(actor, record.application);
    const view = applicationView(record, call);
    if (!call.blind) return view;
    if (await this.access.readsByGrant(actor, record.application)) {
      const [seen] = await this.blindReview.asReviewerSees([view], new Map([[call.id, call]]));
      return { ...view, ...seen, submitter: null, pseudonym: seen.pseudonym ?? undefined };
    }
    if (!isStaff(actor)) return view;
    return { ...view, pseudonym: (await this.blindReview.pseudonymsOf(call, [record.application])).get(id) };
  }

  /** The applications of the caller's organisation. */
  async listMine(actor: AuthUser, page: { limit: number; offset: number }): Promise<Page<Application>> {
    const organisation = await this.organisations.findForUser(actor);
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
  async callsOf(applications: Application[]): Promise<Map<string, ApplicationCall>> {
    const ids = [...new Set(applications.map((a) => a.callId))];
    return new Map((await this.applications.callsByIds(ids)).map((call) => [call.id, call]));
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
    const template = call.kind === 'registration' ? 'reply.received' : 'application.received';
    const received = notificationRequest(actor.id, template, {
      callReference: call.reference,
      callTitle: titlesOf(call),
      organisationName,
      submittedAt: submittedAt.toISOString(),
    });
    return this.notifications.notify(tx, [received]);
  }

  /** Tells the contexts that follow the ranking, in the transaction of the change. */
  private async publish(tx: Transaction, event: keyof ApplicationEvents, application: Application): Promise<void> {
    await this.outbox.publish(
      tx,
      applicationEvent(event, { callId: application.callId, applicationId: application.id }),
    );
  }

  private async lock(tx: Transaction, id: string): Promise<Application> {
    const application = await this.applications.lockById(tx, id);
    if (!application) throw new NotFoundError('Application');
    return application;
  }

  private async requireRecord(id: string, tx?: Transaction): Promise<ApplicationRecord> {
    const record = await this.applications.findWithDocuments(id, tx);
    if (!record) throw new NotFoundError('Application');
    return record;
  }

  private view(record: ApplicationRecord, call: Call): ApplicationView {
    return applicationView(record, applicationCallOf(call));
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
    return this.audit.record(tx, applicationAudit(actor, action, id, before, after));
  }
}

export function assertAcceptingApplications(call: Pick<Call, 'status' | 'opensAt' | 'closesAt'>, now: Date): void {
  const window = submissionWindow(call, now);
  if (window === 'deadline_passed') throw new DeadlinePassedError(call.closesAt);
  if (window === 'not_open') throw new CallNotOpenError();
}

function withoutNulls(answers: AnswerPatch): Answers {
  return Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== null)) as Answers;
}

/** An application as its services answer it: with its documents under their served names and its call. */
export function applicationView(
  { application, documents, submitter }: ApplicationRecord,
  call: ApplicationCall,
): ApplicationView {
  return { application, documents: documents.map(withServedName), call, submitter };
}
