export * from './queue.module';
export * from './redis-durability.check';
export * from './job-processor';
