import { DomainError } from '@app/platform/errors';
import { APPLICATION_STATUSES, ApplicationStatus } from './application';
import { assertCanOverrideEligibility, assertCanWithdraw } from './application-lifecycle';

function outcome(run: () => void): string {
  try {
    run();
    return 'allowed';
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

describe('application lifecycle', () => {
  const expectations = (allowed: ApplicationStatus[]) =>
    Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, allowed.includes(s) ? 'allowed' : 'INVALID_TRANSITION']));

  it('withdraws drafts and submitted applications only', () => {
    const actual = Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, outcome(() => assertCanWithdraw(s))]));
    expect(actual).toEqual(expectations(['draft', 'submitted']));
  });

  it('takes an eligibility decision on submitted applications only', () => {
    const actual = Object.fromEntries(
      APPLICATION_STATUSES.map((s) => [s, outcome(() => assertCanOverrideEligibility(s))]),
    );
    expect(actual).toEqual(expectations(['submitted']));
  });
});
