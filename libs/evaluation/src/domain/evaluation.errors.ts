import { DomainError, FieldError } from '@app/platform/errors';

export class IncompleteEvaluationError extends DomainError {
  constructor(errors: FieldError[]) {
    super('INCOMPLETE_EVALUATION', 'Every criterion must be scored before submitting.', errors);
  }
}

export class ConflictOfInterestError extends DomainError {
  constructor(kind: string) {
    super('CONFLICT_OF_INTEREST', `The evaluator has a conflict of interest with this application (${kind}).`);
  }
}

export class NotOnPanelError extends DomainError {
  constructor() {
    super('NOT_ON_PANEL', 'The evaluator is not on the panel of this call.');
  }
}

export class AlreadyAssignedError extends DomainError {
  constructor() {
    super('ALREADY_ASSIGNED', 'The evaluator is already assigned to this application.');
  }
}

export class NotAnEvaluatorError extends DomainError {
  constructor(ids: string[]) {
    super('VALIDATION_FAILED', 'Only users with the evaluator role can sit on a panel.', [
      ...ids.map((id) => ({
        field: 'evaluatorIds',
        message: `${id} is not an evaluator`,
        code: 'NOT_AN_EVALUATOR',
        params: { id },
      })),
    ]);
  }
}

export class AssignmentClosedError extends DomainError {
  constructor(status: string, action: string) {
    super('INVALID_TRANSITION', `An assignment that is ${status} cannot be ${action}.`);
  }
}

export class EvaluationsHiddenError extends DomainError {
  constructor() {
    super('FORBIDDEN', "Submit your own evaluation of this application before reading your colleagues'.");
  }
}

export class CallPublishedError extends DomainError {
  constructor() {
    super('COHORT_PUBLISHED', 'The cohort of this call is published; its evaluations can no longer change.');
  }
}

export class NotAssignableError extends DomainError {
  constructor() {
    super('NOT_ASSIGNABLE', 'Only submitted, eligible applications are evaluated.');
  }
}

export class AssignmentNotYetError extends DomainError {
  constructor(status: string) {
    super('INVALID_TRANSITION', `Evaluators are assigned once the call has closed; this call is ${status}.`);
  }
}
