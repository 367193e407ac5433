import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { CallsService, applicationCallOf, assertBeforePublication, assertCallKind, titlesOf } from '@app/calls';
import { OrganisationsService } from '@app/identity';
import { NotificationsService, notificationRequest } from '@app/notifications';
import { AuthUser, NotFoundError, Transactions, ValidationError, databaseNow } from '@app/platform';
import { Application, ReplyDecision } from '../domain/application';
import { assertCanDecideReply } from '../domain/application-lifecycle';
import { NotDraftError } from '../domain/applications.errors';
import { ApplicationsRepository, SessionRequest } from '../infrastructure/applications.repository';
import { ApplicationAccess } from './application-access';
import { applicationAudit } from './application-audit';
import { ApplicationView, applicationView, assertAcceptingApplications } from './applications.service';

/**
 * Replies to registration calls (issue 19): the secretariat's decision on each, and the sessions
 * each asks for, which the session allocation (cohorts) reads.
 */
@Injectable()
export class RepliesService {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly calls: CallsService,
    private readonly organisations: OrganisationsService,
    private readonly access: ApplicationAccess,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * The secretariat confirms or declines a reply to a registration call, with a reason that is kept
   * and e-mailed to the member who submitted the reply, in its language; a decision may be revised until the
   * call is published. Repeating the same decision changes nothing.
   */
  async decideReply(
    actor: AuthUser,
    id: string,
    decision: ReplyDecision['decision'],
    reason: string,
  ): Promise<ApplicationView> {
    const { callId } = await this.requireApplication(id);
    return this.transactions.run(async (tx) => {
      const call = await this.calls.getForShare(tx, callId);
      assertCallKind(call, 'registration');
      assertBeforePublication(call);
      const application = await this.applications.lockById(tx, id);
      if (!application) throw new NotFoundError('Application');
      assertCanDecideReply(application.status, decision);
      const previous = application.replyDecision;
      if (previous?.decision === decision && previous.reason === reason) {
        const unchanged = await this.applications.findWithDocuments(id, tx);
        if (!unchanged) throw new NotFoundError('Application');
        return applicationView(unchanged, applicationCallOf(call));
      }
      const replyDecision = { decision, reason, decidedBy: actor.id, decidedAt: (await databaseNow(tx)).toISOString() };
      const decided = await this.applications.update(tx, id, { status: decision, replyDecision });
      await this.audit.record(
        tx,
        applicationAudit(
          actor,
          `application.reply_${decision}`,
          id,
          { status: application.status, decision: previous },
          { status: decision, decision: replyDecision },
        ),
      );
      if (decided.submitter) {
        const organisation = await this.organisations.get(application.organisationId);
        const notice = notificationRequest(decided.submitter.id, `reply.${decision}`, {
          callReference: call.reference,
          callTitle: titlesOf(call),
          organisationName: organisation.name,
          reason,
        });
        await this.notifications.notify(tx, [notice]);
      }
      return applicationView(decided, applicationCallOf(call));
    });
  }

  /**
   * The sessions a reply to a registration call asks for, most wanted first, set anew while it is a
   * draft and the call accepts replies; each must be a session of the call.
   */
  async setSessionPreferences(actor: AuthUser, id: string, sessionKeys: string[]): Promise<ApplicationView> {
    const application = await this.access.assertCanEdit(actor, await this.applications.findById(id));
    const call = await this.calls.get(application.callId);
    assertCallKind(call, 'registration');
    if (application.status !== 'draft') throw new NotDraftError(application.status);
    assertAcceptingApplications(call, new Date());
    const known = new Set(call.sessions.map((s) => s.key));
    const errors = sessionKeys.flatMap((key, index) =>
      known.has(key)
        ? []
        : [
            {
              field: `sessionKeys.${index}`,
              message: 'the call has no session with this key',
              code: 'UNKNOWN_SESSION',
            },
          ],
    );
    if (errors.length > 0) throw new ValidationError(errors);
    return this.transactions.run(async (tx) => {
      const saved = await this.applications.setSessionPreferences(tx, id, sessionKeys);
      if (!saved) throw new NotDraftError((await this.requireApplication(id)).status);
      await this.audit.record(
        tx,
        applicationAudit(actor, 'application.session_preferences_set', id, null, { sessionKeys }),
      );
      return applicationView(saved, applicationCallOf(call));
    });
  }

  /** A registration call's replies as its session allocation reads them. */
  sessionRequests(callId: string, priorityQuestionKey: string | null): Promise<SessionRequest[]> {
    return this.applications.sessionRequests(callId, priorityQuestionKey);
  }

  private async requireApplication(id: string): Promise<Application> {
    const application = await this.applications.findById(id);
    if (!application) throw new NotFoundError('Application');
    return application;
  }
}
