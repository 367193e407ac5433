import { Injectable } from '@nestjs/common';
import { Transaction, Transactions } from '@app/platform';
import { ApplicationStatus, Eligibility, EligibilityOverride } from '../domain/application';

/** What a bulk action checks of each application it names. */
export interface BulkTarget {
  id: string;
  callId: string;
  status: ApplicationStatus;
  eligibility: Eligibility | null;
  eligibilityOverride: EligibilityOverride | null;
}

/** A draft whose applicant may be reminded, and whether it already was today (UTC). */
export interface ReminderCandidate {
  applicationId: string;
  recipientId: string;
  organisationName: string;
  remindedToday: boolean;
}

/** The UTC day a reminder counts for, by the database clock. */
const TODAY = `(clock_timestamp() AT TIME ZONE 'UTC')::date`;

/** Bulk actions on a call's applications: each one statement, whatever the number of applications. */
@Injectable()
export class ApplicationBulkRepository {
  constructor(private readonly transactions: Transactions) {}

  /** The named applications that exist, locked in id order (so that two bulk actions cannot deadlock). */
  async lockMany(tx: Transaction, ids: string[]): Promise<BulkTarget[]> {
    return (await tx.query(
      `SELECT id, call_id AS "callId", status, eligibility, eligibility_override AS "eligibilityOverride"
       FROM applications WHERE id = ANY ($1::uuid[]) ORDER BY id FOR UPDATE`,
      [ids],
    )) as BulkTarget[];
  }

  /** One decision for every application named; each gets a new version. */
  async overrideEligibility(tx: Transaction, ids: string[], override: EligibilityOverride): Promise<void> {
    await tx.query(
      `UPDATE applications SET eligibility_override = $2::jsonb, version = version + 1, updated_at = now()
       WHERE id = ANY ($1::uuid[])`,
      [ids, JSON.stringify(override)],
    );
  }

  /** The drafts among the named applications of the call, with their creators and whether reminded today. */
  async reminderCandidates(callId: string, ids: string[]): Promise<ReminderCandidate[]> {
    return (await this.transactions.autocommit.query(
      `SELECT a.id AS "applicationId", a.created_by AS "recipientId", coalesce(o.name, '') AS "organisationName",
              EXISTS (SELECT 1 FROM application_reminders r WHERE r.application_id = a.id AND r.day = ${TODAY})
                AS "remindedToday"
       FROM applications a LEFT JOIN identity_organisation_names o ON o.id = a.organisation_id
       WHERE a.id = ANY ($1::uuid[]) AND a.call_id = $2 AND a.status = 'draft'
       ORDER BY a.id`,
      [ids, callId],
    )) as ReminderCandidate[];
  }

  /**
   * Records today's reminder of each of these drafts not yet reminded today and answers those, in one
   * statement: of two concurrent requests, the primary key lets only one record each reminder.
   */
  async recordReminders(tx: Transaction, callId: string, ids: string[], actorId: string): Promise<ReminderCandidate[]> {
    return (await tx.query(
      `WITH drafts AS (
         SELECT a.id, a.created_by, coalesce(o.name, '') AS organisation_name
         FROM applications a LEFT JOIN identity_organisation_names o ON o.id = a.organisation_id
         WHERE a.id = ANY ($1::uuid[]) AND a.call_id = $2 AND a.status = 'draft'
       ), recorded AS (
         INSERT INTO application_reminders (application_id, day, recipient_id, sent_by)
         SELECT id, ${TODAY}, created_by, $3 FROM drafts
         ON CONFLICT DO NOTHING
         RETURNING application_id
       )
       SELECT d.id AS "applicationId", d.created_by AS "recipientId", d.organisation_name AS "organisationName",
              false AS "remindedToday"
       FROM drafts d JOIN recorded r ON r.application_id = d.id
       ORDER BY d.id`,
      [ids, callId, actorId],
    )) as ReminderCandidate[];
  }
}
