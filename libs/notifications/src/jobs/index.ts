export * from './notifications.jobs';
export * from './notifications.processor';
