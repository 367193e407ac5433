import fc from 'fast-check';
import { assignInStableOrder } from './assignment-order';
import { planAutoAssignment } from './expertise-plan';

const key = (id: string) => id.toUpperCase();
const input = {
  slots: 1,
  evaluators: ['e1', 'e2'],
  applications: [
    { id: 'a1', assigned: [], conflicted: [] },
    { id: 'a2', assigned: [], conflicted: [] },
  ],
};

describe('planAutoAssignment', () => {
  it('gives the balanced assignment, with no affinity, when nobody declared expertise', () => {
    const plan = planAutoAssignment(input, key, () => 0);
    const balanced = assignInStableOrder(input, key);
    expect(plan.created.map(({ applicationId, evaluatorId }) => ({ applicationId, evaluatorId }))).toEqual(
      balanced.created,
    );
    expect(plan).toMatchObject({ seed: null, maxPairProbability: null, report: { meanAffinity: 0 } });
  });

  it('gives each application the evaluator who knows its topic, under the balanced loads', () => {
    const affinity = (a: string, e: string) => ((a === 'a1' && e === 'e2') || (a === 'a2' && e === 'e1') ? 0.9 : 0.1);
    const plan = planAutoAssignment(input, key, affinity);
    expect(plan.created).toEqual([
      { applicationId: 'a1', evaluatorId: 'e2', affinity: 0.9 },
      { applicationId: 'a2', evaluatorId: 'e1', affinity: 0.9 },
    ]);
    expect(plan.report).toEqual({ meanAffinity: 0.9, worstServed: { applicationId: 'a1', meanAffinity: 0.9 } });
  });

  const instances = fc
    .record({
      slots: fc.integer({ min: 1, max: 3 }),
      evaluators: fc.integer({ min: 1, max: 5 }),
      applications: fc.integer({ min: 1, max: 6 }),
      seed: fc.integer({ min: 0, max: 2 ** 31 }),
    })
    .chain(({ slots, evaluators, applications, seed }) => {
      const panel = Array.from({ length: evaluators }, (_, i) => `e${i}`);
      return fc.record({
        slots: fc.constant(slots),
        seed: fc.constant(seed),
        evaluators: fc.constant(panel),
        affinities: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
          minLength: evaluators * applications,
          maxLength: evaluators * applications,
        }),
        applications: fc.tuple(
          ...Array.from({ length: applications }, (_, i) =>
            fc.subarray(panel).map((conflicted) => ({ id: `a${i}`, assigned: [] as string[], conflicted })),
          ),
        ),
      });
    });

  it('fills as many slots as the balanced assignment, never a conflict, no load above its highest', () => {
    fc.assert(
      fc.property(instances, fc.boolean(), ({ seed, affinities, ...facts }, randomised) => {
        const affinity = (a: string, e: string) =>
          affinities[Number(e.slice(1)) * facts.applications.length + Number(a.slice(1))];
        const options = randomised ? { maxPairProbability: 0.5, seed } : {};
        const plan = planAutoAssignment(facts, key, affinity, options);
        const balanced = assignInStableOrder(facts, key);
        if (!randomised) expect(plan.created).toHaveLength(balanced.created.length);
        for (const pair of plan.created) {
          const application = facts.applications.find((a) => a.id === pair.applicationId);
          expect(application?.conflicted).not.toContain(pair.evaluatorId);
        }
        const highest = Math.max(0, ...balanced.loads.values());
        for (const load of plan.loads.values()) expect(load).toBeLessThanOrEqual(highest);
        expect(planAutoAssignment(facts, key, affinity, options)).toEqual(plan);
      }),
    );
  });
});
