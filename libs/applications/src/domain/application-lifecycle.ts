import { InvalidTransitionError } from '@app/platform/errors';
import { ApplicationStatus } from './application';

/** draft → submitted → (withdrawn); outcomes are set at publication. */
export function assertCanWithdraw(status: ApplicationStatus): void {
  if (status !== 'draft' && status !== 'submitted')
    throw new InvalidTransitionError('application', status, 'withdrawn');
}

/**
 * A reply to a registration call is confirmed or declined once submitted, and the decision may be
 * revised (a declined delegation completes its list); a withdrawn reply is not decided.
 */
export function assertCanDecideReply(status: ApplicationStatus, decision: 'confirmed' | 'declined'): void {
  if (status !== 'submitted' && status !== 'confirmed' && status !== 'declined') {
    throw new InvalidTransitionError('application', status, decision);
  }
}

export function assertCanOverrideEligibility(status: ApplicationStatus): void {
  if (status !== 'submitted') {
    throw new InvalidTransitionError('application', status, 'given an eligibility decision (only submitted ones are)');
  }
}
