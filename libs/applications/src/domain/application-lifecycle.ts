import { InvalidTransitionError } from '@app/platform/errors';
import { ApplicationStatus } from './application';

/** draft → submitted → (withdrawn); outcomes are set at publication. */
export function assertCanWithdraw(status: ApplicationStatus): void {
  if (status !== 'draft' && status !== 'submitted')
    throw new InvalidTransitionError('application', status, 'withdrawn');
}

export function assertCanOverrideEligibility(status: ApplicationStatus): void {
  if (status !== 'submitted') {
    throw new InvalidTransitionError('application', status, 'given an eligibility decision (only submitted ones are)');
  }
}
