import { eventsOf } from '@app/platform/outbox/events';

/**
 * Events the calls context publishes through the outbox: each context that subscribes declares it
 * on a queue of its own (scoring rescores on a reweighting) without calls knowing it.
 */
export const CALL_EVENTS = {
  /** Criterion weights changed after the call opened: scores must be recomputed. */
  reweighted: 'call.reweighted',
  /** A call was copied as a new draft: what other contexts keep per call may be copied with it. */
  copied: 'call.copied',
} as const;

export interface CallEventPayload {
  callId: string;
}

/** `callId` is the new draft's. */
export interface CallCopiedPayload extends CallEventPayload {
  copiedFromId: string;
  copiedBy: string;
}

/** Each event's payload. */
export type CallEvents = {
  [CALL_EVENTS.reweighted]: CallEventPayload;
  [CALL_EVENTS.copied]: CallCopiedPayload;
};

export const callEvent = eventsOf<CallEvents>();
