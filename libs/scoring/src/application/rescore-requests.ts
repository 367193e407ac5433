import { APPLICATION_EVENTS } from '@app/applications';
import { CALL_EVENTS } from '@app/calls';
import { SCORING_JOBS, SCORING_QUEUE } from '../jobs/scoring.jobs';

const INCREMENTAL = [
  { queue: SCORING_QUEUE, name: SCORING_JOBS.rescoreCall },
  // An application leaving or entering the ranking changes ranks only: an incremental rescoring serves it.
  { queue: SCORING_QUEUE, name: APPLICATION_EVENTS.withdrawn },
  { queue: SCORING_QUEUE, name: APPLICATION_EVENTS.eligibilityOverridden },
];
const REWEIGHTED = { queue: SCORING_QUEUE, name: CALL_EVENTS.reweighted };
const FULL_RUN = { queue: SCORING_QUEUE, name: SCORING_JOBS.fullRun };

/** Outbox rows asking for a call's scores to be recomputed: while one is pending, results are not up to date. */
export const RESCORE_REQUESTS = [...INCREMENTAL, REWEIGHTED, FULL_RUN];

/** The requests an incremental rescoring serves: reweightings and full runs are served by runs. */
export const INCREMENTAL_REQUESTS = INCREMENTAL;

/**
 * The requests any run serves besides its own trigger. Another run's trigger is left to that run,
 * which would otherwise never be dispatched.
 */
export const RUN_COVERED_REQUESTS = [...INCREMENTAL, REWEIGHTED];

export const forCall = (jobs: typeof RESCORE_REQUESTS, callId: string) => ({ jobs, payload: { callId } });
