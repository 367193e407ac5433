import { Injectable } from '@nestjs/common';
import type { CallTranslations } from '@app/calls';
import { Transaction } from '@app/platform';

/** A reminder recorded now to a draft's applicant, with what its notification says. */
export interface DeadlineReminder {
  recipientId: string;
  callId: string;
  applicationId: string;
  hoursBefore: number;
  organisationName: string;
  reference: string;
  title: string;
  /** The call's translated titles. */
  translations: CallTranslations;
  closesAt: Date;
}

/**
 * The automatic reminders to the applicants of drafts before a call's deadline; what is due comes
 * from the call's schedule (calls_submission_deadlines, granted by calls) and the drafts themselves.
 */
@Injectable()
export class DeadlineRemindersRepository {
  /**
   * Records, in one statement, the reminder due now to the creator of each draft in an open call
   * before its deadline: the nearest to the deadline of the call's offsets (hours before it) whose
   * moment has passed, unless already recorded; earlier ones it passed by are not sent late. The
   * primary key (recipient, call, offset) lets one transaction record each: a concurrent one waits
   * for it, then skips it.
   */
  async recordDue(tx: Transaction): Promise<DeadlineReminder[]> {
    return (await tx.query(
      `WITH due AS (
         SELECT DISTINCT ON (a.created_by, a.call_id)
                a.created_by AS recipient_id, a.call_id, a.id AS application_id,
                coalesce(o.name, '') AS organisation_name, d.reference, d.title, d.translations, d.closes_at,
                (SELECT min(h) FROM unnest(d.hours_before) h
                  WHERE d.closes_at - make_interval(hours => h) <= now()) AS hours_before
           FROM applications a
           JOIN calls_submission_deadlines d ON d.call_id = a.call_id
           LEFT JOIN identity_organisation_names o ON o.id = a.organisation_id
          WHERE a.status = 'draft' AND d.call_status = 'open' AND now() < d.closes_at
          ORDER BY a.created_by, a.call_id, a.created_at, a.id
       ), recorded AS (
         INSERT INTO application_deadline_reminders (recipient_id, call_id, hours_before, application_id)
         SELECT recipient_id, call_id, hours_before, application_id FROM due WHERE hours_before IS NOT NULL
         ON CONFLICT DO NOTHING
         RETURNING recipient_id, call_id
       )
       SELECT d.recipient_id AS "recipientId", d.call_id AS "callId", d.application_id AS "applicationId",
              d.hours_before AS "hoursBefore", d.organisation_name AS "organisationName", d.reference, d.title,
              d.translations, d.closes_at AS "closesAt"
         FROM recorded r JOIN due d USING (recipient_id, call_id)
        ORDER BY d.call_id, d.recipient_id`,
    )) as DeadlineReminder[];
  }
}
