import { AssignmentStatus } from './evaluation';
import { AssignmentClosedError } from './evaluation.errors';

export type AssignmentAction = 'saveDraft' | 'submit' | 'reopen' | 'decline' | 'release' | 'reassign';

const RULES: Record<AssignmentAction, { from: readonly AssignmentStatus[]; to: AssignmentStatus; verb: string }> = {
  saveDraft: { from: ['assigned', 'draft'], to: 'draft', verb: 'edited' },
  submit: { from: ['assigned', 'draft'], to: 'submitted', verb: 'submitted' },
  reopen: { from: ['submitted'], to: 'draft', verb: 'reopened' },
  decline: { from: ['assigned', 'draft'], to: 'declined', verb: 'declined' },
  release: { from: ['assigned', 'draft', 'submitted'], to: 'released', verb: 'released' },
  // A submitted evaluation stays with its author: the secretariat reopens or releases it instead.
  reassign: { from: ['assigned', 'draft'], to: 'released', verb: 'reassigned' },
};

/** assigned → draft → submitted; the secretariat may reopen; declining, releasing or reassigning frees the slot. */
export function nextAssignmentStatus(current: AssignmentStatus, action: AssignmentAction): AssignmentStatus {
  const rule = RULES[action];
  if (!rule.from.includes(current)) throw new AssignmentClosedError(current, rule.verb);
  return rule.to;
}
