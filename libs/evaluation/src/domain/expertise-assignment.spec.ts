import fc from 'fast-check';
import { ExpertiseAssignmentInput, solveAssignment } from './assignment-network';
import { ExpertiseAssignmentResult, assignByExpertise } from './expertise-assignment';
import { allowedPairs, bruteForceOptimum, expertiseInstances } from './testing/expertise-instances';

const TINY = { evaluators: 4, applications: 4, slots: 2, maxLoad: 3 };
const MEDIUM = { evaluators: 8, applications: 20, slots: 3, maxLoad: 8 };

/** Every constraint of a run: allowed pairs only, loads, shortfalls, loads map, order, affinities, report. */
function expectValid(input: ExpertiseAssignmentInput, result: ExpertiseAssignmentResult): void {
  const { panel, existingLoad, room, applications } = allowedPairs(input);
  const byApplication = new Map<string, string[]>();
  for (const { applicationId, evaluatorId, affinity } of result.created) {
    byApplication.set(applicationId, [...(byApplication.get(applicationId) ?? []), evaluatorId]);
    expect(affinity).toBe(input.affinity(applicationId, evaluatorId));
  }
  const unassigned = [];
  for (const a of applications) {
    const chosen = byApplication.get(a.id) ?? [];
    expect(chosen.filter((e) => !a.allowed.includes(e))).toEqual([]);
    expect(new Set(chosen).size).toBe(chosen.length);
    expect(chosen.length).toBeLessThanOrEqual(a.need);
    if (chosen.length < a.need) unassigned.push({ applicationId: a.id, missing: a.need - chosen.length });
  }
  expect(result.unassigned).toEqual(unassigned.sort((x, y) => (x.applicationId < y.applicationId ? -1 : 1)));
  const created = new Map(panel.map((e): [string, number] => [e, 0]));
  result.created.forEach((c) => created.set(c.evaluatorId, (created.get(c.evaluatorId) ?? 0) + 1));
  for (const e of panel) {
    expect(created.get(e)).toBeLessThanOrEqual(room.get(e) ?? 0);
    expect(result.loads.get(e)).toBe((existingLoad.get(e) ?? 0) + (created.get(e) ?? 0));
  }
  const key = (c: { applicationId: string; evaluatorId: string }) => `${c.applicationId}\u0000${c.evaluatorId}`;
  expect(result.created.map(key)).toEqual(result.created.map(key).sort());
}

const totalAffinity = (result: ExpertiseAssignmentResult) => result.created.reduce((s, c) => s + c.affinity, 0);

describe('assignByExpertise — examples', () => {
  const affinities: Record<string, number> = { 'a1|x': 0.9, 'a1|y': 0.8, 'a2|x': 0.7, 'a2|y': 0.1 };
  const affinity = (a: string, e: string) => affinities[`${a}|${e}`] ?? 0;

  it('gives up a greedy best pair when the total is higher without it', () => {
    // Greedy would give x to a1 (0.9) and y to a2 (0.1): 1.0. The optimum is 0.8 + 0.7 = 1.5.
    const result = assignByExpertise({
      evaluators: ['x', 'y'],
      applications: [
        { id: 'a1', assigned: [], conflicted: [] },
        { id: 'a2', assigned: [], conflicted: [] },
      ],
      slots: 1,
      affinity,
      defaultMaxLoad: 1,
    });
    expect(result.created).toEqual([
      { applicationId: 'a1', evaluatorId: 'y', affinity: 0.8 },
      { applicationId: 'a2', evaluatorId: 'x', affinity: 0.7 },
    ]);
    expect(result.report).toEqual({ meanAffinity: 0.75, worstServed: { applicationId: 'a2', meanAffinity: 0.7 } });
  });

  it('fills a slot with a poor pair rather than leave it empty, and reports what cannot be filled', () => {
    const result = assignByExpertise({
      evaluators: ['x', 'y'],
      applications: [
        { id: 'a1', assigned: [], conflicted: ['y'] },
        { id: 'a2', assigned: [], conflicted: [] },
      ],
      slots: 2,
      affinity,
      defaultMaxLoad: 1,
    });
    // a1 can only have x; a2 then only y (0.1): three slots of four are beyond reach, one is not.
    expect(result.created.map((c) => `${c.applicationId}:${c.evaluatorId}`)).toEqual(['a1:x', 'a2:y']);
    expect(result.unassigned).toEqual([
      { applicationId: 'a1', missing: 1 },
      { applicationId: 'a2', missing: 1 },
    ]);
  });

  it('counts existing assignments in loads, slots and the report, even off the panel for slots', () => {
    const result = assignByExpertise({
      evaluators: ['x', 'y'],
      applications: [
        { id: 'a1', assigned: ['x'], conflicted: [] },
        { id: 'a2', assigned: ['gone'], conflicted: [] },
      ],
      slots: 2,
      affinity,
      maxLoads: new Map([['x', 1]]),
    });
    expect(result.created.map((c) => `${c.applicationId}:${c.evaluatorId}`)).toEqual(['a1:y', 'a2:y']);
    expect(result.loads).toEqual(
      new Map([
        ['x', 1],
        ['y', 2],
      ]),
    );
    expect(result.report.meanAffinity).toBeCloseTo((0.9 + 0.8 + 0.1) / 3, 12);
  });

  it('refuses an affinity outside [0, 1] and a load that is not a whole number', () => {
    const base = { evaluators: ['x'], applications: [{ id: 'a', assigned: [], conflicted: [] }], slots: 1 };
    expect(() => assignByExpertise({ ...base, affinity: () => 1.5 })).toThrow(RangeError);
    expect(() => assignByExpertise({ ...base, affinity: () => NaN })).toThrow(RangeError);
    expect(() => assignByExpertise({ ...base, affinity: () => 0.5, defaultMaxLoad: 1.5 })).toThrow(RangeError);
  });
});

describe('assignByExpertise — properties', () => {
  it('fills the most slots and, among those, reaches the greatest total affinity (brute force)', () => {
    fc.assert(
      fc.property(expertiseInstances(TINY), (input) => {
        const result = assignByExpertise(input);
        expectValid(input, result);
        const best = bruteForceOptimum(input);
        expect(result.created.length).toBe(best.filled);
        expect(totalAffinity(result)).toBeCloseTo(best.affinity, 9);
      }),
      { seed: 20_260_416, numRuns: 150 },
    );
  });

  it('is exact even when it starts from one candidate per application and must widen them', () => {
    fc.assert(
      fc.property(expertiseInstances(TINY), (input) => {
        const network = solveAssignment(input, 1, 1, 1);
        const used = network.pairs.filter((p) => network.flow.flow(p.arc) > 0);
        const best = bruteForceOptimum(input);
        expect(used.length).toBe(best.filled);
        expect(used.reduce((s, p) => s + p.affinity, 0)).toBeCloseTo(best.affinity, 9);
      }),
      { seed: 20_260_419, numRuns: 150 },
    );
  });

  it('respects every constraint on larger instances and answers the same for any input order', () => {
    fc.assert(
      fc.property(expertiseInstances(MEDIUM), (input) => {
        const result = assignByExpertise(input);
        expectValid(input, result);
        const reordered = assignByExpertise({
          ...input,
          evaluators: [...input.evaluators].reverse(),
          applications: [...input.applications].reverse(),
        });
        expect(reordered).toEqual(result);
      }),
      { seed: 20_260_417, numRuns: 60 },
    );
  });

  it('never fills fewer slots than the load-free assignment when loads do not bind', () => {
    fc.assert(
      fc.property(expertiseInstances(MEDIUM), (input) => {
        const free = { ...input, maxLoads: new Map<string, number>(), defaultMaxLoad: undefined };
        const result = assignByExpertise(free);
        const need = allowedPairs(free).applications.reduce((s, a) => s + Math.min(a.need, a.allowed.length), 0);
        expect(result.created.length).toBe(need);
      }),
      { seed: 20_260_418, numRuns: 40 },
    );
  });
});
