import fc from 'fast-check';
import { ExpertiseAssignmentInput, solveAssignment } from './assignment-network';
import { assignByExpertise } from './expertise-assignment';
import { assignRandomly, sampleAssignment, solveFractionalAssignment } from './randomized-assignment';
import { allowedPairs, expertiseInstances } from './testing/expertise-instances';

const pairKey = (applicationId: string, evaluatorId: string) => `${applicationId}|${evaluatorId}`;

/** Six applications, five evaluators, two slots each, loads of three, a few conflicts and an existing pair. */
function crowdedCall(): ExpertiseAssignmentInput {
  const affinity = (a: string, e: string) => ((a.charCodeAt(1) * 7 + e.charCodeAt(1) * 13) % 10) / 10;
  return {
    evaluators: ['e1', 'e2', 'e3', 'e4', 'e5'],
    applications: [
      { id: 'a1', assigned: [], conflicted: ['e1'] },
      { id: 'a2', assigned: ['e2'], conflicted: [] },
      { id: 'a3', assigned: [], conflicted: ['e3'] },
      { id: 'a4', assigned: [], conflicted: [] },
      { id: 'a5', assigned: [], conflicted: ['e5'] },
      { id: 'a6', assigned: [], conflicted: [] },
    ],
    slots: 2,
    affinity,
    defaultMaxLoad: 3,
  };
}

/** Draws, allowed pairs and loads of a run; also the number each application gets. */
function expectDrawValid(
  input: ExpertiseAssignmentInput,
  created: Array<{ applicationId: string; evaluatorId: string }>,
) {
  const { room, applications } = allowedPairs(input);
  const perEvaluator = new Map<string, number>();
  const perApplication = new Map<string, Set<string>>();
  for (const { applicationId, evaluatorId } of created) {
    const application = applications.find((a) => a.id === applicationId);
    expect(application?.allowed).toContain(evaluatorId);
    perEvaluator.set(evaluatorId, (perEvaluator.get(evaluatorId) ?? 0) + 1);
    const set = perApplication.get(applicationId) ?? new Set<string>();
    expect(set.has(evaluatorId)).toBe(false);
    perApplication.set(applicationId, set.add(evaluatorId));
  }
  for (const [e, n] of perEvaluator) expect(n).toBeLessThanOrEqual(room.get(e) ?? 0);
  return perApplication;
}

describe('assignRandomly — many seeded draws', () => {
  const input = crowdedCall();
  const q = 0.7;
  const fractional = solveFractionalAssignment(input, q);
  const draws = 2000;
  const frequency = new Map<string, number>();
  const affinities: number[] = [];
  const sizes = new Set<number>();
  const conflicted = new Set(input.applications.flatMap((a) => a.conflicted.map((e) => pairKey(a.id, e))));
  let conflicts = 0;

  beforeAll(() => {
    for (let seed = 1; seed <= draws; seed++) {
      const result = sampleAssignment(fractional, seed);
      expectDrawValid(input, result.created);
      for (const c of result.created) {
        const key = pairKey(c.applicationId, c.evaluatorId);
        if (conflicted.has(key)) conflicts++;
        frequency.set(key, (frequency.get(key) ?? 0) + 1);
      }
      affinities.push(result.created.reduce((s, c) => s + c.affinity, 0));
      sizes.add(result.created.length);
    }
  });

  it('never assigns a pair in conflict', () => {
    expect(conflicts).toBe(0);
  });

  it('keeps every pair under the cap in the solution and in the empirical frequencies', () => {
    // A frequency's standard error is at most √(¼/n) ≈ 0.011: a tolerance of 4.5 of them (0.05).
    const tolerance = 4.5 * Math.sqrt(0.25 / draws);
    const marginal = new Map(fractional.marginals.map((m) => [pairKey(m.applicationId, m.evaluatorId), m.probability]));
    for (const p of marginal.values()) expect(p).toBeLessThanOrEqual(q);
    expect(new Set(marginal.values()).size).toBeGreaterThan(3);
    for (const [key, count] of frequency) {
      expect({ key, over: count / draws > q + tolerance }).toEqual({ key, over: false });
      expect({ key, off: Math.abs(count / draws - (marginal.get(key) ?? 0)) > tolerance }).toEqual({ key, off: false });
    }
  });

  it('fills every slot in every draw when the fractional solution does', () => {
    const slots = allowedPairs(input).applications.reduce((s, a) => s + a.need, 0);
    const fractionalSlots = fractional.marginals.reduce((s, m) => s + m.probability, 0);
    expect(fractionalSlots).toBeCloseTo(slots, 9);
    expect(sizes).toEqual(new Set([slots]));
  });

  it('has the fractional optimum as its mean affinity', () => {
    const mean = affinities.reduce((s, x) => s + x, 0) / draws;
    const sd = Math.sqrt(affinities.reduce((s, x) => s + (x - mean) ** 2, 0) / (draws - 1));
    expect(Math.abs(mean - fractional.expectedAffinity)).toBeLessThan(4.5 * (sd / Math.sqrt(draws)) + 1e-9);
  });

  it('records the seed and the cap, and repeats a draw for a seed', () => {
    const once = assignRandomly({ ...input, maxPairProbability: q, seed: 42 });
    expect(once).toMatchObject({ seed: 42, cap: 0.7, expectedAffinity: fractional.expectedAffinity });
    expect(assignRandomly({ ...input, maxPairProbability: q, seed: 42 })).toEqual(once);
    const others = [43, 44, 45, 46].map((seed) => sampleAssignment(fractional, seed).created);
    expect(others.some((created) => JSON.stringify(created) !== JSON.stringify(once.created))).toBe(true);
  });
});

describe('solveFractionalAssignment', () => {
  it('reaches the LP optimum: brute force over x ∈ {0, ½} when q = ½ (the optimum is half-integral)', () => {
    fc.assert(
      fc.property(expertiseInstances({ evaluators: 3, applications: 4, slots: 2, maxLoad: 2 }), (input) => {
        const fractional = solveFractionalAssignment(input, 0.5);
        const best = bruteForceHalves(input);
        const filled = fractional.marginals.reduce((s, m) => s + m.probability, 0);
        expect(filled).toBeCloseTo(best.filled, 9);
        expect(fractional.expectedAffinity).toBeCloseTo(best.affinity, 9);
        // The same from one candidate per application, widened until the optimality check holds.
        const narrow = solveAssignment(input, 1000, 500, 1);
        const value = narrow.pairs.reduce((s, p) => s + (p.affinity * narrow.flow.flow(p.arc)) / 1000, 0);
        expect(value).toBeCloseTo(best.affinity, 9);
      }),
      { seed: 20_260_420, numRuns: 60 },
    );
  });

  it('with q = 1 is integral and worth the exact assignment; with q < 1 it is worth no more', () => {
    fc.assert(
      fc.property(expertiseInstances({ evaluators: 6, applications: 10, slots: 3, maxLoad: 6 }), (input) => {
        const exact = assignByExpertise(input);
        const value = exact.created.reduce((s, c) => s + c.affinity, 0);
        const whole = solveFractionalAssignment(input, 1);
        expect(whole.marginals.every((m) => m.probability === 1)).toBe(true);
        expect(whole.expectedAffinity).toBeCloseTo(value, 9);
        const capped = solveFractionalAssignment(input, 0.4);
        expect(capped.marginals.every((m) => m.probability <= 0.4)).toBe(true);
        const cappedFilled = capped.marginals.reduce((s, m) => s + m.probability, 0);
        if (Math.abs(cappedFilled - exact.created.length) < 1e-9) {
          expect(capped.expectedAffinity).toBeLessThanOrEqual(value + 1e-9);
        }
      }),
      { seed: 20_260_421, numRuns: 40 },
    );
  });

  it('draws respect conflicts, loads and slots (rounded down or up) on random instances and seeds', () => {
    fc.assert(
      fc.property(
        expertiseInstances({ evaluators: 6, applications: 10, slots: 3, maxLoad: 6 }),
        fc.constantFrom(0.3, 0.5, 0.75),
        fc.integer(),
        (input, q, seed) => {
          const fractional = solveFractionalAssignment(input, q);
          const result = sampleAssignment(fractional, seed);
          const perApplication = expectDrawValid(input, result.created);
          for (const a of input.applications) {
            const degree = fractional.marginals
              .filter((m) => m.applicationId === a.id)
              .reduce((s, m) => s + m.probability, 0);
            const got = perApplication.get(a.id)?.size ?? 0;
            expect(got).toBeGreaterThanOrEqual(Math.floor(degree + 1e-9));
            expect(got).toBeLessThanOrEqual(Math.ceil(degree - 1e-9));
          }
        },
      ),
      { seed: 20_260_422, numRuns: 80 },
    );
  });

  it('refuses a cap outside [1/1000, 1]', () => {
    expect(() => solveFractionalAssignment(crowdedCall(), 0)).toThrow(RangeError);
    expect(() => solveFractionalAssignment(crowdedCall(), 1.5)).toThrow(RangeError);
    expect(() => solveFractionalAssignment(crowdedCall(), NaN)).toThrow(RangeError);
  });
});

/** The most slots x fills and then the greatest Σ affinity·x, over x ∈ {0, ½} on allowed pairs. */
function bruteForceHalves(input: ExpertiseAssignmentInput): { filled: number; affinity: number } {
  const { room, applications } = allowedPairs(input);
  const pairs = applications.flatMap((a) => (a.need > 0 ? a.allowed.map((e) => ({ a, e })) : []));
  let best = { filled: -1, affinity: -1 };
  for (let mask = 0; mask < 1 << pairs.length; mask++) {
    const chosen = pairs.filter((_, k) => mask & (1 << k));
    const fits =
      applications.every((a) => chosen.filter((p) => p.a === a).length * 0.5 <= a.need) &&
      [...room].every(([e, r]) => chosen.filter((p) => p.e === e).length * 0.5 <= r);
    if (!fits) continue;
    const filled = chosen.length * 0.5;
    const affinity = chosen.reduce((s, p) => s + 0.5 * input.affinity(p.a.id, p.e), 0);
    if (filled > best.filled || (filled === best.filled && affinity > best.affinity + 1e-9))
      best = { filled, affinity };
  }
  return best;
}
