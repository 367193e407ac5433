import { APPLICATION_EVENTS, ApplicationEvents } from '@app/applications';
import { CALL_EVENTS, CallEvents } from '@app/calls';
import { eventsOf, queueJobs } from '@app/platform';

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

/** Scoring's own work, which it publishes to itself. */
type ScoringOwnJobs = {
  [SCORING_JOBS.rescoreCall]: RescoreCallPayload;
  [SCORING_JOBS.fullRun]: FullRunPayload;
  [SCORING_JOBS.scoreChunk]: ScoreChunkPayload;
  [SCORING_JOBS.finishRun]: FinishRunPayload;
};

/**
 * Every job of the scoring queue: its own work and the events it subscribes to (a ranking without
 * the withdrawn, with the newly eligible; a reweighting starts a full run).
 */
export type ScoringJobs = ScoringOwnJobs &
  Pick<ApplicationEvents, typeof APPLICATION_EVENTS.withdrawn | typeof APPLICATION_EVENTS.eligibilityOverridden> &
  Pick<CallEvents, typeof CALL_EVENTS.reweighted>;

export const scoringJob = eventsOf<ScoringOwnJobs>();

export const SCORING_QUEUE_JOBS = queueJobs<ScoringJobs>(SCORING_QUEUE, {
  [SCORING_JOBS.rescoreCall]: true,
  [SCORING_JOBS.fullRun]: true,
  [SCORING_JOBS.scoreChunk]: true,
  [SCORING_JOBS.finishRun]: true,
  [APPLICATION_EVENTS.withdrawn]: true,
  [APPLICATION_EVENTS.eligibilityOverridden]: true,
  [CALL_EVENTS.reweighted]: true,
});

/**
 * The rank uncertainty of calibrated stages (issue 16 item 2): a bootstrap can take minutes on a
 * large call, so it has a queue of its own and never holds up a rescoring.
 */
export const UNCERTAINTY_QUEUE = 'scoring-uncertainty';

export const UNCERTAINTY_JOBS = {
  /** Bootstrap a calibrated stage's ranks from its fit as last kept; a burst of requests is served by one. */
  bootstrapRanks: 'scoring.bootstrap-ranks',
  /** Bootstrap a call's weighted final ranking from its stages' fits and results; a burst of requests is served by one. */
  bootstrapFinalRanking: 'scoring.bootstrap-final-ranking',
} as const;

export interface BootstrapFinalRankingPayload {
  callId: string;
}

export interface BootstrapRanksPayload {
  callId: string;
  stage: number;
}

type UncertaintyJobs = {
  [UNCERTAINTY_JOBS.bootstrapRanks]: BootstrapRanksPayload;
  [UNCERTAINTY_JOBS.bootstrapFinalRanking]: BootstrapFinalRankingPayload;
};

export const uncertaintyJob = eventsOf<UncertaintyJobs>();

export const UNCERTAINTY_QUEUE_JOBS = queueJobs<UncertaintyJobs>(UNCERTAINTY_QUEUE, {
  [UNCERTAINTY_JOBS.bootstrapRanks]: true,
  [UNCERTAINTY_JOBS.bootstrapFinalRanking]: true,
});

export type { UncertaintyJobs };
