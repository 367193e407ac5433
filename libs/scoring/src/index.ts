export * from './domain/scoring';
export * from './infrastructure/scoring.repository';
