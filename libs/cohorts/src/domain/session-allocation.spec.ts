import {
  type AllocationOutcome,
  type AllocationRequest,
  type AllocationRule,
  type AllocationSession,
  allocateSessions,
  allocationViolations,
  processingOrder,
} from './session-allocation';

const T0 = Date.UTC(2026, 6, 7, 9, 0, 0);

const request = (
  replyId: string,
  preferences: string[],
  { country = 'KE', at = 0, priorityClass = null as string | null } = {},
): AllocationRequest => ({
  replyId,
  countryCode: country,
  receivedAt: new Date(T0 + at * 60_000),
  priorityClass,
  preferences,
});

const sessionsOf = (capacities: Record<string, number>): AllocationSession[] =>
  Object.entries(capacities).map(([key, capacity]) => ({ key, capacity }));

const granted = (outcomes: AllocationOutcome[]) => outcomes.map((o) => [o.replyId, o.sessionKey]);

describe('session allocation by order of receipt', () => {
  it('gives each reply, earliest first, its most preferred session with a free seat', () => {
    const outcomes = allocateSessions(
      sessionsOf({ A: 1, B: 2 }),
      [request('r1', ['A', 'B'], { at: 1 }), request('r2', ['A', 'B'], { at: 2 }), request('r3', ['A'], { at: 3 })],
      { rule: 'receipt' },
    );
    expect(outcomes).toEqual([
      { replyId: 'r1', order: 1, sessionKey: 'A', preferenceRank: 1, reason: null, passedOver: [] },
      {
        replyId: 'r2',
        order: 2,
        sessionKey: 'B',
        preferenceRank: 2,
        reason: null,
        passedOver: [{ sessionKey: 'A', reason: 'SESSION_FULL' }],
      },
      {
        replyId: 'r3',
        order: 3,
        sessionKey: null,
        preferenceRank: null,
        reason: 'SESSIONS_FULL',
        passedOver: [{ sessionKey: 'A', reason: 'SESSION_FULL' }],
      },
    ]);
  });

  it('processes by submission time, not by the order of the input', () => {
    const outcomes = allocateSessions(
      sessionsOf({ A: 1 }),
      [request('late', ['A'], { at: 5 }), request('early', ['A'], { at: 1 })],
      { rule: 'receipt' },
    );
    expect(granted(outcomes)).toEqual([
      ['early', 'A'],
      ['late', null],
    ]);
  });

  it('breaks ties of submission time by reply id in code-unit order, not the locale’s', () => {
    const tied = ['b', 'a', 'B', 'é', 'e'].map((id) => request(id, []));
    expect(processingOrder(tied, { rule: 'receipt' }).map((r) => r.replyId)).toEqual(['B', 'a', 'b', 'e', 'é']);
    expect(['b', 'a', 'B'].sort((x, y) => x.localeCompare(y, 'en'))).toEqual(['a', 'b', 'B']);
  });

  it('treats a session of capacity 0 as full', () => {
    const [outcome] = allocateSessions(sessionsOf({ A: 0, B: 1 }), [request('r1', ['A', 'B'])], { rule: 'receipt' });
    expect(outcome).toMatchObject({
      sessionKey: 'B',
      preferenceRank: 2,
      passedOver: [{ sessionKey: 'A', reason: 'SESSION_FULL' }],
    });
  });
});

describe('reasons of unallocated requests', () => {
  const rule: AllocationRule = { rule: 'receipt' };

  it('says NO_PREFERENCE when the reply named no session', () => {
    expect(allocateSessions(sessionsOf({ A: 1 }), [request('r1', [])], rule)).toEqual([
      { replyId: 'r1', order: 1, sessionKey: null, preferenceRank: null, reason: 'NO_PREFERENCE', passedOver: [] },
    ]);
  });

  it('says UNKNOWN_SESSION when no session it named exists, SESSIONS_FULL when a known one is full', () => {
    const outcomes = allocateSessions(
      sessionsOf({ A: 1 }),
      [request('r1', ['A']), request('r2', ['Z', 'Y'], { at: 1 }), request('r3', ['Z', 'A'], { at: 2 })],
      rule,
    );
    expect(outcomes.slice(1)).toEqual([
      {
        replyId: 'r2',
        order: 2,
        sessionKey: null,
        preferenceRank: null,
        reason: 'UNKNOWN_SESSION',
        passedOver: [
          { sessionKey: 'Z', reason: 'UNKNOWN_SESSION' },
          { sessionKey: 'Y', reason: 'UNKNOWN_SESSION' },
        ],
      },
      {
        replyId: 'r3',
        order: 3,
        sessionKey: null,
        preferenceRank: null,
        reason: 'SESSIONS_FULL',
        passedOver: [
          { sessionKey: 'Z', reason: 'UNKNOWN_SESSION' },
          { sessionKey: 'A', reason: 'SESSION_FULL' },
        ],
      },
    ]);
  });

  it('skips an unknown session and grants the next preference', () => {
    const [outcome] = allocateSessions(sessionsOf({ A: 1 }), [request('r1', ['Z', 'A'])], rule);
    expect(outcome).toMatchObject({ sessionKey: 'A', preferenceRank: 2, reason: null });
    expect(outcome.passedOver).toEqual([{ sessionKey: 'Z', reason: 'UNKNOWN_SESSION' }]);
  });
});

describe('the country limit per session', () => {
  const rule: AllocationRule = { rule: 'receipt', maxPerCountry: 1 };

  it('passes over a session where the country is at its limit, and says SESSION_FULL when both apply', () => {
    const requests = [
      request('ke1', ['A'], { at: 1 }),
      request('ke2', ['A', 'B'], { at: 2 }),
      request('ke3', ['A', 'B'], { at: 3 }),
      request('fr1', ['A'], { at: 4, country: 'FR' }),
    ];
    const outcomes = allocateSessions(sessionsOf({ A: 3, B: 1 }), requests, rule);
    expect(granted(outcomes)).toEqual([
      ['ke1', 'A'],
      ['ke2', 'B'],
      ['ke3', null],
      ['fr1', 'A'],
    ]);
    expect(outcomes[1].passedOver).toEqual([{ sessionKey: 'A', reason: 'COUNTRY_LIMIT' }]);
    expect(outcomes[2]).toMatchObject({
      reason: 'COUNTRY_LIMIT',
      passedOver: [
        { sessionKey: 'A', reason: 'COUNTRY_LIMIT' },
        { sessionKey: 'B', reason: 'SESSION_FULL' },
      ],
    });
    expect(allocationViolations(sessionsOf({ A: 3, B: 1 }), outcomes, requests, rule)).toEqual([]);
  });

  it('counts per session: the same country may hold a seat in each', () => {
    const outcomes = allocateSessions(
      sessionsOf({ A: 2, B: 2 }),
      [request('r1', ['A'], { at: 1 }), request('r2', ['B', 'A'], { at: 2 }), request('r3', ['A', 'B'], { at: 3 })],
      { rule: 'receipt', maxPerCountry: 1 },
    );
    expect(granted(outcomes)).toEqual([
      ['r1', 'A'],
      ['r2', 'B'],
      ['r3', null],
    ]);
  });

  it('has no limit when maxPerCountry is absent', () => {
    const outcomes = allocateSessions(sessionsOf({ A: 2 }), [request('r1', ['A']), request('r2', ['A'], { at: 1 })], {
      rule: 'receipt',
    });
    expect(granted(outcomes)).toEqual([
      ['r1', 'A'],
      ['r2', 'A'],
    ]);
  });
});

describe('session allocation by priority class', () => {
  const rule: AllocationRule = { rule: 'priority', classes: ['minister', 'deputy_minister'] };

  it('orders by listed class, then submission time, then reply id; null and unlisted classes come last', () => {
    const requests = [
      request('none', [], { at: 0, priorityClass: null }),
      request('amb', [], { at: 0, priorityClass: 'ambassador' }),
      request('dep', [], { at: 1, priorityClass: 'deputy_minister' }),
      request('min2', [], { at: 9, priorityClass: 'minister' }),
      request('min1', [], { at: 9, priorityClass: 'minister' }),
      request('early-none', [], { at: -5, priorityClass: null }),
    ];
    expect(processingOrder(requests, rule).map((r) => r.replyId)).toEqual([
      'min1',
      'min2',
      'dep',
      'early-none',
      'amb',
      'none',
    ]);
  });

  it('lets a later minister take the seat an earlier deputy asked for', () => {
    const outcomes = allocateSessions(
      sessionsOf({ A: 1, B: 1 }),
      [
        request('dep', ['A', 'B'], { at: 1, priorityClass: 'deputy_minister' }),
        request('min', ['A'], { at: 2, priorityClass: 'minister', country: 'FR' }),
      ],
      rule,
    );
    expect(outcomes.map((o) => [o.replyId, o.order, o.sessionKey, o.preferenceRank])).toEqual([
      ['min', 1, 'A', 1],
      ['dep', 2, 'B', 2],
    ]);
  });

  it('ignores priority classes under the receipt rule', () => {
    const requests = [request('dep', [], { at: 1, priorityClass: 'minister' }), request('x', [], { at: 0 })];
    expect(processingOrder(requests, { rule: 'receipt' }).map((r) => r.replyId)).toEqual(['x', 'dep']);
  });
});

describe('inputs', () => {
  it('leaves the inputs as they were', () => {
    const sessions = sessionsOf({ A: 1, B: 1 });
    const requests = [request('b', ['A', 'B'], { at: 2 }), request('a', ['A'], { at: 1 })];
    const before = structuredClone({ sessions, requests });
    allocateSessions(sessions, requests, { rule: 'receipt', maxPerCountry: 1 });
    processingOrder(requests, { rule: 'receipt' });
    expect({ sessions, requests }).toEqual(before);
  });

  it.each([
    ['a duplicate session', sessionsOf({ A: 1 }).concat({ key: 'A', capacity: 1 }), [request('r', [])], {}],
    ['a negative capacity', sessionsOf({ A: -1 }), [request('r', [])], {}],
    ['a fractional capacity', sessionsOf({ A: 1.5 }), [request('r', [])], {}],
    ['a duplicate reply', sessionsOf({ A: 1 }), [request('r', []), request('r', [])], {}],
    ['a duplicate preference', sessionsOf({ A: 1 }), [request('r', ['A', 'A'])], {}],
    ['an invalid date', sessionsOf({ A: 1 }), [{ ...request('r', []), receivedAt: new Date(NaN) }], {}],
    ['a negative limit', sessionsOf({ A: 1 }), [request('r', [])], { maxPerCountry: -1 }],
  ])('rejects %s', (_, sessions, requests, limit) => {
    expect(() => allocateSessions(sessions, requests, { rule: 'receipt', ...limit })).toThrow(
      expect.objectContaining({ code: 'INVALID_SELECTION_INPUT' }),
    );
  });
});

describe('allocationViolations', () => {
  const sessions = sessionsOf({ A: 1, B: 2 });
  const requests = [request('r1', ['A']), request('r2', ['A'], { at: 1 }), request('r3', ['B'], { at: 2 })];
  const outcome = (replyId: string, sessionKey: string | null): AllocationOutcome => ({
    replyId,
    order: 0,
    sessionKey,
    preferenceRank: null,
    reason: null,
    passedOver: [],
  });

  it('accepts the allocation it computed, and an amendment outside the reply’s preferences', () => {
    const rule: AllocationRule = { rule: 'receipt', maxPerCountry: 1 };
    expect(allocationViolations(sessions, allocateSessions(sessions, requests, rule), requests, rule)).toEqual([]);
    const amended = [outcome('r1', 'A'), outcome('r2', 'B'), outcome('r3', null)];
    expect(allocationViolations(sessions, amended, requests, rule)).toEqual([]);
  });

  it('names an exceeded capacity, a country above its limit and an unknown session', () => {
    const amended = [outcome('r1', 'A'), outcome('r2', 'A'), outcome('r3', 'Z')];
    expect(allocationViolations(sessions, amended, requests, { rule: 'receipt', maxPerCountry: 1 })).toEqual([
      { code: 'NOT_A_SESSION', replyId: 'r3', sessionKey: 'Z' },
      { code: 'OVER_CAPACITY', sessionKey: 'A', allocated: 2, capacity: 1 },
      { code: 'OVER_COUNTRY_LIMIT', sessionKey: 'A', countryCode: 'KE', allocated: 2, limit: 1 },
    ]);
    expect(allocationViolations(sessions, amended, requests, { rule: 'receipt' })).toHaveLength(2);
  });

  it('names a reply allocated twice or unknown', () => {
    const amended = [outcome('r3', 'B'), outcome('r3', 'A'), outcome('ghost', 'B')];
    expect(allocationViolations(sessions, amended, requests, { rule: 'receipt' })).toEqual([
      { code: 'ALLOCATED_TWICE', replyId: 'r3' },
      { code: 'NOT_A_REQUEST', replyId: 'ghost', sessionKey: 'B' },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties: the serial dictatorship against every feasible allocation.
