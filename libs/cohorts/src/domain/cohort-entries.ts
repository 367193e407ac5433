import type { RankedApplication } from './candidates';
import type { ApplicationForSelection, CohortMember, Exclusion, ExclusionReason } from './selection.types';

/** The member (or waitlist) entry of a ranked application. */
export function memberOf(application: RankedApplication): CohortMember {
  const { applicationId, rank, score, countryCode, region } = application;
  return { applicationId, rank, score, countryCode, region };
}

/** The entry of an application left out of the members, with why. */
export function exclusionOf(
  application: Pick<ApplicationForSelection, 'applicationId' | 'rank' | 'score'>,
  reason: ExclusionReason,
): Exclusion {
  const { applicationId, rank, score } = application;
  return { applicationId, rank, score, reason };
}

export function byRank(a: { rank: number }, b: { rank: number }): number {
  return a.rank - b.rank;
}

/** Ranked exclusions by rank, then unranked ones by id in plain string order, so the list is reproducible. */
export function byRankThenId(a: Exclusion, b: Exclusion): number {
  if (a.rank !== null && b.rank !== null) return a.rank - b.rank;
  if (a.rank !== null) return -1;
  if (b.rank !== null) return 1;
  return a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0;
}
