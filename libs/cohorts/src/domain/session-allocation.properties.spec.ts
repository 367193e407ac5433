import fc from 'fast-check';
import {
  type AllocationOutcome,
  type AllocationRequest,
  type AllocationRule,
  allocateSessions,
  allocationViolations,
  processingOrder,
} from './session-allocation';
import { Instance, bruteForce, expectedOrder } from './testing/session-allocation-brute-force';

const T0 = Date.UTC(2026, 6, 7, 9, 0, 0);

const CLASSES = ['minister', 'deputy_minister', 'ambassador'];
const IDS = ['a', 'b', 'B', 'A', 'aa', 'a1', 'é', 'e', 'Z', 'z'];

const instances: fc.Arbitrary<Instance> = fc
  .record({
    capacities: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 3 }),
    countries: fc.shuffledSubarray(['KE', 'FR', 'BR'], { minLength: 1 }),
    maxPerCountry: fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }),
    priority: fc.option(fc.shuffledSubarray(CLASSES), { nil: undefined }),
    ids: fc.shuffledSubarray(IDS, { maxLength: 7 }),
  })
  .chain(({ capacities, countries, maxPerCountry, priority, ids }) => {
    const sessions = capacities.map((capacity, i) => ({ key: `S${i + 1}`, capacity }));
    // S3 is unknown when there are fewer sessions; X never exists.
    const keys = fc.oneof(
      { weight: 4, arbitrary: fc.constant<string[]>(['S1', 'S2', 'S3']) },
      fc.constant<string[]>(['S1', 'S2', 'S3', 'X']),
    );
    const requestOf = (replyId: string) =>
      fc.record({
        replyId: fc.constant(replyId),
        countryCode: fc.constantFrom(...countries),
        receivedAt: fc.integer({ min: 0, max: 3 }).map((m) => new Date(T0 + m * 60_000)),
        priorityClass: fc.constantFrom(null, ...CLASSES),
        preferences: keys.chain((k) => fc.shuffledSubarray(k)),
      });
    const rule: AllocationRule =
      priority === undefined
        ? { rule: 'receipt', maxPerCountry }
        : { rule: 'priority', classes: priority, maxPerCountry };
    return fc.tuple(...ids.map(requestOf)).map((requests) => ({ sessions, requests, rule }));
  });

describe('session allocation properties', () => {
  it('equals the lexicographically best feasible allocation found by brute force', () => {
    fc.assert(
      fc.property(instances, (instance) => {
        const outcomes = allocateSessions(instance.sessions, instance.requests, instance.rule);
        const ordered = expectedOrder(instance);
        expect(outcomes.map((o) => o.replyId)).toEqual(ordered.map((r) => r.replyId));
        expect(outcomes.map((o) => o.order)).toEqual(ordered.map((_, i) => i + 1));
        expect(processingOrder(instance.requests, instance.rule)).toEqual(ordered);
        expect(outcomes.map((o) => o.sessionKey)).toEqual(bruteForce(instance));
        expect(allocationViolations(instance.sessions, outcomes, instance.requests, instance.rule)).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('gives reasons consistent with the seats taken before each reply and with the final allocation', () => {
    fc.assert(
      fc.property(instances, (instance) => {
        const outcomes = allocateSessions(instance.sessions, instance.requests, instance.rule);
        expectConsistentReasons(instance, outcomes);
      }),
      { numRuns: 1000 },
    );
  });
});

/**
 * Each passed-over preference's reason is exactly what the seats taken by the replies processed before
 * made it; and, as the brief states it, an unallocated reply finds each of its known preferences full
 * or at its country's limit in the final allocation.
 */
function expectConsistentReasons({ sessions, requests, rule }: Instance, outcomes: AllocationOutcome[]): void {
  const capacity = new Map(sessions.map((s) => [s.key, s.capacity]));
  const byId = new Map(requests.map((r) => [r.replyId, r]));
  const limit = rule.maxPerCountry ?? Infinity;
  const held = (before: number, key: string, country?: string) =>
    outcomes.filter(
      (o) =>
        o.order < before &&
        o.sessionKey === key &&
        (country === undefined || byId.get(o.replyId)?.countryCode === country),
    ).length;
  for (const outcome of outcomes) {
    const { preferences, countryCode } = byId.get(outcome.replyId) as AllocationRequest;
    const tried = outcome.preferenceRank === null ? preferences : preferences.slice(0, outcome.preferenceRank - 1);
    expect(outcome.passedOver.map((p) => p.sessionKey)).toEqual(tried);
    const whyThen = (key: string) => {
      if (!capacity.has(key)) return 'UNKNOWN_SESSION';
      if (held(outcome.order, key) >= (capacity.get(key) ?? 0)) return 'SESSION_FULL';
      return held(outcome.order, key, countryCode) >= limit ? 'COUNTRY_LIMIT' : null;
    };
    expect(outcome.passedOver.map((p) => p.reason)).toEqual(tried.map(whyThen));
    if (outcome.sessionKey !== null) {
      expect(preferences[(outcome.preferenceRank ?? 0) - 1]).toBe(outcome.sessionKey);
      expect(whyThen(outcome.sessionKey)).toBeNull();
      expect(outcome.reason).toBeNull();
      continue;
    }
    for (const key of preferences.filter((k) => capacity.has(k))) {
      const end = outcomes.length + 1;
      expect(held(end, key) >= (capacity.get(key) ?? 0) || held(end, key, countryCode) >= limit).toBe(true);
    }
    const reasons = outcome.passedOver.map((p) => p.reason);
    const expected =
      preferences.length === 0
        ? 'NO_PREFERENCE'
        : reasons.every((r) => r === 'UNKNOWN_SESSION')
          ? 'UNKNOWN_SESSION'
          : reasons.includes('COUNTRY_LIMIT')
            ? 'COUNTRY_LIMIT'
            : 'SESSIONS_FULL';
    expect(outcome.reason).toBe(expected);
  }
}
