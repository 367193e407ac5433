export * from './audit.module';
export * from './application/audit.service';
export * from './domain/audit-event';
