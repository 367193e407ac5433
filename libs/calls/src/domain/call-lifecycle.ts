import { InvalidTransitionError } from '@app/platform/errors';
import { CallStatus } from './call';

export type CallAction = 'open' | 'close' | 'startReview' | 'publish' | 'archive';

const TRANSITIONS: Record<CallAction, { from: readonly CallStatus[]; to: CallStatus; verb: string }> = {
  open: { from: ['draft'], to: 'open', verb: 'opened' },
  close: { from: ['open'], to: 'closed', verb: 'closed' },
  startReview: { from: ['closed'], to: 'reviewing', verb: 'put under review' },
  publish: { from: ['reviewing'], to: 'published', verb: 'published' },
  archive: { from: ['published'], to: 'archived', verb: 'archived' },
};

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

/** Submissions are accepted only while the call is open and the clock is inside its window. */
export function submissionWindow(
  call: { status: CallStatus; opensAt: Date; closesAt: Date },
  now: Date,
): 'open' | 'not_open' | 'deadline_passed' {
  if (call.status !== 'draft' && now >= call.closesAt) return 'deadline_passed';
  if (call.status !== 'open' || now < call.opensAt) return 'not_open';
  return 'open';
}
