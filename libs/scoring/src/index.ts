export * from './domain/scoring';
export * from './scoring.module';
export * from './application/scoring.service';
export * from './infrastructure/scoring.repository';
export { SCORING_QUEUE, SCORING_JOBS } from './jobs/scoring.jobs';
