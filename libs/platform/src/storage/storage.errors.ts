import { DomainError, declareErrors } from '../errors';

export const STORAGE_ERRORS = declareErrors({
  // The object store refused, failed or did not answer; nothing was recorded, the client may retry.
  DOCUMENT_STORE_UNAVAILABLE: {
    status: 503,
    title: {
      ar: 'مخزن المستندات غير متاح',
      zh: '文档存储不可用',
      en: 'The document store is unavailable',
      fr: 'Le stockage des documents est indisponible',
      ru: 'Хранилище документов недоступно',
      es: 'El almacén de documentos no está disponible',
    },
  },
});

/** The object store could not do what was asked; its own error is the cause, which the client is not shown. */
export class DocumentStoreUnavailableError extends DomainError {
  constructor(operation: string, cause: unknown) {
    super(STORAGE_ERRORS.DOCUMENT_STORE_UNAVAILABLE, `The document store could not ${operation}; try again shortly.`);
    this.cause = cause;
  }
}
