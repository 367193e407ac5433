export * from './applications.module';
export * from './application/application-outcomes.service';
export * from './application/applications.service';
export * from './application/replies.service';
export * from './application/blind-review.service';
export * from './application/clarifications.service';
export * from './application/documents.service';
export { DocumentInspector } from './application/document-inspector';
export { DocumentBytes } from './application/document-bytes';
export type { InspectedDocument, UploadedFile } from './application/document-inspector';
// How a route of any context takes one document and serves one back.
export { AcceptsOneDocument, ServesDocumentBytes, documentDownload } from './http/document-transfer';
// How a route of any context documents an application's answers.
export { STORED_ANSWERS_SCHEMA } from './http/answers.schema';
export * from './domain/application';
export type { SessionRequest } from './infrastructure/applications.repository';
export { answerCell } from './domain/people-answers';
export * from './domain/application-events';
export * from './domain/clarification';
export { DocumentStorageMoveModule } from './document-storage-move.module';
export { DocumentStorageMoveService } from './application/document-storage-move.service';
export type { DocumentMoveReport } from './application/document-storage-move.service';
