import { DomainError, problemDetail } from '@app/platform/errors';
import { COHORTS_DETAILS } from './cohorts.details';
import { COHORTS_ERRORS } from './cohorts.errors';

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

/** An amendment that would seat more replies than a session has, or a country above its limit. */
export class AllocationViolationError extends DomainError {
  constructor(problems: string[]) {
    super(
      COHORTS_ERRORS.ALLOCATION_VIOLATION,
      problemDetail(COHORTS_DETAILS.ALLOCATION_VIOLATION, { problems: problems.join('; ') }),
    );
  }
}
