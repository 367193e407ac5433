/**
 * What the evaluator should do next, and in which order the calls come: plain functions over the
 * assignments, so that the list page and an assignment's page agree.
 */

/** What these functions need of an assignment. */
export interface AssignmentLike {
  id: string;
  status: 'assigned' | 'draft' | 'submitted' | 'declined' | 'released';
}

/** What these functions need of a call's group of assignments. */
export interface GroupLike {
  call: { closesAt: string; title: string };
  assignments: AssignmentLike[];
}

/** An assignment still to evaluate: not started, or a draft. */
export function hasWorkLeft(assignment: AssignmentLike): boolean {
  return assignment.status === 'assigned' || assignment.status === 'draft';
}

/**
 * The assignment to evaluate next, leaving out the one being read (`exceptId`): a draft already
 * begun first, then the oldest one not started (assignments come oldest first).
 */
export function nextToEvaluate<A extends AssignmentLike>(assignments: A[], exceptId?: string): A | undefined {
  const others = assignments.filter(({ id }) => id !== exceptId);
  return others.find(({ status }) => status === 'draft') ?? others.find(({ status }) => status === 'assigned');
}

/** Calls with work left first, the earliest deadline first; then the finished ones, in the same order. */
export function byWorkLeftThenDeadline<G extends GroupLike>(groups: G[]): G[] {
  const finished = (group: G) => (group.assignments.some(hasWorkLeft) ? 0 : 1);
  return [...groups].sort(
    (a, b) =>
      finished(a) - finished(b) ||
      Date.parse(a.call.closesAt) - Date.parse(b.call.closesAt) ||
      a.call.title.localeCompare(b.call.title),
  );
}
