import { InvalidTransitionError } from '@app/platform/errors';
import { NotOnCurrentListError, OfferExpiredError } from './cohorts.errors';
import { OFFER_STATUSES, assertOfferCan, assertWithdrawable } from './offer';

describe('answering an offer', () => {
  const respondBy = new Date('2027-02-01T12:00:00.000Z');
  const before = new Date(respondBy.getTime() - 1);

  it('is possible once, before the deadline, either way', () => {
    for (const answer of ['accept', 'decline'] as const) {
      expect(() => assertOfferCan(answer, { status: 'offered', respondBy }, before)).not.toThrow();
    }
  });

  it('is refused at the deadline and after it, whether the offer is marked expired yet or not', () => {
    for (const now of [respondBy, new Date(respondBy.getTime() + 1)]) {
      expect(() => assertOfferCan('accept', { status: 'offered', respondBy }, now)).toThrow(OfferExpiredError);
    }
    expect(() => assertOfferCan('decline', { status: 'expired', respondBy }, before)).toThrow(OfferExpiredError);
  });

  it('is final: an answered offer is not answered again, even before the deadline', () => {
    for (const status of ['accepted', 'declined'] as const) {
      for (const answer of ['accept', 'decline'] as const) {
        expect(() => assertOfferCan(answer, { status, respondBy }, before)).toThrow(InvalidTransitionError);
      }
    }
  });
});

describe('withdrawing a centre', () => {
  const cohortId = 'c0000000-0000-4000-8000-000000000001';

  it('is possible while its offer stands (open or accepted), and only in its own cohort', () => {
    for (const status of OFFER_STATUSES) {
      const standing = status === 'offered' || status === 'accepted';
      const check = () => assertWithdrawable({ status, cohortId }, cohortId);
      if (standing) expect(check).not.toThrow();
      else expect(check).toThrow(NotOnCurrentListError);
    }
    expect(() => assertWithdrawable({ status: 'accepted', cohortId: 'another' }, cohortId)).toThrow(
      NotOnCurrentListError,
    );
    expect(() => assertWithdrawable(null, cohortId)).toThrow(NotOnCurrentListError);
  });
});
