import { CALL_EVENTS, CallEvents } from '@app/calls';
import { queueJobs } from '@app/platform';

/** The cohorts queue: the cohorts context's own background work and the events of other contexts it reacts to. */
export const COHORTS_QUEUE = 'cohorts';

export const COHORTS_JOBS = {
  /** Render and store a published cohort's annexes and circulars (nineteen documents in six languages). */
  renderAnnexes: 'cohorts.render-annexes',
} as const;

export interface RenderAnnexesPayload {
  cohortId: string;
}

/** The cohorts context's own work, which it publishes to itself. */
type CohortsOwnJobs = {
  [COHORTS_JOBS.renderAnnexes]: RenderAnnexesPayload;
};

/** Every job of the cohorts queue: its own work; a copied call starts with its source's agreement terms. */
export type CohortsJobs = CohortsOwnJobs & Pick<CallEvents, typeof CALL_EVENTS.copied>;

export const COHORTS_QUEUE_JOBS = queueJobs<CohortsJobs>(COHORTS_QUEUE, {
  [COHORTS_JOBS.renderAnnexes]: true,
  [CALL_EVENTS.copied]: true,
});
