export * from './access-token';
export * from './account-links';
export * from './access.decorators';
export * from './auth.config';
export * from './auth.module';
export * from './auth.types';
export * from './caller-states';
export * from './read-grants';
