import { InvalidTransitionError } from '@app/platform/errors';
import type { PublicCohortMember } from './public-cohort';

export const AGREEMENT_STATUSES = ['issued', 'signed', 'countersigned'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** What happens to an agreement, and by whom: the centre signs, the secretariat returns or countersigns. */
export type AgreementAction = 'sign' | 'return' | 'countersign';

/** The shortest reason the secretariat gives for sending a signed copy back: the centre reads it. */
export const RETURN_REASON_MIN = 5;

/** The terms the secretariat writes per call: long enough to be terms, short enough for a few pages. */
export const AGREEMENT_TERMS_MIN = 20;
export const AGREEMENT_TERMS_MAX = 20_000;

const NEXT: Record<AgreementAction, { from: readonly AgreementStatus[]; to: AgreementStatus; done: string }> = {
  // A centre may replace its signed copy until the secretariat countersigns it.
  sign: { from: ['issued', 'signed'], to: 'signed', done: 'signed' },
  return: { from: ['signed'], to: 'issued', done: 'returned' },
  countersign: { from: ['signed'], to: 'countersigned', done: 'countersigned' },
};

/**
 * issued → signed (the centre uploads its signed copy, again as often as it needs) → countersigned
 * (final), or back to issued when the secretariat returns the copy with a reason. Nothing moves once
 * the secretariat has withdrawn the centre from the cohort. Answers the status the action leads to;
 * refuses any other move with INVALID_TRANSITION.
 */
export function agreementAfter(
  action: AgreementAction,
  agreement: { status: AgreementStatus; centreWithdrawn: boolean },
): AgreementStatus {
  const { from, to, done } = NEXT[action];
  if (agreement.centreWithdrawn)
    throw new InvalidTransitionError('cooperation agreement', 'void (its centre was withdrawn)', done);
  if (!from.includes(agreement.status)) {
    throw new InvalidTransitionError('cooperation agreement', agreement.status, done);
  }
  return to;
}

/** Everything the agreement's document shows, frozen when it is issued. */
export interface AgreementDocument {
  centre: PublicCohortMember;
  call: { reference: string; title: string };
  terms: string;
  /** ISO 8601, UTC. */
  issuedAt: string;
}
