export * from './file-rows';
export * from './measuring-stream';
export * from './object-storage';
export * from './s3-object-storage';
export * from './storage.config';
export * from './storage.errors';
export * from './storage.module';
