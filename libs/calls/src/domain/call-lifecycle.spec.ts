import fc from 'fast-check';
import { DomainError } from '@app/platform/errors';
import { CALL_STATUSES, CallStatus } from './call';
import {
  CallAction,
  callTransitionEvent,
  isBeforePublication,
  nextCallStatus,
  submissionWindow,
} from './call-lifecycle';

const ACTIONS: CallAction[] = ['open', 'close', 'startReview', 'publish', 'archive'];
const CHAIN: CallStatus[] = ['draft', 'open', 'closed', 'reviewing', 'published', 'archived'];

/** What nextCallStatus answers: the new status, or the code of the error it throws. */
function attempt(status: CallStatus, action: CallAction): { to: CallStatus } | { code: string } {
  try {
    return { to: nextCallStatus(status, action) };
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code };
    throw error;
  }
}

describe('nextCallStatus', () => {
  it.each([
    ['draft', 'open', 'open'],
    ['open', 'close', 'closed'],
    ['closed', 'startReview', 'reviewing'],
    ['reviewing', 'publish', 'published'],
    ['published', 'archive', 'archived'],
  ] as const)('%s --%s--> %s', (from, action, to) => {
    expect(nextCallStatus(from, action)).toBe(to);
  });

  it('refuses every other (status, action) pair with INVALID_TRANSITION', () => {
    const allowed = new Set([
      'draft:open',
      'open:close',
      'closed:startReview',
      'reviewing:publish',
      'published:archive',
    ]);
    let refused = 0;
    for (const status of CALL_STATUSES) {
      for (const action of ACTIONS) {
        if (allowed.has(`${status}:${action}`)) continue;
        expect({ status, action, result: attempt(status, action) }).toEqual({
          status,
          action,
          result: { code: 'INVALID_TRANSITION' },
        });
        refused++;
      }
    }
    expect(refused).toBe(CALL_STATUSES.length * ACTIONS.length - allowed.size);
  });

  it('only ever moves one step along draft → open → closed → reviewing → published → archived', () => {
    expect([...CALL_STATUSES]).toEqual(CHAIN);
    for (const from of CALL_STATUSES) {
      const reachable = ACTIONS.map((action) => attempt(from, action))
        .filter((r): r is { to: CallStatus } => 'to' in r)
        .map((r) => r.to);
      const successor = CHAIN[CHAIN.indexOf(from) + 1];
      expect(reachable).toEqual(successor ? [successor] : []);
    }
  });

  it('names the state and the action in its message', () => {
    expect(() => nextCallStatus('archived', 'open')).toThrow('A call that is archived cannot be opened.');
  });
});

describe('isBeforePublication', () => {
  it.each([
    ['draft', true],
    ['open', true],
    ['closed', true],
    ['reviewing', true],
    ['published', false],
    ['archived', false],
  ] as const)('%s → %s', (status, expected) => {
    expect(isBeforePublication(status)).toBe(expected);
  });
});

describe('submissionWindow', () => {
  // Small integer instants so that the boundaries (now = opensAt, now = closesAt) come up often.
  const instant = fc.integer({ min: 0, max: 12 }).map((ms) => new Date(Date.UTC(2030, 0, 1) + ms));
  const status = fc.constantFrom(...CALL_STATUSES);

  it("is 'open' exactly when the call is open and opensAt ≤ now < closesAt", () => {
    fc.assert(
      fc.property(status, instant, instant, instant, (s, opensAt, closesAt, now) => {
        const inside = s === 'open' && opensAt <= now && now < closesAt;
        expect(submissionWindow({ status: s, opensAt, closesAt }, now) === 'open').toBe(inside);
      }),
      { numRuns: 500 },
    );
  });

  it("is 'deadline_passed' exactly when the call has left draft and now ≥ closesAt", () => {
    fc.assert(
      fc.property(status, instant, instant, instant, (s, opensAt, closesAt, now) => {
        const passed = s !== 'draft' && now.getTime() >= closesAt.getTime();
        expect(submissionWindow({ status: s, opensAt, closesAt }, now) === 'deadline_passed').toBe(passed);
      }),
      { numRuns: 500 },
    );
  });

  it('compares instants, not Date identities', () => {
    const opensAt = new Date('2030-01-01T00:00:00Z');
    const closesAt = new Date('2030-02-01T00:00:00Z');
    const call = { status: 'open' as const, opensAt, closesAt };
    expect(submissionWindow(call, new Date('2030-01-01T00:00:00Z'))).toBe('open');
    expect(submissionWindow(call, new Date('2030-01-31T23:59:59.999Z'))).toBe('open');
    expect(submissionWindow(call, new Date('2030-02-01T00:00:00Z'))).toBe('deadline_passed');
    expect(submissionWindow(call, new Date('2029-12-31T23:59:59.999Z'))).toBe('not_open');
  });

  it('a draft is never open nor past its deadline; a closed call before its deadline is not open', () => {
    const opensAt = new Date('2030-01-01T00:00:00Z');
    const closesAt = new Date('2030-02-01T00:00:00Z');
    expect(submissionWindow({ status: 'draft', opensAt, closesAt }, new Date('2030-03-01T00:00:00Z'))).toBe('not_open');
    expect(submissionWindow({ status: 'closed', opensAt, closesAt }, new Date('2030-01-15T00:00:00Z'))).toBe(
      'not_open',
    );
  });
});

describe('callTransitionEvent', () => {
  it('names each transition in the past tense, as audit actions are', () => {
    expect(callTransitionEvent('open')).toBe('call.opened');
    expect(callTransitionEvent('close')).toBe('call.closed');
    expect(callTransitionEvent('startReview')).toBe('call.review_started');
    expect(callTransitionEvent('publish')).toBe('call.published');
  });
});
