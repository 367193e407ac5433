export * from './outbox';
export * from './outbox-relay';
export * from './outbox.config';
export * from './outbox.module';
export * from './events';
export * from './subscriptions';
export * from './job-routing';
