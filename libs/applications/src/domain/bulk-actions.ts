import { DomainError, FieldError, PLATFORM_ERRORS, problemDetail } from '@app/platform/errors';
import { ApplicationStatus } from './application';
import { APPLICATIONS_DETAILS } from './applications.errors';

/** How a bulk action sees each application it names. */
export interface NamedApplication {
  id: string;
  callId: string;
  status: ApplicationStatus;
}

/**
 * A bulk action names applications of one call; any other id (unknown, or of another call) refuses the
 * whole batch, one error per id, since the caller's selection is not what it believes.
 */
export function strangers(callId: string, ids: string[], found: NamedApplication[]): FieldError[] {
  const ofCall = new Set(found.filter((a) => a.callId === callId).map((a) => a.id));
  return ids
    .filter((id) => !ofCall.has(id))
    .map((id) => ({
      field: 'applicationIds',
      message: `${id} is not an application of this call`,
      code: 'NOT_IN_CALL',
      params: { applicationId: id },
    }));
}

/** Only submitted applications take an eligibility decision: one error per other one. */
export function undecidable(found: NamedApplication[]): FieldError[] {
  return found
    .filter((a) => a.status !== 'submitted')
    .map((a) => ({
      field: 'applicationIds',
      message: `${a.id} is ${a.status}; only submitted applications take an eligibility decision`,
      code: 'NOT_SUBMITTED',
      params: { applicationId: a.id, status: a.status },
    }));
}

export class ApplicationsNotInCallError extends DomainError {
  constructor(errors: FieldError[]) {
    super(PLATFORM_ERRORS.NOT_FOUND, problemDetail(APPLICATIONS_DETAILS.APPLICATIONS_NOT_IN_CALL), errors);
  }
}

export class ApplicationsNotSubmittedError extends DomainError {
  constructor(errors: FieldError[]) {
    super(PLATFORM_ERRORS.INVALID_TRANSITION, problemDetail(APPLICATIONS_DETAILS.APPLICATIONS_NOT_SUBMITTED), errors);
  }
}

export const REMINDER_OUTCOMES = ['reminded', 'already_reminded_today', 'not_draft'] as const;
/** What a bulk reminder did for one application. */
export type ReminderOutcome = (typeof REMINDER_OUTCOMES)[number];

/** Each named application's outcome, in the order named: reminded now, earlier today, or not a draft. */
export function reminderOutcomes(
  ids: string[],
  found: NamedApplication[],
  reminded: ReadonlySet<string>,
): Array<{ applicationId: string; outcome: ReminderOutcome }> {
  const statuses = new Map(found.map((a) => [a.id, a.status]));
  return ids.map((applicationId) => ({
    applicationId,
    outcome: reminded.has(applicationId)
      ? 'reminded'
      : statuses.get(applicationId) === 'draft'
        ? 'already_reminded_today'
        : 'not_draft',
  }));
}
