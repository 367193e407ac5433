import { Injectable } from '@nestjs/common';
import { titlesOf } from '@app/calls';
import { NotificationRequest, notificationRequest, NotificationsService } from '@app/notifications';
import { AuthUser, Transactions } from '@app/platform';
import {
  AssignmentDueDate,
  DueDatesRepository,
  DueReminder,
  EvaluatorWorkload,
} from '../infrastructure/due-dates.repository';

/** Evaluation due dates as evaluators see them, and the automatic reminders of them. */
@Injectable()
export class DueRemindersService {
  constructor(
    private readonly dueDates: DueDatesRepository,
    private readonly transactions: Transactions,
    private readonly notifications: NotificationsService,
  ) {}

  /** The caller's unfinished assignments, overdue ones and next due date, in one call or all. */
  workload(actor: AuthUser, callId?: string): Promise<EvaluatorWorkload> {
    return this.dueDates.workloadOf(actor.id, callId);
  }

  dueDatesOf(assignmentIds: string[]): Promise<Map<string, AssignmentDueDate>> {
    return this.dueDates.dueDatesOf(assignmentIds);
  }

  /**
   * Sends every reminder due now, each in-app and by e-mail in its recipient's language, in the
   * transaction that records it: sent exactly once, whichever worker gets there first. Answers how many.
   */
  sendDue(): Promise<number> {
    return this.transactions.run(async (tx) => {
      const due = await this.dueDates.recordDue(tx);
      await this.notifications.notify(tx, due.map(dueReminderNotice));
      return due.length;
    });
  }
}

/** Before the due date, that it is coming; after it, that it has passed. */
function dueReminderNotice(reminder: DueReminder): NotificationRequest {
  const params = {
    callReference: reminder.reference,
    callTitle: titlesOf(reminder),
    count: reminder.open,
    dueAt: reminder.dueAt.toISOString(),
  };
  return reminder.offsetDays < 0
    ? notificationRequest(reminder.evaluatorId, 'evaluation.due_soon', params)
    : notificationRequest(reminder.evaluatorId, 'evaluation.overdue', params);
}
