import { Injectable } from '@nestjs/common';
import { NotificationsService } from '@app/notifications';
import { Transactions } from '@app/platform';
import { DeadlineRemindersRepository } from '../infrastructure/deadline-reminders.repository';
import { draftReminder } from './draft-reminder';

/** Reminds the applicants of drafts, before the call's deadline, at the hours the call's schedule says. */
@Injectable()
export class DeadlineRemindersService {
  constructor(
    private readonly reminders: DeadlineRemindersRepository,
    private readonly transactions: Transactions,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * Sends every reminder due now, in-app and by e-mail in its recipient's language, in the transaction
   * that records it: sent exactly once, whichever worker gets there first. Answers how many.
   */
  sendDue(): Promise<number> {
    return this.transactions.run(async (tx) => {
      const due = await this.reminders.recordDue(tx);
      await this.notifications.notify(
        tx,
        due.map((reminder) => draftReminder(reminder, reminder)),
      );
      return due.length;
    });
  }
}
