export * from './connection-timeouts';
export * from './context-tables';
export * from './database.module';
export * from './platform.tables';
export * from './postgres-errors';
export * from './service-unavailable';
export * from './transactions';
