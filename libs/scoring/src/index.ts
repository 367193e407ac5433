export * from './domain/scoring';
