export * from './cohorts.module';
export * from './application/cohorts.service';
export * from './application/cohort-publication.service';
export * from './application/public-cohorts.service';
export * from './domain/selection';
export * from './domain/public-cohort';
export type * from './domain/selection.types';
export * from './annex';
export { COHORTS_QUEUE } from './jobs/cohorts.jobs';
