export * from './scoring.jobs';
export * from './scoring.processor';
