export * from './platform.config';
export * from './validate-env';
