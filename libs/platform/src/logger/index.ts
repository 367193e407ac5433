export * from './logger.module';
export * from './unhandled-rejections';
