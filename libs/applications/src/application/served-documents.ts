import { ACCEPTED_DOCUMENT_TYPES, safeFilename } from '../domain/file-types';
import { DocumentInfo } from '../infrastructure/documents.repository';

/** Documents stored before names took their detected type's extension are served as if they had. */
export function withServedName<T extends DocumentInfo>(document: T): T {
  return { ...document, filename: safeFilename(document.filename, ACCEPTED_DOCUMENT_TYPES[document.mimeType]) };
}
