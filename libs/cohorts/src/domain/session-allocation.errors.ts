import { DomainError, ProblemDetail, problemDetail } from '@app/platform/errors';
import { COHORTS_DETAILS } from './cohorts.details';
import { COHORTS_ERRORS } from './cohorts.errors';
import type { AllocationViolation } from './session-allocation';

/** The errors of the allocation of a registration call's session seats (codes and texts in the context's declarations). */
export class NoSessionsError extends DomainError {
  constructor() {
    super(COHORTS_ERRORS.NO_SESSIONS, problemDetail(COHORTS_DETAILS.NO_SESSIONS));
  }
}

export class CallNotClosedError extends DomainError {
  constructor() {
    super(COHORTS_ERRORS.CALL_NOT_CLOSED, problemDetail(COHORTS_DETAILS.CALL_NOT_CLOSED));
  }
}

export class AllocationConfirmedError extends DomainError {
  constructor() {
    super(COHORTS_ERRORS.ALLOCATION_CONFIRMED, problemDetail(COHORTS_DETAILS.ALLOCATION_CONFIRMED));
  }
}

/**
 * An amendment that would seat more replies than a session has, or a country above its limit. The
 * detail says the first violation with the session's title; `errors` lists each, with its code and
 * figures, for clients that say them in their own words.
 */
export class AllocationViolationError extends DomainError {
  constructor(violations: AllocationViolation[], sessionTitle: (key: string) => string) {
    super(
      COHORTS_ERRORS.ALLOCATION_VIOLATION,
      violationDetail(violations[0], sessionTitle, violations),
      violations.map((violation) => ({
        field: 'sessionKey',
        message: englishOf(violation),
        code: violation.code,
        params: paramsOf(violation),
      })),
    );
  }
}

function violationDetail(
  first: AllocationViolation,
  sessionTitle: (key: string) => string,
  violations: AllocationViolation[],
): ProblemDetail {
  switch (first.code) {
    case 'OVER_CAPACITY':
      return problemDetail(COHORTS_DETAILS.ALLOCATION_OVER_CAPACITY, {
        session: sessionTitle(first.sessionKey),
        capacity: first.capacity,
        allocated: first.allocated,
      });
    case 'OVER_COUNTRY_LIMIT':
      return problemDetail(COHORTS_DETAILS.ALLOCATION_OVER_COUNTRY_LIMIT, {
        session: sessionTitle(first.sessionKey),
        country: first.countryCode,
        allocated: first.allocated,
        limit: first.limit,
      });
    case 'NOT_A_SESSION':
      return problemDetail(COHORTS_DETAILS.ALLOCATION_NOT_A_SESSION, { session: first.sessionKey });
    default:
      // A reply allocated twice or not among the requests: the data's fault, never an amendment's.
      return problemDetail(COHORTS_DETAILS.ALLOCATION_VIOLATION, { problems: violations.map(englishOf).join('; ') });
  }
}

function paramsOf(violation: AllocationViolation): Record<string, string | number> {
  const { code: _code, ...params } = violation;
  return params;
}

function englishOf(violation: AllocationViolation): string {
  switch (violation.code) {
    case 'OVER_CAPACITY':
      return `session ${violation.sessionKey} has ${violation.capacity} seat(s) for ${violation.allocated} replies`;
    case 'OVER_COUNTRY_LIMIT':
      return `${violation.countryCode} would hold ${violation.allocated} seats in session ${violation.sessionKey}, above the limit of ${violation.limit}`;
    case 'NOT_A_SESSION':
      return `reply ${violation.replyId} is allocated to ${violation.sessionKey}, which is not a session of the call`;
    case 'ALLOCATED_TWICE':
      return `reply ${violation.replyId} is allocated more than one session`;
    case 'NOT_A_REQUEST':
      return `reply ${violation.replyId}, allocated to ${violation.sessionKey}, is not a request`;
  }
}
