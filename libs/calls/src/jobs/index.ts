export * from './call-closing.scheduler';
