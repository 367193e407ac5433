/** The scoring queue and its jobs: stable names, typed payloads. */
export const SCORING_QUEUE = 'scoring';

export const SCORING_JOBS = {
  /** Recompute a whole call from the database; a burst of requests is served by one run. */
  rescoreCall: 'scoring.rescore-call',
} as const;

export interface RescoreCallPayload {
  callId: string;
}

/** What the outbox adds to every job: the row the job completes with its effect. */
export interface OutboxJobData {
  outboxId: string;
}
