import { InvalidTransitionError } from '@app/platform/errors';
import { OfferExpiredError } from './cohorts.errors';

export const OFFER_STATUSES = ['offered', 'accepted', 'declined', 'expired'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export type OfferAnswer = 'accept' | 'decline';

/** The shortest reason a centre gives for declining: the secretariat reads it. */
export const DECLINE_REASON_MIN = 3;

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
