export * from './domain/scoring';
export * from './domain/final-ranking';
export * from './scoring.module';
export * from './application/scoring.service';
export * from './application/scoring-runs.service';
export * from './application/rank-uncertainty.service';
export * from './infrastructure/scoring.repository';
export type { ScoringRun, ScoringRunStatus } from './infrastructure/scoring-runs.repository';
export { SCORING_QUEUE, SCORING_JOBS, UNCERTAINTY_QUEUE } from './jobs/scoring.jobs';
