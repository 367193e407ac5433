export * from './connection-timeouts';
export * from './database.module';
export * from './postgres-errors';
export * from './service-unavailable';
export * from './transactions';
