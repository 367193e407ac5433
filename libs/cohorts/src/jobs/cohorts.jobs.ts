import { CALL_EVENTS, CallEvents } from '@app/calls';
import { queueJobs } from '@app/platform';

/** The cohorts queue: the events of other contexts that the cohorts context reacts to. */
export const COHORTS_QUEUE = 'cohorts';

/** A copied call starts with its source's agreement terms. */
export type CohortsJobs = Pick<CallEvents, typeof CALL_EVENTS.copied>;

export const COHORTS_QUEUE_JOBS = queueJobs<CohortsJobs>(COHORTS_QUEUE, {
  [CALL_EVENTS.copied]: true,
});
