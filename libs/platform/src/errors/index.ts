export * from './domain-error';
export * from './error-declarations';
export * from './error-status';
