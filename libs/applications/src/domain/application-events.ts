/**
 * Events the applications context publishes through the outbox, on a queue of its own: scoring
 * subscribes in the worker (a withdrawn or newly (in)eligible application leaves or enters the
 * ranking) without applications knowing it.
 */
export const APPLICATION_EVENTS_QUEUE = 'application-events';

export const APPLICATION_EVENTS = {
  /** A submitted application was withdrawn. */
  withdrawn: 'application.withdrawn',
  /** The secretariat decided a submitted application's eligibility. */
  eligibilityOverridden: 'application.eligibility_overridden',
} as const;

export interface ApplicationEventPayload {
  callId: string;
  applicationId: string;
}
