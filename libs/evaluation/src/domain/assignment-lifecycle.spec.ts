import { DomainError } from '@app/platform/errors';
import { AssignmentAction, nextAssignmentStatus } from './assignment-lifecycle';
import { ASSIGNMENT_STATUSES, AssignmentStatus } from './evaluation';

const ACTIONS: AssignmentAction[] = ['saveDraft', 'submit', 'reopen', 'decline', 'release', 'reassign'];

const ALLOWED: Array<[AssignmentStatus, AssignmentAction, AssignmentStatus]> = [
  ['assigned', 'saveDraft', 'draft'],
  ['draft', 'saveDraft', 'draft'],
  ['assigned', 'submit', 'submitted'],
  ['draft', 'submit', 'submitted'],
  ['submitted', 'reopen', 'draft'],
  ['assigned', 'decline', 'declined'],
  ['draft', 'decline', 'declined'],
  ['assigned', 'release', 'released'],
  ['draft', 'release', 'released'],
  ['submitted', 'release', 'released'],
  ['assigned', 'reassign', 'released'],
  ['draft', 'reassign', 'released'],
];

/** What nextAssignmentStatus answers: the new status, or the code of the error it throws. */
function attempt(status: AssignmentStatus, action: AssignmentAction): { to: AssignmentStatus } | { code: string } {
  try {
    return { to: nextAssignmentStatus(status, action) };
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code };
    throw error;
  }
}

describe('nextAssignmentStatus', () => {
  it.each(ALLOWED)('%s --%s--> %s', (from, action, to) => {
    expect(nextAssignmentStatus(from, action)).toBe(to);
  });

  it('refuses every other (status, action) pair with INVALID_TRANSITION', () => {
    const allowed = new Set(ALLOWED.map(([from, action]) => `${from}:${action}`));
    const refused = ASSIGNMENT_STATUSES.flatMap((status) =>
      ACTIONS.filter((action) => !allowed.has(`${status}:${action}`)).map((action) => ({ status, action })),
    );
    expect(refused).toHaveLength(ASSIGNMENT_STATUSES.length * ACTIONS.length - ALLOWED.length);
    for (const { status, action } of refused) {
      expect({ status, action, result: attempt(status, action) }).toEqual({
        status,
        action,
        result: { code: 'INVALID_TRANSITION' },
      });
    }
  });

  it('never leaves declined or released, which are only history', () => {
    for (const status of ['declined', 'released'] as const) {
      for (const action of ACTIONS) expect(attempt(status, action)).toEqual({ code: 'INVALID_TRANSITION' });
    }
  });

  it('says what cannot be done to the assignment in its message', () => {
    expect(() => nextAssignmentStatus('submitted', 'submit')).toThrow(
      'An assignment that is submitted cannot be submitted.',
    );
    expect(() => nextAssignmentStatus('declined', 'reopen')).toThrow(
      'An assignment that is declined cannot be reopened.',
    );
  });
});
