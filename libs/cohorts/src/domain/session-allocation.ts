/**
 * Allocation of sessions in a registration call (e.g. ministers requesting speaking time).
 *
 * The call lists sessions, each with a capacity (its number of seats); each reply asks for one or
 * more sessions, most preferred first, and gets at most one. The rule:
 *
 * 1. **Processing order.** Rule `receipt`: by time of submission, earliest first; ties by reply id
 *    (compared character code by character code). Rule `priority`: by the speaker's class in the
 *    call's list of classes, the first listed first (a reply without a class, or with a class not
 *    listed, comes after every listed class), then by time of submission, then by reply id.
 * 2. **Serial dictatorship.** In that order, each reply gets the first session of its preferences
 *    that still has a free seat and in which its country holds fewer seats than `maxPerCountry`
 *    (a limit per session; without it, no limit).
 * 3. **Reasons.** Each preference tried before the one granted (every preference when none is) is
 *    listed with why it was passed over: `UNKNOWN_SESSION` (no such session in the call),
 *    `SESSION_FULL` (no free seat left; said also when the country is at its limit there as well),
 *    `COUNTRY_LIMIT` (a free seat, but the country already holds `maxPerCountry` in that session).
 *    A reply that gets no session is `NO_PREFERENCE` when it named none; `UNKNOWN_SESSION` when
 *    none of the sessions it named exists; `COUNTRY_LIMIT` when at least one was passed over only
 *    because of its country's limit; `SESSIONS_FULL` otherwise.
 *
 * Taken in processing order, the resulting vector of preference ranks (an unallocated reply counting
 * as worse than any rank) is the lexicographically best of all allocations respecting capacities and
 * the country limit: the first reply gets its best feasible session, the next its best given that, …
 */
import { InvalidSelectionInputError } from './cohorts.errors';

export interface AllocationSession {
  key: string;
  /** Number of seats (speaking slots), an integer ≥ 0. */
  capacity: number;
}

export interface AllocationRequest {
  /** Unique among the requests. */
  replyId: string;
  /** ISO 3166-1 alpha-2 code of the replying organisation's country. */
  countryCode: string;
  /** Submission time. */
  receivedAt: Date;
  /** E.g. the speaker's level from a choice question: 'minister', 'deputy_minister', … */
  priorityClass: string | null;
  /** Session keys, most preferred first, without duplicates; may be empty. */
  preferences: string[];
}

export type AllocationRule =
  | { rule: 'receipt'; maxPerCountry?: number }
  /** `classes` in priority order, the first the highest. */
  | { rule: 'priority'; classes: string[]; maxPerCountry?: number };

export type UnallocatedReason = 'SESSIONS_FULL' | 'COUNTRY_LIMIT' | 'NO_PREFERENCE' | 'UNKNOWN_SESSION';

export type PassedOverReason = 'SESSION_FULL' | 'COUNTRY_LIMIT' | 'UNKNOWN_SESSION';

export interface AllocationOutcome {
  replyId: string;
  /** 1-based position in the processing order. */
  order: number;
  /** The allocated session, null when unallocated. */
  sessionKey: string | null;
  /** 1-based rank of the allocated session in the reply's preferences, null when unallocated. */
  preferenceRank: number | null;
  /** Null when allocated. */
  reason: UnallocatedReason | null;
  /** For each preference not granted before the allocated one (or all when unallocated): why, in preference order */
  passedOver: { sessionKey: string; reason: PassedOverReason }[];
}

/** The requests in the order the rule processes them (a new array; the input is left as it is). */
export function processingOrder(requests: readonly AllocationRequest[], rule: AllocationRule): AllocationRequest[] {
  const classRank = classRankOf(rule);
  return [...requests].sort(
    (a, b) =>
      classRank(a.priorityClass) - classRank(b.priorityClass) ||
      a.receivedAt.getTime() - b.receivedAt.getTime() ||
      compareCodeUnits(a.replyId, b.replyId),
  );
}

/** Allocates at most one session to each request by `rule`; the outcomes come in processing order. */
export function allocateSessions(
  sessions: readonly AllocationSession[],
  requests: readonly AllocationRequest[],
  rule: AllocationRule,
): AllocationOutcome[] {
  assertValidAllocationInput(sessions, requests, rule);
  const free = new Map(sessions.map((s) => [s.key, s.capacity]));
  const seats = new SeatsByCountry();
  return processingOrder(requests, rule).map((request, i) => {
    const passedOver: AllocationOutcome['passedOver'] = [];
    for (const [index, sessionKey] of request.preferences.entries()) {
      const reason = passOverReason(free.get(sessionKey), seats.held(sessionKey, request.countryCode), rule);
      if (reason !== null) {
        passedOver.push({ sessionKey, reason });
        continue;
      }
      free.set(sessionKey, (free.get(sessionKey) ?? 0) - 1);
      seats.add(sessionKey, request.countryCode);
      return {
        replyId: request.replyId,
        order: i + 1,
        sessionKey,
        preferenceRank: index + 1,
        reason: null,
        passedOver,
      };
    }
    const reason = unallocatedReason(passedOver);
    return { replyId: request.replyId, order: i + 1, sessionKey: null, preferenceRank: null, reason, passedOver };
  });
}

/**
 * One thing wrong with an allocation: a session holding more replies than seats, a country above
 * `maxPerCountry` in a session, a reply allocated to a session the call does not list, a reply
 * allocated twice or not among the requests. Structured, so that each reader can be told in its
 * language.
 */
export type AllocationViolation =
  | { code: 'OVER_CAPACITY'; sessionKey: string; allocated: number; capacity: number }
  | { code: 'OVER_COUNTRY_LIMIT'; sessionKey: string; countryCode: string; allocated: number; limit: number }
  | { code: 'NOT_A_SESSION'; replyId: string; sessionKey: string }
  | { code: 'ALLOCATED_TWICE'; replyId: string }
  | { code: 'NOT_A_REQUEST'; replyId: string; sessionKey: string };

/**
 * What is wrong with an allocation, perhaps amended by hand (see AllocationViolation). An allocation
 * to a session outside the reply's preferences is fine (an amendment may do that). Returns [] when
 * there is nothing wrong.
 */
export function allocationViolations(
  sessions: readonly AllocationSession[],
  outcomes: readonly AllocationOutcome[],
  requests: readonly AllocationRequest[],
  rule: AllocationRule,
): AllocationViolation[] {
  const capacity = new Map(sessions.map((s) => [s.key, s.capacity]));
  const country = new Map(requests.map((r) => [r.replyId, r.countryCode]));
  const violations: AllocationViolation[] = [];
  const allocated = new Set<string>();
  const taken = new Map<string, number>();
  const seats = new SeatsByCountry();
  for (const { replyId, sessionKey } of outcomes) {
    if (sessionKey === null) continue;
    if (allocated.has(replyId)) violations.push({ code: 'ALLOCATED_TWICE', replyId });
    allocated.add(replyId);
    if (!capacity.has(sessionKey)) {
      violations.push({ code: 'NOT_A_SESSION', replyId, sessionKey });
      continue;
    }
    taken.set(sessionKey, (taken.get(sessionKey) ?? 0) + 1);
    const countryCode = country.get(replyId);
    if (countryCode === undefined) violations.push({ code: 'NOT_A_REQUEST', replyId, sessionKey });
    else seats.add(sessionKey, countryCode);
  }
  for (const { key, capacity: seatCount } of sessions) {
    const count = taken.get(key) ?? 0;
    if (count > seatCount) {
      violations.push({ code: 'OVER_CAPACITY', sessionKey: key, allocated: count, capacity: seatCount });
    }
    if (rule.maxPerCountry === undefined) continue;
    for (const [countryCode, held] of seats.inSession(key)) {
      if (held > rule.maxPerCountry) {
        violations.push({
          code: 'OVER_COUNTRY_LIMIT',
          sessionKey: key,
          countryCode,
          allocated: held,
          limit: rule.maxPerCountry,
        });
      }
    }
  }
  return violations;
}

/** Seats held per session and country. */
class SeatsByCountry {
  private readonly bySession = new Map<string, Map<string, number>>();

  held(sessionKey: string, countryCode: string): number {
    return this.bySession.get(sessionKey)?.get(countryCode) ?? 0;
  }

  add(sessionKey: string, countryCode: string): void {
    const counts = this.bySession.get(sessionKey) ?? new Map<string, number>();
    counts.set(countryCode, (counts.get(countryCode) ?? 0) + 1);
    this.bySession.set(sessionKey, counts);
  }

  inSession(sessionKey: string): ReadonlyMap<string, number> {
    return this.bySession.get(sessionKey) ?? new Map<string, number>();
  }
}

function passOverReason(free: number | undefined, held: number, rule: AllocationRule): PassedOverReason | null {
  if (free === undefined) return 'UNKNOWN_SESSION';
  if (free <= 0) return 'SESSION_FULL';
  if (rule.maxPerCountry !== undefined && held >= rule.maxPerCountry) return 'COUNTRY_LIMIT';
  return null;
}

function unallocatedReason(passedOver: AllocationOutcome['passedOver']): UnallocatedReason {
  if (passedOver.length === 0) return 'NO_PREFERENCE';
  if (passedOver.every((p) => p.reason === 'UNKNOWN_SESSION')) return 'UNKNOWN_SESSION';
  if (passedOver.some((p) => p.reason === 'COUNTRY_LIMIT')) return 'COUNTRY_LIMIT';
  return 'SESSIONS_FULL';
}

/** Position of a priority class under the rule: unlisted classes and null after every listed one. */
function classRankOf(rule: AllocationRule): (priorityClass: string | null) => number {
  if (rule.rule === 'receipt') return () => 0;
  const index = new Map<string, number>();
  rule.classes.forEach((c, i) => {
    if (!index.has(c)) index.set(c, i);
  });
  return (priorityClass) => (priorityClass === null ? undefined : index.get(priorityClass)) ?? rule.classes.length;
}

/** Plain code-unit order, the same on every machine and locale. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function assertValidAllocationInput(
  sessions: readonly AllocationSession[],
  requests: readonly AllocationRequest[],
  rule: AllocationRule,
): void {
  if (rule.maxPerCountry !== undefined) assertCount(rule.maxPerCountry, 'maxPerCountry');
  const keys = new Set<string>();
  for (const { key, capacity } of sessions) {
    if (keys.has(key)) throw new InvalidSelectionInputError(`session ${key} appears twice`);
    keys.add(key);
    assertCount(capacity, `capacity of session ${key}`);
  }
  const ids = new Set<string>();
  for (const { replyId, receivedAt, preferences } of requests) {
    if (ids.has(replyId)) throw new InvalidSelectionInputError(`reply ${replyId} appears twice`);
    ids.add(replyId);
    if (Number.isNaN(receivedAt.getTime())) {
      throw new InvalidSelectionInputError(`reply ${replyId} has an invalid submission time`);
    }
    if (new Set(preferences).size !== preferences.length) {
      throw new InvalidSelectionInputError(`reply ${replyId} names a session twice among its preferences`);
    }
  }
}

function assertCount(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new InvalidSelectionInputError(`${name} must be an integer ≥ 0, got ${value}`);
  }
}
