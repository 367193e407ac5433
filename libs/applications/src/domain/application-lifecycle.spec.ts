import { APPLICATION_STATUSES, ApplicationStatus } from './application';
import { assertCanOverrideEligibility, assertCanWithdraw } from './application-lifecycle';
import { outcome } from './testing/outcome';

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
