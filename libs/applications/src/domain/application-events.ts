import { eventsOf } from '@app/platform/outbox/events';

/**
 * Events the applications context publishes through the outbox: scoring subscribes (a withdrawn or
 * newly (in)eligible application leaves or enters the ranking) without applications knowing it.
 */
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

/** Each event's payload. */
export type ApplicationEvents = Record<
  (typeof APPLICATION_EVENTS)[keyof typeof APPLICATION_EVENTS],
  ApplicationEventPayload
>;

export const applicationEvent = eventsOf<ApplicationEvents>();
