export * from './queue-dashboard.auth';
export * from './queue-dashboard.module';
