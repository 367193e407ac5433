import { ErrorCode } from './error-declarations';
import { PLATFORM_ERRORS } from './error-status';

/**
 * A field-level problem reported with VALIDATION_FAILED and the 422 codes. `message` is English;
 * `code` (and its `params`) let a client say it in the reader's language.
 */
export interface FieldError {
  field: string;
  message: string;
  code?: string;
  params?: Record<string, string | number>;
}

/**
 * Base of every error the domain raises on purpose. It carries a stable machine `code`, declared by
 * its context with a status and a title (declareErrors) that only the HTTP edge reads, so nothing
 * below the controllers knows about HTTP.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors?: FieldError[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(entity: string) {
    super(PLATFORM_ERRORS.NOT_FOUND, `${entity} not found.`);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You are not allowed to do this.') {
    super(PLATFORM_ERRORS.FORBIDDEN, message);
  }
}

export class ValidationError extends DomainError {
  constructor(errors: FieldError[], message = 'The request is invalid.') {
    super(PLATFORM_ERRORS.VALIDATION_FAILED, message, errors);
  }
}

export class VersionConflictError extends DomainError {
  constructor(current: number) {
    super(
      PLATFORM_ERRORS.VERSION_CONFLICT,
      `The resource was changed by someone else; its current version is ${current}.`,
    );
  }
}

export class PreconditionRequiredError extends DomainError {
  constructor() {
    super(
      PLATFORM_ERRORS.PRECONDITION_REQUIRED,
      'This change needs an If-Match header with the version you last read.',
    );
  }
}

export class InvalidTransitionError extends DomainError {
  constructor(entity: string, from: string, action: string) {
    super(PLATFORM_ERRORS.INVALID_TRANSITION, `A ${entity} that is ${from} cannot be ${action}.`);
  }
}
