import { DomainError, PLATFORM_ERRORS } from '../errors';

/** The object store could not do what was asked (503); its own error is the cause, which the client is not shown. */
export class DocumentStoreUnavailableError extends DomainError {
  constructor(operation: string, cause: unknown) {
    super(PLATFORM_ERRORS.DOCUMENT_STORE_UNAVAILABLE, `The document store could not ${operation}; try again shortly.`);
    this.cause = cause;
  }
}
