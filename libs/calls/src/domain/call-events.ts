import { eventsOf } from '@app/platform/outbox/events';

/**
 * Events the calls context publishes through the outbox: each context that subscribes declares it
 * on a queue of its own (scoring rescores on a reweighting) without calls knowing it.
 */
export const CALL_EVENTS = {
  /** Criterion weights changed after the call opened: scores must be recomputed. */
  reweighted: 'call.reweighted',
} as const;

export interface CallEventPayload {
  callId: string;
}

/** Each event's payload. */
export type CallEvents = Record<(typeof CALL_EVENTS)[keyof typeof CALL_EVENTS], CallEventPayload>;

export const callEvent = eventsOf<CallEvents>();
