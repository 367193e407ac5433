import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { User } from '@app/identity';
import { stageAt, titlesOf, type Call } from '@app/calls';
import {
  NotificationPreview,
  NotificationRequest,
  notificationRequest,
  NotificationsService,
} from '@app/notifications';
import { AuthUser, Page, PageQuery, Transactions } from '@app/platform';
import { EvaluatorProgress, PanelProgressRepository } from '../infrastructure/panel-progress.repository';
import { EvaluationContext } from './evaluation-context';

export interface PanelProgressEntry extends EvaluatorProgress {
  evaluator: Pick<User, 'id' | 'displayName' | 'email' | 'active'>;
}

export type ReminderSkip = 'NOTHING_TO_EVALUATE' | 'ALREADY_REMINDED_TODAY';

export interface ReminderReport {
  /** Evaluators reminded now: an in-app notification and an e-mail each, in their language. */
  reminded: Array<{ evaluatorId: string; open: number }>;
  skipped: Array<{ evaluatorId: string; reason: ReminderSkip }>;
}

/** The panel's progress on a call, and the reminders that chase what is left. */
@Injectable()
export class PanelProgressService {
  constructor(
    private readonly progress: PanelProgressRepository,
    private readonly context: EvaluationContext,
    private readonly transactions: Transactions,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
  ) {}

  /** A page of the panel with each member's assignments in the stage counted by status (404 for a stage it lacks). */
  async page(callId: string, stage: number, page: PageQuery): Promise<Page<PanelProgressEntry>> {
    stageAt(await this.context.call(callId), stage);
    const progress = await this.progress.page(callId, stage, page);
    const users = new Map(
      (await this.context.usersByIds(progress.items.map((p) => p.evaluatorId))).map((u) => [u.id, u]),
    );
    return {
      total: progress.total,
      items: progress.items.flatMap((entry) => {
        const user = users.get(entry.evaluatorId);
        return user
          ? [
              {
                ...entry,
                evaluator: { id: user.id, displayName: user.displayName, email: user.email, active: user.active },
              },
            ]
          : [];
      }),
    };
  }

  /** The reminders `remind` would send now, once per language their recipients read; nothing is sent. */
  async previewReminders(callId: string, evaluatorIds: string[], message?: string): Promise<NotificationPreview[]> {
    const call = await this.context.call(callId);
    const candidates = await this.progress.reminderCandidates(callId, [...new Set(evaluatorIds)]);
    return this.notifications.preview(
      reminders(
        call,
        candidates.filter((c) => !c.remindedToday),
        message,
      ),
    );
  }

  /**
   * Reminds each given evaluator with evaluations left in the call, at most once a day per evaluator
   * and call, so a repeated click sends nothing twice; the others are answered as skipped, with why.
   * The secretariat's message, if any, is shown in each reminder and kept with it.
   */
  async remind(actor: AuthUser, callId: string, evaluatorIds: string[], message?: string): Promise<ReminderReport> {
    const call = await this.context.openCall(callId);
    const ids = [...new Set(evaluatorIds)];
    return this.transactions.run(async (tx) => {
      const rows = await this.progress.recordReminders(tx, callId, ids, actor.id, message);
      const reminded = rows.filter((r) => r.recorded).map(({ evaluatorId, open }) => ({ evaluatorId, open }));
      const withWork = new Set(rows.map((r) => r.evaluatorId));
      const skipped = ids.flatMap((evaluatorId): ReminderReport['skipped'] => {
        if (!withWork.has(evaluatorId)) return [{ evaluatorId, reason: 'NOTHING_TO_EVALUATE' }];
        return reminded.some((r) => r.evaluatorId === evaluatorId)
          ? []
          : [{ evaluatorId, reason: 'ALREADY_REMINDED_TODAY' }];
      });
      await this.notifications.notify(tx, reminders(call, reminded, message));
      if (reminded.length > 0) {
        await this.audit.record(tx, {
          actorId: actor.id,
          action: 'panel.evaluators_reminded',
          entityType: 'call',
          entityId: callId,
          after: { evaluatorIds: reminded.map((r) => r.evaluatorId), ...(message ? { message } : {}) },
        });
      }
      return { reminded, skipped };
    });
  }
}

/** A reminder to each evaluator of what it has left in the call, in its language, with the secretariat's message. */
function reminders(
  call: Call,
  evaluators: Array<{ evaluatorId: string; open: number }>,
  message: string | undefined,
): NotificationRequest[] {
  return evaluators.map((e) => {
    const params = { callReference: call.reference, callTitle: titlesOf(call), count: e.open };
    return message
      ? notificationRequest(e.evaluatorId, 'evaluation.reminder_with_message', { ...params, message })
      : notificationRequest(e.evaluatorId, 'evaluation.reminder', params);
  });
}
