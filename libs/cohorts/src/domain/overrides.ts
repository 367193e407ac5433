import type { FieldError } from '@app/platform/errors';
import { isRanked } from './candidates';
import { byRank, byRankThenId, exclusionOf, memberOf } from './cohort-entries';
import { InvalidOverrideError } from './cohorts.errors';
import { constraintViolations } from './constraint-violations';
import type {
  ApplicationForSelection,
  CohortConstraints,
  CohortMember,
  CohortOverrides,
  CohortProposal,
  OverriddenProposal,
} from './selection.types';

/**
 * The secretariat's manual changes before approval. Any submitted, eligible, ranked application may
 * be added, even one below minScore or short of evaluations: that is the secretariat's call to make,
 * and the violations show what it costs. Withdrawn, ineligible or unscored applications may not.
 * Overrides may break the caps and minimums; they are reported in `violations`, not refused.
 * The waitlist loses the added applications and is not refilled: overrides edit the proposal, they
 * do not run the selection again. `unmetConstraints` keeps describing the automatic proposal.
 */
export function applyOverrides(
  proposal: CohortProposal,
  overrides: CohortOverrides,
  applications: readonly ApplicationForSelection[],
  constraints: Pick<CohortConstraints, 'size' | 'maxPerCountry' | 'maxPerRegion' | 'minPerRegion'>,
): OverriddenProposal {
  const byId = new Map(applications.map((a) => [a.applicationId, a]));
  const memberIds = new Set(proposal.members.map((m) => m.applicationId));
  const errors = overrideErrors(overrides, byId, memberIds);
  if (errors.length > 0) throw new InvalidOverrideError(errors);

  const removedIds = new Set(overrides.remove);
  const addedIds = new Set(overrides.add);
  const added = overrides.add.flatMap((id): CohortMember[] => {
    const application = byId.get(id);
    return application && isRanked(application) ? [{ ...memberOf(application), reason: 'ADDED_BY_SECRETARIAT' }] : [];
  });
  const kept = proposal.members.filter((m) => !removedIds.has(m.applicationId));
  const members = [...kept, ...added].sort(byRank);
  const removed = proposal.members
    .filter((m) => removedIds.has(m.applicationId))
    .map((m) => exclusionOf(m, 'REMOVED_BY_SECRETARIAT'));
  return {
    members,
    waitlist: proposal.waitlist.filter((w) => !addedIds.has(w.applicationId)),
    excluded: [...proposal.excluded.filter((e) => !addedIds.has(e.applicationId)), ...removed].sort(byRankThenId),
    unmetConstraints: proposal.unmetConstraints,
    violations: constraintViolations(members, constraints),
  };
}

/** Every problem with the request at once, each against the field that names it (`add.0`, `remove.2`). */
function overrideErrors(
  overrides: CohortOverrides,
  byId: ReadonlyMap<string, ApplicationForSelection>,
  memberIds: ReadonlySet<string>,
): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const listed = (field: string, id: string) => {
    if (seen.has(id)) errors.push({ field, message: `${id} is listed more than once` });
    seen.add(id);
  };
  overrides.add.forEach((id, index) => {
    const field = `add.${index}`;
    listed(field, id);
    const problem = additionProblem(byId.get(id), memberIds.has(id));
    if (problem !== null) errors.push({ field, message: `${id} ${problem}` });
  });
  overrides.remove.forEach((id, index) => {
    const field = `remove.${index}`;
    listed(field, id);
    if (!memberIds.has(id)) errors.push({ field, message: `${id} is not a member of the cohort` });
  });
  return errors;
}

function additionProblem(application: ApplicationForSelection | undefined, isMember: boolean): string | null {
  if (application === undefined) return 'is not an application of this call';
  if (isMember) return 'is already a member of the cohort';
  if (application.status === 'withdrawn') return 'has been withdrawn';
  if (!application.eligible) return 'is not eligible';
  if (!isRanked(application)) return 'has not been scored';
  return null;
}
