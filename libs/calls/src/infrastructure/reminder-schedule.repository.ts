import { Injectable } from '@nestjs/common';
import { Transaction, Transactions } from '@app/platform';
import type { CallStatus } from '../domain/call';
import type { ReminderSchedule } from '../domain/reminder-schedule';

/** A call's reminder schedule, kept on its row beside its status. */
@Injectable()
export class ReminderScheduleRepository {
  constructor(private readonly transactions: Transactions) {}

  /** The call's status and schedule; `forUpdate` holds the row until the transaction ends. */
  async find(
    id: string,
    options: { tx?: Transaction; forUpdate?: boolean } = {},
  ): Promise<{ status: CallStatus; schedule: ReminderSchedule } | null> {
    const tx = options.tx ?? this.transactions.autocommit;
    const [row] = (await tx.query(
      `SELECT status, reminder_schedule AS schedule FROM calls WHERE id = $1${options.forUpdate ? ' FOR UPDATE' : ''}`,
      [id],
    )) as Array<{ status: CallStatus; schedule: ReminderSchedule }>;
    return row ?? null;
  }

  async save(tx: Transaction, id: string, schedule: ReminderSchedule): Promise<void> {
    await tx.query(`UPDATE calls SET reminder_schedule = $2 WHERE id = $1`, [id, JSON.stringify(schedule)]);
  }
}
