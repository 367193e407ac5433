export * from './domain-error';
export * from './error-declarations';
export * from './error-status';
export * from './platform-details';
export * from './problem-details';
export * from './transition-details';
