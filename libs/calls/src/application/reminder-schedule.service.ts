import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { AuthUser, NotFoundError, Transactions } from '@app/platform';
import { assertBeforePublication } from '../domain/call-lifecycle';
import { ReminderSchedule, normalisedSchedule } from '../domain/reminder-schedule';
import { ReminderScheduleRepository } from '../infrastructure/reminder-schedule.repository';

/** When a call's automatic reminders go out; the secretariat may change it until publication. */
@Injectable()
export class ReminderScheduleService {
  constructor(
    private readonly schedules: ReminderScheduleRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  async get(callId: string): Promise<ReminderSchedule> {
    const found = await this.schedules.find(callId);
    if (!found) throw new NotFoundError('Call');
    return found.schedule;
  }

  /** Replaces the schedule (audited); reminders already sent stay sent, the others follow the new one. */
  async replace(actor: AuthUser, callId: string, schedule: ReminderSchedule): Promise<ReminderSchedule> {
    const next = normalisedSchedule(schedule);
    await this.transactions.run(async (tx) => {
      const found = await this.schedules.find(callId, { tx, forUpdate: true });
      if (!found) throw new NotFoundError('Call');
      assertBeforePublication(found);
      await this.schedules.save(tx, callId, next);
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'call.reminder_schedule_changed',
        entityType: 'call',
        entityId: callId,
        before: { ...found.schedule },
        after: { ...next },
      });
    });
    return next;
  }
}
