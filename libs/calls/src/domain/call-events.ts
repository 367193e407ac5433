/**
 * Events the calls context publishes through the outbox, on a queue of its own: other contexts
 * subscribe in the worker without calls knowing them (scoring rescores on a reweighting).
 */
export const CALL_EVENTS_QUEUE = 'call-events';

export const CALL_EVENTS = {
  /** Criterion weights changed after the call opened: scores must be recomputed. */
  reweighted: 'call.reweighted',
} as const;

export interface CallEventPayload {
  callId: string;
}
