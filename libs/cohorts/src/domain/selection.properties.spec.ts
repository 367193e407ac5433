import fc from 'fast-check';
import { constraintViolations } from './constraint-violations';
import { selectCohort } from './selection';
import type {
  ApplicationForSelection,
  CohortConstraints,
  CohortProposal,
  NonCandidateReason,
  Region,
  UnmetConstraint,
} from './selection.types';
import { CROWDED, type Instance, MIXED, instances } from './testing/selection-arbitraries';

type Ranked = ApplicationForSelection & { rank: number; score: number };

/** The §6 candidate rules, restated independently of ./candidates. */
function expectedReason(a: ApplicationForSelection, c: CohortConstraints): NonCandidateReason | null {
  if (a.status === 'withdrawn') return 'WITHDRAWN';
  if (!a.eligible) return 'INELIGIBLE';
  if (a.rank === null || a.score === null || a.evaluationCount < c.evaluatorsPerApplication)
    return 'NOT_FULLY_EVALUATED';
  if (c.minScore !== undefined && a.score < c.minScore) return 'BELOW_MIN_SCORE';
  return null;
}

/** Everything the objective says, found by enumerating every subset of candidates (12 at most). */
function bruteForce({ applications, constraints }: Instance) {
  const candidates = applications
    .filter((a): a is Ranked => expectedReason(a, constraints) === null)
    .sort((a, b) => a.rank - b.rank);
  const minimums = Object.entries(constraints.minPerRegion ?? {}) as Array<[Region, number]>;
  const alone = new Map<Region, number>();
  let optimal: number[] = [];
  let bestKey = [-1, -1];
  for (let mask = 0; mask < 1 << candidates.length; mask++) {
    const members = candidates.filter((_, i) => mask & (1 << i));
    if (!withinCaps(members, constraints)) continue;
    for (const [region] of minimums) {
      alone.set(region, Math.max(alone.get(region) ?? 0, members.filter((m) => m.region === region).length));
    }
    if (members.length > constraints.size) continue;
    const seats = minimums.reduce((sum, [r, m]) => sum + Math.min(m, members.filter((x) => x.region === r).length), 0);
    const key = [members.length, seats];
    const order = key[0] - bestKey[0] || key[1] - bestKey[1];
    if (order > 0) [bestKey, optimal] = [key, []];
    if (order >= 0) optimal.push(mask);
  }
  // Same size: the better set holds the better-ranked element where the two first differ.
  const best = optimal.reduce((a, b) => ((a ^ b) & -(a ^ b) & a ? a : b));
  return { candidates, optimal, best, alone };
}

type Placed = { countryCode: string; region: Region };

function withinCaps(members: readonly Placed[], c: CohortConstraints): boolean {
  const count = (key: (m: Placed) => string) => {
    const counts = new Map<string, number>();
    for (const m of members) counts.set(key(m), (counts.get(key(m)) ?? 0) + 1);
    return counts;
  };
  const perCountry = [...count((m) => m.countryCode).values()];
  if (c.maxPerCountry !== undefined && perCountry.some((n) => n > (c.maxPerCountry ?? 0))) return false;
  return [...count((m) => m.region)].every(([r, n]) => n <= (c.maxPerRegion?.[r as Region] ?? Infinity));
}

/** Checks every passed-over candidate's reason against the members ranked before it (the greedy's state then). */
function expectTruthfulReasons(instance: Instance, proposal: CohortProposal, brute: ReturnType<typeof bruteForce>) {
  const { constraints } = instance;
  const reasonOf = new Map(proposal.excluded.map((e) => [e.applicationId, e.reason]));
  brute.candidates.forEach((x, i) => {
    const before = brute.best & ((1 << i) - 1);
    if (brute.best & (1 << i)) return;
    // Greedy's decision: no optimal cohort agrees with the members so far and takes x.
    const prefix = (1 << (i + 1)) - 1;
    expect(brute.optimal.some((t) => (t & prefix) === (before | (1 << i)))).toBe(false);
    const earlier = brute.candidates.filter((_, k) => before & (1 << k));
    const inCountry = earlier.filter((m) => m.countryCode === x.countryCode).length;
    const inRegion = earlier.filter((m) => m.region === x.region).length;
    const reason = reasonOf.get(x.applicationId);
    const full = earlier.length === constraints.size;
    const countryFull = inCountry === constraints.maxPerCountry;
    const regionFull = inRegion === constraints.maxPerRegion?.[x.region];
    expect({ id: x.applicationId, reason, full }).toEqual({
      id: x.applicationId,
      reason,
      full: reason === 'COHORT_FULL',
    });
    if (reason === 'COUNTRY_CAP') expect(countryFull).toBe(true);
    if (reason === 'REGION_CAP') expect([countryFull, regionFull]).toEqual([false, true]);
    if (reason === 'SEAT_RESERVED_FOR_REGION') {
      expect([full, countryFull, regionFull]).toEqual([false, false, false]);
      // Its own region's minimum is met already; a later member fills another region's.
      expect(inRegion).toBeGreaterThanOrEqual(constraints.minPerRegion?.[x.region] ?? 0);
      const later = brute.candidates.filter((_, k) => k > i && brute.best & (1 << k));
      const short = (r: Region) => earlier.filter((m) => m.region === r).length < (constraints.minPerRegion?.[r] ?? 0);
      expect(later.some((m) => m.region !== x.region && short(m.region))).toBe(true);
    }
  });
}

function expectedUnmet(
  instance: Instance,
  memberCount: number,
  brute: ReturnType<typeof bruteForce>,
  proposal: CohortProposal,
) {
  const { size, minPerRegion = {} } = instance.constraints;
  const unmet: UnmetConstraint[] = [];
  if (memberCount < size)
    unmet.push({ constraint: 'size', required: size, achieved: memberCount, reason: 'NOT_ENOUGH_CANDIDATES' });
  for (const [region, required] of (Object.entries(minPerRegion) as Array<[Region, number]>).sort()) {
    const achieved = proposal.members.filter((m) => m.region === region).length;
    if (achieved >= required) continue;
    const reason = (brute.alone.get(region) ?? 0) < required ? 'NOT_ENOUGH_CANDIDATES' : 'COHORT_SIZE';
    unmet.push({ constraint: 'minPerRegion', region, required, achieved, reason });
  }
  return unmet;
}

function expectExactSelection(instance: Instance): void {
  const proposal = selectCohort(instance.applications, instance.constraints);
  const brute = bruteForce(instance);
  const chosen = brute.candidates.filter((_, i) => brute.best & (1 << i));
  const passedOver = brute.candidates.filter((_, i) => !(brute.best & (1 << i)));
  const entry = ({ applicationId, rank, score, countryCode, region }: Ranked) => ({
    applicationId,
    rank,
    score,
    countryCode,
    region,
  });

  expect(proposal.members).toEqual(chosen.map(entry));
  expect(withinCaps(proposal.members, instance.constraints)).toBe(true);
  expect(proposal.members.length).toBeLessThanOrEqual(instance.constraints.size);
  expect(proposal.waitlist).toEqual(passedOver.slice(0, instance.constraints.waitlistSize ?? 0).map(entry));
  expectTruthfulReasons(instance, proposal, brute);

  const listed = [...proposal.members.map((m) => m.applicationId), ...proposal.excluded.map((e) => e.applicationId)];
  expect([...listed].sort()).toEqual(instance.applications.map((a) => a.applicationId).sort());
  for (const application of instance.applications) {
    const expected = expectedReason(application, instance.constraints);
    const excluded = proposal.excluded.find((e) => e.applicationId === application.applicationId);
    if (expected !== null)
      expect(excluded).toEqual({
        applicationId: application.applicationId,
        rank: application.rank,
        score: application.score,
        reason: expected,
      });
  }
  const ranks = proposal.excluded.map((e) => e.rank ?? Infinity);
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));

  expect(proposal.unmetConstraints).toEqual(expectedUnmet(instance, chosen.length, brute, proposal));
  // With no override, the violations are exactly what the selection could not meet.
  expect(constraintViolations(proposal.members, instance.constraints).map((v) => v.constraint)).toEqual(
    proposal.unmetConstraints.map((u) => u.constraint),
  );
  expect(selectCohort([...instance.applications].reverse(), instance.constraints)).toEqual(proposal);
}

describe('selectCohort — properties', () => {
  it('equals the brute-force optimum, with truthful reasons, on random calls of up to 12 candidates', () => {
    fc.assert(fc.property(instances(MIXED), expectExactSelection), { numRuns: 300 });
  });

  it('equals the brute-force optimum on crowded calls, where minimums reserve seats', () => {
    fc.assert(fc.property(instances(CROWDED), expectExactSelection), { numRuns: 200 });
  });

  it('meets the size and regional minimums whenever some capped set does', () => {
    fc.assert(
      fc.property(instances(MIXED), (instance) => {
        const proposal = selectCohort(instance.applications, instance.constraints);
        const brute = bruteForce(instance);
        const meetsAll = (mask: number) => {
          const members = brute.candidates.filter((_, i) => mask & (1 << i));
          const { size, minPerRegion = {} } = instance.constraints;
          const perRegion = Object.entries(minPerRegion) as Array<[Region, number]>;
          return (
            members.length === size && perRegion.every(([r, m]) => members.filter((x) => x.region === r).length >= m)
          );
        };
        if (brute.optimal.some(meetsAll)) expect(proposal.unmetConstraints).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('exercises every rejection reason', () => {
    const seen = new Set<string>();
    const sample = [
      ...fc.sample(instances(MIXED), { numRuns: 300, seed: 42 }),
      ...fc.sample(instances(CROWDED), { numRuns: 300, seed: 42 }),
    ];
    for (const instance of sample) {
      for (const e of selectCohort(instance.applications, instance.constraints).excluded) seen.add(e.reason);
    }
    expect([...seen].sort()).toEqual(
      [
        'BELOW_MIN_SCORE',
        'COHORT_FULL',
        'COUNTRY_CAP',
        'INELIGIBLE',
        'NOT_FULLY_EVALUATED',
        'REGION_CAP',
        'SEAT_RESERVED_FOR_REGION',
        'WITHDRAWN',
      ].sort(),
    );
  });
});
