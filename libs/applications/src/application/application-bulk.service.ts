import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { Call, CallsService, assertBeforePublication } from '@app/calls';
import { NotificationPreview, NotificationRequest, NotificationsService } from '@app/notifications';
import { AuthUser, Outbox, Transactions, databaseNow } from '@app/platform';
import { APPLICATION_EVENTS, applicationEvent } from '../domain/application-events';
import {
  ApplicationsNotInCallError,
  ApplicationsNotSubmittedError,
  ReminderOutcome,
  reminderOutcomes,
  strangers,
  undecidable,
} from '../domain/bulk-actions';
import { ApplicationBulkRepository, ReminderCandidate } from '../infrastructure/application-bulk.repository';
import { assertAcceptingApplications } from './applications.service';
import { draftReminder } from './draft-reminder';

/**
 * The secretariat's actions on many applications of a call at once, each in one transaction with
 * set-based statements. An eligibility decision is all or nothing: when any application named cannot
 * take it, nothing changes and the refusal names each one. A reminder goes to each draft's applicant
 * at most once a day, and answers what it did for each application.
 */
@Injectable()
export class ApplicationBulkService {
  constructor(
    private readonly bulk: ApplicationBulkRepository,
    private readonly calls: CallsService,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly outbox: Outbox,
  ) {}

  /** One eligibility decision, with its reason, for every application named; audited for each one. */
  async decideEligibility(
    actor: AuthUser,
    callId: string,
    applicationIds: string[],
    decision: { eligible: boolean; reason: string },
  ): Promise<string[]> {
    const ids = [...new Set(applicationIds)];
    return this.transactions.run(async (tx) => {
      const call = await this.calls.getForShare(tx, callId);
      assertBeforePublication(call);
      const found = await this.bulk.lockMany(tx, ids);
      const unknown = strangers(callId, ids, found);
      if (unknown.length > 0) throw new ApplicationsNotInCallError(unknown);
      const refused = undecidable(found);
      if (refused.length > 0) throw new ApplicationsNotSubmittedError(refused);
      const override = { ...decision, decidedBy: actor.id, decidedAt: (await databaseNow(tx)).toISOString() };
      await this.bulk.overrideEligibility(tx, ids, override);
      await this.outbox.publishMany(
        tx,
        found.map((a) => applicationEvent(APPLICATION_EVENTS.eligibilityOverridden, { callId, applicationId: a.id })),
      );
      await this.audit.recordMany(
        tx,
        found.map((a) => ({
          actorId: actor.id,
          action: 'application.eligibility_overridden',
          entityType: 'application',
          entityId: a.id,
          before: { eligibility: a.eligibility, override: a.eligibilityOverride },
          after: { override },
        })),
      );
      return found.map((a) => a.id);
    });
  }

  /** The reminders `remind` would send now, per language of their recipients; nothing is sent. */
  async previewReminders(callId: string, applicationIds: string[]): Promise<NotificationPreview[]> {
    const ids = [...new Set(applicationIds)];
    const call = await this.calls.get(callId);
    const candidates = await this.bulk.reminderCandidates(callId, ids);
    return this.notifications.preview(
      reminders(
        call,
        candidates.filter((c) => !c.remindedToday),
      ),
    );
  }

  /**
   * Reminds the applicant of each named draft not reminded yet today (UTC) that it is not submitted,
   * in the applicant's language (in-app and by e-mail), while the call still takes submissions.
   */
  async remind(
    actor: AuthUser,
    callId: string,
    applicationIds: string[],
  ): Promise<Array<{ applicationId: string; outcome: ReminderOutcome }>> {
    const ids = [...new Set(applicationIds)];
    return this.transactions.run(async (tx) => {
      const call = await this.calls.getForShare(tx, callId);
      assertAcceptingApplications(call, await databaseNow(tx));
      // Locked so that a submission of one of them waits, rather than cross a reminder to submit.
      const found = await this.bulk.lockMany(tx, ids);
      const unknown = strangers(callId, ids, found);
      if (unknown.length > 0) throw new ApplicationsNotInCallError(unknown);
      const recorded = await this.bulk.recordReminders(tx, callId, ids, actor.id);
      await this.notifications.notify(tx, reminders(call, recorded));
      await this.audit.recordMany(
        tx,
        recorded.map((r) => ({
          actorId: actor.id,
          action: 'application.reminded',
          entityType: 'application',
          entityId: r.applicationId,
          before: null,
          after: { recipientId: r.recipientId },
        })),
      );
      return reminderOutcomes(ids, found, new Set(recorded.map((r) => r.applicationId)));
    });
  }
}

function reminders(call: Call, candidates: ReminderCandidate[]): NotificationRequest[] {
  return candidates.map((c) => draftReminder(call, c));
}
