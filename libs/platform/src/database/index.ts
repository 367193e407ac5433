export * from './database.module';
export * from './postgres-errors';
export * from './transactions';
