import { DomainError, PLATFORM_DETAILS, PLATFORM_ERRORS, problemDetail } from '../errors';

/** The operations the detail names in each language; another is said as English text. */
const OPERATIONS: Readonly<Record<string, string>> = {
  'store the document': 'store',
  'store the document intact': 'storeIntact',
  'read the document': 'read',
  'remove the document': 'remove',
};

/** The object store could not do what was asked (503); its own error is the cause, which the client is not shown. */
export class DocumentStoreUnavailableError extends DomainError {
  constructor(operation: string, cause: unknown) {
    super(
      PLATFORM_ERRORS.DOCUMENT_STORE_UNAVAILABLE,
      Object.hasOwn(OPERATIONS, operation)
        ? problemDetail(PLATFORM_DETAILS.DOCUMENT_STORE_UNAVAILABLE, { operation: OPERATIONS[operation] })
        : `The document store could not ${operation}; try again shortly.`,
    );
    this.cause = cause;
  }
}
