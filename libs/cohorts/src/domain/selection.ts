/**
 * Automatic cohort selection (DESIGN.md §6).
 *
 * Among the capped sets of candidates (at most n, maxPerCountry per country, maxPerRegion[r] per
 * region) we want those of the largest size, then those satisfying the most minimum seats
 * Σ_r min(|S∩r|, minPerRegion[r]) (a minimum the region cannot reach is thereby lowered to what it
 * can), then the lexicographically best by rank. Greedy in rank order that takes a candidate
 * whenever the cohort can still be completed to a set of the first two kinds computes exactly that
 * set: see ./greedy-selection for the O(1) completion test that countries nesting in regions allow.
 */
import { assertValidSelectionInput, splitCandidates } from './candidates';
import { byRankThenId, exclusionOf, memberOf } from './cohort-entries';
import { constraintViolations } from './constraint-violations';
import { decideInRankOrder } from './greedy-selection';
import type {
  ApplicationForSelection,
  CohortConstraints,
  CohortMember,
  CohortProposal,
  Exclusion,
  Region,
  UnmetConstraint,
  WaitlistEntry,
} from './selection.types';

export function selectCohort(
  applications: readonly ApplicationForSelection[],
  constraints: CohortConstraints,
): CohortProposal {
  assertValidSelectionInput(applications, constraints);
  const { candidates, others } = splitCandidates(applications, constraints);
  const { verdicts, attainable } = decideInRankOrder(candidates, constraints);
  const waitlistSize = constraints.waitlistSize ?? 0;
  const members: CohortMember[] = [];
  // The best candidates left out, whatever kept them out: their reason stays visible in `excluded`.
  const waitlist: WaitlistEntry[] = [];
  const excluded: Exclusion[] = [];
  candidates.forEach((candidate, i) => {
    const reason = verdicts[i];
    if (reason === null) {
      members.push(memberOf(candidate));
      return;
    }
    if (waitlist.length < waitlistSize) waitlist.push(memberOf(candidate));
    excluded.push(exclusionOf(candidate, reason));
  });
  for (const { application, reason } of others) excluded.push(exclusionOf(application, reason));
  excluded.sort(byRankThenId);
  return { members, waitlist, excluded, unmetConstraints: unmetConstraints(members, constraints, attainable) };
}

/**
 * The selection never exceeds a cap, so what it leaves unmet is a short cohort and short regions.
 * A region is short either because it cannot reach its minimum alone, or because the minimums
 * (each lowered to what its region can reach) together need more seats than n.
 */
function unmetConstraints(
  members: readonly CohortMember[],
  constraints: CohortConstraints,
  attainable: ReadonlyMap<Region, number>,
): UnmetConstraint[] {
  return constraintViolations(members, constraints).flatMap((violation): UnmetConstraint[] => {
    if (violation.constraint === 'size' && violation.actual < violation.required) {
      const { required, actual } = violation;
      return [{ constraint: 'size', required, achieved: actual, reason: 'NOT_ENOUGH_CANDIDATES' }];
    }
    if (violation.constraint === 'minPerRegion') {
      const { region, required, actual } = violation;
      const reason = (attainable.get(region) ?? 0) < required ? 'NOT_ENOUGH_CANDIDATES' : 'COHORT_SIZE';
      return [{ constraint: 'minPerRegion', region, required, achieved: actual, reason }];
    }
    return [];
  });
}
