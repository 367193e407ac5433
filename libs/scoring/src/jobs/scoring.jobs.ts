/** The scoring queue and its jobs: stable names, typed payloads. */
export const SCORING_QUEUE = 'scoring';

export const SCORING_JOBS = {
  /** Recompute a whole call from the database; a burst of requests is served by one run. */
  rescoreCall: 'scoring.rescore-call',
  /** Start a full run: plan its chunks and fan them out as a flow. */
  fullRun: 'scoring.full-run',
  /** A child of a full run: stage the evaluator totals of one chunk of applications. */
  scoreChunk: 'scoring.score-chunk',
  /** The parent of a full run: normalise, rank and write the results from the staged totals. */
  finishRun: 'scoring.finish-run',
} as const;

export interface RescoreCallPayload {
  callId: string;
}

export interface FullRunPayload {
  callId: string;
  runId: string;
}

export interface ScoreChunkPayload {
  runId: string;
  chunk: number;
}

export interface FinishRunPayload {
  runId: string;
}

/** What the outbox adds to every job it relays: the row the job completes with its effect. */
export interface OutboxJobData {
  outboxId: string;
}
