import { InvalidTransitionError } from '@app/platform/errors';
import { CohortPublishedError } from './cohorts.errors';

export const COHORT_STATUSES = ['proposed', 'approved', 'published'] as const;
export type CohortStatus = (typeof COHORT_STATUSES)[number];

export type CohortAction = 'amend' | 'approve' | 'publish' | 'draw';

const ALLOWED_FROM: Record<CohortAction, { from: CohortStatus; verb: string }> = {
  amend: { from: 'proposed', verb: 'amended' },
  approve: { from: 'proposed', verb: 'approved' },
  publish: { from: 'approved', verb: 'published' },
  // The lottery at the line commits and draws on a proposal, before it is approved.
  draw: { from: 'proposed', verb: 'drawn by lot' },
};

/**
 * proposed → approved → published. A published cohort refuses everything with COHORT_PUBLISHED,
 * and so does any cohort of a call whose cohort is published.
 */
export function assertCohortCan(action: CohortAction, status: CohortStatus, callPublished: boolean): void {
  if (status === 'published' || callPublished) throw new CohortPublishedError();
  const allowed = ALLOWED_FROM[action];
  if (status !== allowed.from) throw new InvalidTransitionError('cohort', status, allowed.verb);
}
