import { InvalidTransitionError } from '@app/platform/errors';
import { CallPublishedError } from './calls.errors';
import { CallStatus } from './call';

export type CallAction = 'open' | 'close' | 'startReview' | 'publish' | 'archive';

const TRANSITIONS: Record<CallAction, { from: readonly CallStatus[]; to: CallStatus; verb: string; event: string }> = {
  open: { from: ['draft'], to: 'open', verb: 'opened', event: 'call.opened' },
  close: { from: ['open'], to: 'closed', verb: 'closed', event: 'call.closed' },
  startReview: { from: ['closed'], to: 'reviewing', verb: 'put under review', event: 'call.review_started' },
  publish: { from: ['reviewing'], to: 'published', verb: 'published', event: 'call.published' },
  archive: { from: ['published'], to: 'archived', verb: 'archived', event: 'call.archived' },
};

/** The audit action recorded for a transition, in the past tense like every audit action. */
export function callTransitionEvent(action: CallAction): string {
  return TRANSITIONS[action].event;
}

/** The call's state machine: draft → open → closed → reviewing → published → archived. */
export function nextCallStatus(current: CallStatus, action: CallAction): CallStatus {
  const transition = TRANSITIONS[action];
  if (!transition.from.includes(current)) throw new InvalidTransitionError('call', current, transition.verb);
  return transition.to;
}

/** Until publication the outcome can still change, so weights may too. */
export function isBeforePublication(status: CallStatus): boolean {
  return status !== 'published' && status !== 'archived';
}

/** For every change that would alter a published outcome: 409 COHORT_PUBLISHED. */
export function assertBeforePublication(call: { status: CallStatus }): void {
  if (!isBeforePublication(call.status)) throw new CallPublishedError();
}

/** Submissions are accepted only while the call is open and the clock is inside its window. */
export function submissionWindow(
  call: { status: CallStatus; opensAt: Date; closesAt: Date },
  now: Date,
): 'open' | 'not_open' | 'deadline_passed' {
  if (call.status !== 'draft' && now >= call.closesAt) return 'deadline_passed';
  if (call.status !== 'open' || now < call.opensAt) return 'not_open';
  return 'open';
}
