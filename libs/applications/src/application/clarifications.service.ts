import { Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { AuditService } from '@app/audit';
import { Call, CallsService, assertBeforePublication, titlesOf } from '@app/calls';
import { OrganisationMembersService, OrganisationsService } from '@app/identity';
import { NotificationsService, notificationRequest } from '@app/notifications';
import {
  AuthUser,
  InvalidTransitionError,
  NotFoundError,
  Page,
  PageQuery,
  Transaction,
  Transactions,
  ValidationError,
  databaseNow,
  isStaff,
} from '@app/platform';
import { Application } from '../domain/application';
import { blindAnswerDocumentName } from '../domain/blind-review';
import {
  Clarification,
  ClarificationDocumentInfo,
  ClarificationReader,
  ClarificationStatus,
  asSeenBy,
  assertCanAnswer,
  assertCanDecide,
  mayRead,
  replyByErrors,
} from '../domain/clarification';
import { ApplicationsRepository } from '../infrastructure/applications.repository';
import {
  CallClarification,
  ClarificationDocument,
  ClarificationsRepository,
  LockedClarification,
} from '../infrastructure/clarifications.repository';
import { ApplicationAccess } from './application-access';
import { applicationAudit } from './application-audit';
import { BlindReview } from './blind-review.service';
import { DocumentBytes, clarificationObjectKey } from './document-bytes';
import { DocumentInspector, UploadedFile } from './document-inspector';

export interface ClarificationQuestion {
  question: string;
  replyBy: Date;
}

/** Who is told that a question was sent, read before the transaction that sends it. */
interface Addressee {
  organisationName: string;
  memberIds: string[];
}

/**
 * Questions to an applicant about its submitted application, and its answers. An assigned evaluator
 * proposes; the secretariat sends (perhaps reworded), declines, or asks directly; the applicant's
 * members are told in their language and one of them answers, with at most one document, before the
 * deadline. The proposer is told of the secretariat's decision (the words sent, or the reason for
 * declining), the application's evaluators and the asker of the answer. The application itself (its
 * answers, documents and version) never changes; every step is an audit event of the application, so
 * its history shows them.
 */
@Injectable()
export class ClarificationsService {
  constructor(
    private readonly clarifications: ClarificationsRepository,
    private readonly applications: ApplicationsRepository,
    private readonly calls: CallsService,
    private readonly organisations: OrganisationsService,
    private readonly members: OrganisationMembersService,
    private readonly access: ApplicationAccess,
    private readonly blindReview: BlindReview,
    private readonly inspector: DocumentInspector,
    private readonly bytes: DocumentBytes,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * An evaluator assigned to the application proposes a question (the secretariat decides); the
   * secretariat's question is sent at once. Only a submitted application, before publication.
   */
  async ask(actor: AuthUser, applicationId: string, input: ClarificationQuestion): Promise<Clarification> {
    const application = await this.access.assertCanRead(actor, await this.applications.findById(applicationId));
    if (application.status !== 'submitted') {
      throw new InvalidTransitionError('application', application.status, 'asked a question (only submitted ones are)');
    }
    const call = await this.calls.get(application.callId);
    assertBeforePublication(call);
    const direct = isStaff(actor);
    const addressee = direct ? await this.addresseeOf(application) : null;
    const id = await this.transactions.run(async (tx) => {
      assertValidReplyBy(input.replyBy, await databaseNow(tx));
      const origin = direct ? { sentBy: actor.id } : { proposedBy: actor.id };
      const created = await this.clarifications.insert(tx, { applicationId, callId: call.id, ...input, origin });
      const action = direct ? 'application.clarification_sent' : 'application.clarification_proposed';
      await this.record(tx, actor, action, { id: created, applicationId }, null, {
        status: direct ? 'sent' : 'proposed',
        ...input,
      });
      if (addressee) await this.tellApplicant(tx, call, addressee, input);
      return created;
    });
    return asSeenBy(readerOf(actor), await this.require(id));
  }

  /** The secretariat sends a proposal, in its own words and with its own deadline when given. */
  async approve(actor: AuthUser, id: string, changes: Partial<ClarificationQuestion>): Promise<Clarification> {
    const request = await this.require(id);
    const call = await this.calls.get(request.callId);
    assertBeforePublication(call);
    const application = await this.access.assertCanRead(actor, await this.applications.findById(request.applicationId));
    const [addressee, redact] = await Promise.all([
      this.addresseeOf(application),
      this.blindReview.redactorFor(call, application),
    ]);
    await this.transactions.run(async (tx) => {
      const locked = await this.lock(tx, id);
      assertCanDecide(locked.status, 'sent');
      const sent = { question: changes.question ?? locked.question, replyBy: changes.replyBy ?? locked.replyBy };
      assertValidReplyBy(sent.replyBy, locked.now);
      await this.clarifications.markSent(tx, id, { ...sent, by: actor.id });
      await this.record(
        tx,
        actor,
        'application.clarification_sent',
        locked,
        { status: 'proposed', question: locked.question, replyBy: locked.replyBy },
        { status: 'sent', ...sent },
      );
      await this.tellApplicant(tx, call, addressee, sent);
      if (locked.proposedBy) {
        await this.notifications.notify(tx, [
          notificationRequest(locked.proposedBy, 'clarification.proposal_sent', {
            callReference: call.reference,
            callTitle: titlesOf(call),
            question: redact(sent.question),
            replyBy: sent.replyBy.toISOString(),
          }),
        ]);
      }
    });
    return this.require(id);
  }

  /** The secretariat declines a proposal, saying why to the evaluator who made it. */
  async decline(actor: AuthUser, id: string, reason: string): Promise<Clarification> {
    const request = await this.require(id);
    const call = await this.calls.get(request.callId);
    assertBeforePublication(call);
    await this.transactions.run(async (tx) => {
      const locked = await this.lock(tx, id);
      assertCanDecide(locked.status, 'declined');
      await this.clarifications.markDeclined(tx, id, { reason, by: actor.id });
      await this.record(
        tx,
        actor,
        'application.clarification_declined',
        locked,
        { status: 'proposed' },
        { status: 'declined', reason },
      );
      if (locked.proposedBy) {
        await this.notifications.notify(tx, [
          notificationRequest(locked.proposedBy, 'clarification.proposal_declined', {
            callReference: call.reference,
            callTitle: titlesOf(call),
            question: locked.question,
            reason,
          }),
        ]);
      }
    });
    return this.require(id);
  }

  /**
   * A member of the applicant organisation answers, once, before the deadline by the database's
   * clock (409 CLARIFICATION_EXPIRED after it), with at most one document checked as any other.
   */
  async answer(actor: AuthUser, id: string, answer: string, file: UploadedFile | undefined): Promise<Clarification> {
    const request = await this.require(id);
    const application = await this.access.assertCanEdit(actor, await this.applications.findById(request.applicationId));
    if (!mayRead({ kind: 'applicant' }, request)) throw new NotFoundError('Clarification request');
    if (application.status !== 'submitted') {
      throw new InvalidTransitionError('application', application.status, 'answered for');
    }
    const call = await this.calls.get(request.callId);
    assertBeforePublication(call);
    const inspected = file ? await this.inspector.inspect(file) : null;
    const redact = await this.blindReview.redactorFor(call, application);
    // With an object store the bytes go there first, and are removed again when the answer is not recorded.
    const placed = inspected ? await this.bytes.place(inspected, clarificationObjectKey) : null;
    const document = inspected && placed && { ...inspected, content: placed.content, storageKey: placed.storageKey };
    const record = (tx: Transaction) => this.recordAnswer(tx, actor, id, answer, document, call, redact);
    try {
      await this.transactions.run(record);
    } catch (error) {
      await this.bytes.discard(placed?.storageKey ?? null);
      throw error;
    }
    return asSeenBy({ kind: 'applicant' }, await this.require(id));
  }

  private async recordAnswer(
    tx: Transaction,
    actor: AuthUser,
    id: string,
    answer: string,
    document: ClarificationDocument | null,
    call: Call,
    redact: (text: string) => string,
  ): Promise<void> {
    const locked = await this.lock(tx, id);
    assertCanAnswer(locked.status, locked.replyBy, locked.now);
    await this.clarifications.markAnswered(tx, id, { answer, by: actor.id, document });
    await this.record(
      tx,
      actor,
      'application.clarification_answered',
      locked,
      { status: 'sent' },
      {
        status: 'answered',
        document: document && { filename: document.filename, sha256: document.sha256, size: document.size },
      },
    );
    await this.tellPanel(tx, call, { ...locked, question: redact(locked.question) });
  }

  /** The application's requests its reader may see: all for the secretariat, sent ones and its own proposals for an evaluator. */
  async listForApplication(actor: AuthUser, applicationId: string, page: PageQuery): Promise<Page<Clarification>> {
    const application = await this.access.assertCanRead(actor, await this.applications.findById(applicationId));
    const reader = readerOf(actor);
    const found = await this.clarifications.pageForApplication(
      applicationId,
      { everything: reader.kind === 'secretariat', proposer: reader.kind === 'evaluator' ? reader.id : null },
      page,
    );
    const items = found.items.map((request) => asSeenBy(reader, request));
    if (!(await this.blindReview.hidesApplicantFrom(actor, application))) return { items, total: found.total };
    return { items: await this.blindReview.clarificationsAsReviewerSees(application, items), total: found.total };
  }

  /** The secretariat's queue of a call: its requests in the given statuses, oldest first. */
  async listForCall(
    callId: string,
    statuses: ClarificationStatus[],
    page: PageQuery,
  ): Promise<Page<CallClarification>> {
    await this.calls.get(callId);
    return this.clarifications.pageForCall(callId, statuses, page);
  }

  /** The answer's document, to those who may read the request. */
  async document(actor: AuthUser, id: string): Promise<ClarificationDocumentInfo & { content: Buffer | Readable }> {
    const request = await this.require(id);
    const application = await this.access.assertCanRead(actor, await this.applications.findById(request.applicationId));
    const document = mayRead(readerOf(actor), request) ? await this.clarifications.findDocument(id) : null;
    if (!document) throw new NotFoundError('Document');
    const hidden = await this.blindReview.hidesApplicantFrom(actor, application);
    const filename = hidden ? blindAnswerDocumentName(document.filename) : document.filename;
    // Opened last, once nothing else can fail, so that no stream from the store is left unread.
    return { ...document, filename, content: await this.bytes.open(document) };
  }

  private async addresseeOf(application: Application): Promise<Addressee> {
    const [organisation, memberIds] = await Promise.all([
      this.organisations.get(application.organisationId),
      this.members.activeMemberIds(application.organisationId),
    ]);
    return { organisationName: organisation.name, memberIds };
  }

  /** Every member of the organisation, in-app and by e-mail in their language, committed with the sending. */
  private tellApplicant(tx: Transaction, call: Call, addressee: Addressee, sent: ClarificationQuestion): Promise<void> {
    return this.notifications.notify(
      tx,
      addressee.memberIds.map((memberId) =>
        notificationRequest(memberId, 'clarification.requested', {
          callReference: call.reference,
          callTitle: titlesOf(call),
          organisationName: addressee.organisationName,
          question: sent.question,
          replyBy: sent.replyBy.toISOString(),
        }),
      ),
    );
  }

  /**
   * The application's evaluators and whoever asked (the evaluator who proposed, or the secretariat
   * member who sent its own question), once each, that the answer is there to read. The notice
   * names the call and the question only, which in a blind call comes redacted: its evaluators must
   * not learn the applicant.
   */
  private async tellPanel(tx: Transaction, call: Call, request: LockedClarification): Promise<void> {
    const asker = request.proposedBy ?? request.sentBy;
    const evaluatorIds = await this.clarifications.evaluatorIdsOf(tx, request.applicationId);
    const recipients = [...new Set([...evaluatorIds, ...(asker ? [asker] : [])])];
    await this.notifications.notify(
      tx,
      recipients.map((recipientId) =>
        notificationRequest(recipientId, 'clarification.answered', {
          callReference: call.reference,
          callTitle: titlesOf(call),
          question: request.question,
        }),
      ),
    );
  }

  private async require(id: string): Promise<Clarification> {
    const request = await this.clarifications.find(id);
    if (!request) throw new NotFoundError('Clarification request');
    return request;
  }

  private async lock(tx: Transaction, id: string) {
    const locked = await this.clarifications.lock(tx, id);
    if (!locked) throw new NotFoundError('Clarification request');
    return locked;
  }

  /** A step of the request, as an audit event of its application naming the request. */
  private record(
    tx: Transaction,
    actor: AuthUser,
    action: string,
    request: { id: string; applicationId: string },
    before: Record<string, unknown> | null,
    after: Record<string, unknown>,
  ): Promise<void> {
    const named = (change: Record<string, unknown>) => ({ clarificationId: request.id, ...change });
    return this.audit.record(
      tx,
      applicationAudit(actor, action, request.applicationId, before && named(before), named(after)),
    );
  }
}

/** The secretariat (and admins) read everything; an evaluator as itself; anyone else as the applicant. */
function readerOf(actor: AuthUser): ClarificationReader {
  if (isStaff(actor)) return { kind: 'secretariat' };
  if (actor.role === 'evaluator') return { kind: 'evaluator', id: actor.id };
  return { kind: 'applicant' };
}

function assertValidReplyBy(replyBy: Date, now: Date): void {
  const errors = replyByErrors(replyBy, now);
  if (errors.length > 0) throw new ValidationError(errors);
}
