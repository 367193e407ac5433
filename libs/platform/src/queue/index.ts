export * from './queue.module';
export * from './redis-durability.check';
export * from './job-processor';
export { StopTakingJobs, WORKER_CLOSE_GRACE_MS } from './stop-taking-jobs';
export { WORKER_SHUTDOWN_LIMIT_MS, endShutdownWithin } from './shutdown-limit';
