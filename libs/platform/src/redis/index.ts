export * from './redis.module';
export * from './redis-connections';
export * from './redis-target';
export * from './cluster-info';
