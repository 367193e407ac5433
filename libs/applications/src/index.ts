export * from './applications.module';
export * from './application/application-outcomes.service';
export * from './application/applications.service';
export * from './application/clarifications.service';
export * from './application/documents.service';
export * from './domain/application';
export * from './domain/application-events';
export * from './domain/clarification';
