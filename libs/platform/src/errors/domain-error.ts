import type { Language } from '../languages/languages';
import { ErrorCode } from './error-declarations';
import { PLATFORM_ERRORS } from './error-status';
import { PLATFORM_DETAILS } from './platform-details';
import { ProblemDetail, formatDetail, problemDetail } from './problem-details';
import { TRANSITION_DETAILS, transitionKey } from './transition-details';

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
 * below the controllers knows about HTTP. Its detail is a declared text with its values
 * (declareDetails), which the edge says in the reader's language, or English text not yet in a
 * catalogue; `message` is the English either way, for logs.
 */
export class DomainError extends Error {
  readonly detail?: ProblemDetail;

  constructor(
    readonly code: ErrorCode,
    detail: string | ProblemDetail,
    readonly errors?: FieldError[],
  ) {
    const message = typeof detail === 'string' ? detail : (formatDetail(detail, 'en') ?? detail.english ?? detail.key);
    super(message);
    this.name = new.target.name;
    if (typeof detail !== 'string') this.detail = detail;
  }

  /** The detail in a language, English when the catalogue has no text for it. */
  detailIn(language: Language): string {
    return (this.detail && formatDetail(this.detail, language)) ?? this.message;
  }
}

/**
 * A missing entity. Its context may declare `NOT_FOUND.<entity>` (e.g. `NOT_FOUND.Call`) among its
 * details to have it said in each language; otherwise the detail is the English `<entity> not found.`
 */
export class NotFoundError extends DomainError {
  constructor(entity: string) {
    super(PLATFORM_ERRORS.NOT_FOUND, { key: `NOT_FOUND.${entity}`, english: `${entity} not found.` });
  }
}

export class ForbiddenError extends DomainError {
  constructor(message: string | ProblemDetail = problemDetail(PLATFORM_DETAILS.FORBIDDEN)) {
    super(PLATFORM_ERRORS.FORBIDDEN, message);
  }
}

export class ValidationError extends DomainError {
  constructor(
    errors: FieldError[],
    message: string | ProblemDetail = problemDetail(PLATFORM_DETAILS.VALIDATION_FAILED),
  ) {
    super(PLATFORM_ERRORS.VALIDATION_FAILED, message, errors);
  }
}

export class VersionConflictError extends DomainError {
  constructor(current: number) {
    super(PLATFORM_ERRORS.VERSION_CONFLICT, problemDetail(PLATFORM_DETAILS.VERSION_CONFLICT, { current }));
  }
}

export class PreconditionRequiredError extends DomainError {
  constructor() {
    super(PLATFORM_ERRORS.PRECONDITION_REQUIRED, problemDetail(PLATFORM_DETAILS.PRECONDITION_REQUIRED));
  }
}

/**
 * An action a state machine refuses in the entity's state, named by their English words (see
 * TRANSITION_WORDS): "A call that is archived cannot be opened.", said in each language.
 */
export class InvalidTransitionError extends DomainError {
  constructor(entity: string, from: string, action: string) {
    super(
      PLATFORM_ERRORS.INVALID_TRANSITION,
      problemDetail(TRANSITION_DETAILS.INVALID_TRANSITION, {
        entity: transitionKey('entity', entity),
        state: transitionKey('state', from),
        action: transitionKey('action', action),
      }),
    );
  }
}
