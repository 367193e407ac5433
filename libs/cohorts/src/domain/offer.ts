import { InvalidTransitionError } from '@app/platform/errors';
import { NotOnCurrentListError, OfferExpiredError } from './cohorts.errors';

export const OFFER_STATUSES = ['offered', 'accepted', 'declined', 'expired', 'withdrawn'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export type OfferAnswer = 'accept' | 'decline';

/** The shortest reason a centre gives for declining: the secretariat reads it. */
export const DECLINE_REASON_MIN = 3;

/** The shortest reason the secretariat gives for withdrawing a centre: it is published with the amendment. */
export const WITHDRAWAL_REASON_MIN = 5;

/**
 * offered → accepted | declined, once, strictly before the deadline; unanswered by then, it is
 * expired (by the worker, or already by this answer's time). An answer is final.
 */
export function assertOfferCan(answer: OfferAnswer, offer: { status: OfferStatus; respondBy: Date }, now: Date): void {
  if (offer.status === 'expired') throw new OfferExpiredError(offer.respondBy);
  if (offer.status !== 'offered') {
    throw new InvalidTransitionError('offer', offer.status, answer === 'accept' ? 'accepted' : 'declined');
  }
  if (now.getTime() >= offer.respondBy.getTime()) throw new OfferExpiredError(offer.respondBy);
}

/**
 * The secretariat withdraws a centre on the current list: its offer stands (offered or accepted).
 * One that declined, lapsed or was withdrawn has left the list already; an application never
 * offered a place (or another cohort's) was never on it.
 */
export function assertWithdrawable(offer: { status: OfferStatus; cohortId: string } | null, cohortId: string): void {
  if (!offer || offer.cohortId !== cohortId || (offer.status !== 'offered' && offer.status !== 'accepted')) {
    throw new NotOnCurrentListError();
  }
}
