import fc from 'fast-check';
import { assignEvaluators, AssignmentInput, AssignmentResult } from './assignment';

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sumOfSquares = (loads: Iterable<number>) => [...loads].reduce((sum, l) => sum + l * l, 0);

/** What any correct run must give each application, derived from the input alone. */
function expectations(input: AssignmentInput) {
  const panel = [...new Set(input.evaluators)];
  return new Map(
    input.applications.map((a) => {
      const existing = new Set(a.assigned);
      const conflicted = new Set(a.conflicted);
      const allowed = panel.filter((e) => !existing.has(e) && !conflicted.has(e));
      const need = Math.max(0, input.slots - existing.size);
      const created = Math.min(need, allowed.length);
      return [a.id, { existing, allowed, created, missing: need - created }];
    }),
  );
}

/** Every invariant of a run that does not depend on which optimal filling it picked. */
function expectValid(input: AssignmentInput, result: AssignmentResult): void {
  const expected = expectations(input);
  const chosenBy = new Map<string, string[]>();
  for (const { applicationId, evaluatorId } of result.created) {
    chosenBy.set(applicationId, [...(chosenBy.get(applicationId) ?? []), evaluatorId]);
  }
  expect([...chosenBy.keys()].filter((id) => !expected.has(id))).toEqual([]);
  for (const [id, e] of expected) {
    const chosen = chosenBy.get(id) ?? [];
    // On the panel, never conflicted, never already assigned, never twice.
    expect({ id, outside: chosen.filter((ev) => !e.allowed.includes(ev)) }).toEqual({ id, outside: [] });
    expect(new Set(chosen).size).toBe(chosen.length);
    expect({ id, count: chosen.length }).toEqual({ id, count: e.created });
  }
  expect(result.created).toEqual(
    [...result.created].sort(
      (x, y) => byCodeUnits(x.applicationId, y.applicationId) || byCodeUnits(x.evaluatorId, y.evaluatorId),
    ),
  );
  expect(result.unassigned).toEqual(
    [...expected]
      .filter(([, e]) => e.missing > 0)
      .map(([applicationId, e]) => ({ applicationId, missing: e.missing }))
      .sort((x, y) => byCodeUnits(x.applicationId, y.applicationId)),
  );
  const loads = new Map([...new Set(input.evaluators)].map((id): [string, number] => [id, 0]));
  const count = (ev: string) => loads.has(ev) && loads.set(ev, (loads.get(ev) ?? 0) + 1);
  for (const e of expected.values()) e.existing.forEach(count);
  result.created.forEach((c) => count(c.evaluatorId));
  expect(result.loads).toEqual(loads);
}

/** The least sum of squared loads over every filling, by enumeration (tiny instances only). */
function bruteForceMinimum(input: AssignmentInput): number {
  const panel = [...new Set(input.evaluators)];
  const loads = new Map(panel.map((id): [string, number] => [id, 0]));
  for (const a of input.applications)
    for (const ev of new Set(a.assigned)) if (loads.has(ev)) loads.set(ev, (loads.get(ev) ?? 0) + 1);
  const choices = [...expectations(input).values()].map((e) => combinations(e.allowed, e.created));
  let best = Infinity;
  const explore = (k: number): void => {
    if (k === choices.length) {
      best = Math.min(best, sumOfSquares(loads.values()));
      return;
    }
    for (const choice of choices[k]) {
      for (const ev of choice) loads.set(ev, (loads.get(ev) ?? 0) + 1);
      explore(k + 1);
      for (const ev of choice) loads.set(ev, (loads.get(ev) ?? 0) - 1);
    }
  };
  explore(0);
  return best;
}

function combinations<T>(items: T[], size: number): T[][] {
  if (size === 0) return [[]];
  return items.flatMap((first, i) => combinations(items.slice(i + 1), size - 1).map((rest) => [first, ...rest]));
}

/** A deterministic shuffle (mulberry32), so that failures replay from fast-check's seed. */
function shuffled<T>(items: T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** Ids are opaque strings: empty, unicode, or names that an object-based map would trip on. */
const anyId = fc.oneof(
  fc.string({ maxLength: 3 }),
  fc.string({ unit: 'binary', maxLength: 3 }),
  fc.constantFrom('', '__proto__', 'constructor', 'toString', 'é', 'e\u0301'),
);

interface Shape {
  evaluators: number;
  applications: number;
  slots: number;
  conflicts: boolean;
  existing: boolean;
  /** Every size at its maximum, at most one conflict and one existing assignment each: where greedy fills err. */
  crowded?: boolean;
}

/** Random instances; conflicts and existing assignments may also name evaluators off the panel. */
function instances(shape: Shape): fc.Arbitrary<AssignmentInput> {
  return fc
    .record({
      evaluators: fc.uniqueArray(anyId, {
        minLength: shape.crowded ? shape.evaluators : 0,
        maxLength: shape.evaluators,
      }),
      ids: fc.uniqueArray(anyId, { minLength: shape.crowded ? shape.applications : 0, maxLength: shape.applications }),
      slots: fc.integer({ min: shape.crowded ? shape.slots : 0, max: shape.slots }),
    })
    .chain(({ evaluators, ids, slots }) => {
      const pool = [...evaluators, 'off-panel'];
      const some = (enabled: boolean) =>
        !enabled
          ? fc.constant<string[]>([])
          : shape.crowded
            ? fc.array(fc.constantFrom(...pool), { maxLength: 1 })
            : fc.oneof(fc.subarray(pool), fc.array(fc.constantFrom(...pool), { maxLength: 2 }));
      const application = fc.record({ assigned: some(shape.existing), conflicted: some(shape.conflicts) });
      return fc
        .array(application, { minLength: ids.length, maxLength: ids.length })
        .map((rest) => ({ evaluators, slots, applications: ids.map((id, i) => ({ id, ...rest[i] })) }));
    });
}

const MEDIUM: Shape = { evaluators: 10, applications: 25, slots: 4, conflicts: true, existing: true };
const TINY: Shape = { evaluators: 4, applications: 4, slots: 2, conflicts: true, existing: true };
const app = (id: string, assigned: string[] = [], conflicted: string[] = []) => ({ id, assigned, conflicted });
const loadsOf = (loads: Record<string, number>) => new Map(Object.entries(loads));
const pairs = (result: AssignmentResult) => result.created.map((c) => `${c.applicationId}:${c.evaluatorId}`);

describe('assignEvaluators — examples', () => {
  it('gives every application its slots and every evaluator the same load when nothing blocks it', () => {
    const result = assignEvaluators({
      evaluators: ['b', 'c', 'a'],
      applications: [app('y'), app('x'), app('z')],
      slots: 2,
    });
    expect(result.created).toHaveLength(6);
    expect(result.loads).toEqual(loadsOf({ a: 2, b: 2, c: 2 }));
    expect(result.unassigned).toEqual([]);
    expect(pairs(result)).toEqual([...pairs(result)].sort());
  });

  it('moves assignments along a chain when the greedy fill is uneven', () => {
    // Filled greedily, p0 takes a and c, so p1 must take a or c again and d stays idle.
    const input = {
      evaluators: ['a', 'b', 'c', 'd'],
      applications: [app('p0', [], ['b']), app('p1', [], ['d'])],
      slots: 2,
    };
    const result = assignEvaluators(input);
    expect(result.loads).toEqual(loadsOf({ a: 1, b: 1, c: 1, d: 1 }));
    expectValid(input, result);
  });

  it('never assigns a conflicted evaluator and reports what it cannot fill', () => {
    const result = assignEvaluators({
      evaluators: ['a', 'b', 'c'],
      applications: [app('x', [], ['a', 'b']), app('y', [], ['a', 'b', 'c']), app('z', [], ['c'])],
      slots: 2,
    });
    expect(pairs(result)).toEqual(['x:c', 'z:a', 'z:b']);
    expect(result.unassigned).toEqual([
      { applicationId: 'x', missing: 1 },
      { applicationId: 'y', missing: 2 },
    ]);
  });

  it('keeps existing assignments, fills only the missing slots and counts them in the loads', () => {
    const result = assignEvaluators({
      evaluators: ['a', 'b', 'c'],
      applications: [app('x', ['a']), app('y', ['a', 'b', 'c']), app('z', ['a', 'b'])],
      slots: 2,
    });
    expect(pairs(result)).toEqual(['x:c']);
    expect(result.loads).toEqual(loadsOf({ a: 3, b: 2, c: 2 }));
    expect(result.unassigned).toEqual([]);
  });

  it('counts a slot held by an evaluator off the panel as filled, without a load for it', () => {
    const result = assignEvaluators({ evaluators: ['a', 'b'], applications: [app('x', ['gone'])], slots: 2 });
    expect(pairs(result)).toEqual(['x:a']);
    expect(result.loads).toEqual(loadsOf({ a: 1, b: 0 }));
  });

  it('ignores duplicate evaluators and unknown conflicted ids', () => {
    const result = assignEvaluators({ evaluators: ['a', 'a', 'b'], applications: [app('x', [], ['zz'])], slots: 3 });
    expect(pairs(result)).toEqual(['x:a', 'x:b']);
    expect(result.loads).toEqual(loadsOf({ a: 1, b: 1 }));
    expect(result.unassigned).toEqual([{ applicationId: 'x', missing: 1 }]);
  });

  it('reports every slot of every application missing when the panel is empty', () => {
    const result = assignEvaluators({ evaluators: [], applications: [app('b'), app('a', ['gone'])], slots: 3 });
    expect(result.created).toEqual([]);
    expect(result.loads.size).toBe(0);
    expect(result.unassigned).toEqual([
      { applicationId: 'a', missing: 2 },
      { applicationId: 'b', missing: 3 },
    ]);
  });

  it('accepts any string as an id', () => {
    const ids = ['', '__proto__', 'constructor', 'Ωμέγα', '🙂'];
    const input = { evaluators: ids, applications: ids.map((id) => app(id, [], [id])), slots: 2 };
    const result = assignEvaluators(input);
    expectValid(input, result);
    expect(Math.max(...result.loads.values()) - Math.min(...result.loads.values())).toBe(0);
  });
});

describe('assignEvaluators — properties', () => {
  it('assigns only allowed evaluators, exactly as many as can be, and reports the rest', () => {
    fc.assert(
      fc.property(instances(MEDIUM), (input) => expectValid(input, assignEvaluators(input))),
      { numRuns: 300 },
    );
  });

  it('keeps loads within one of each other without conflicts or existing assignments', () => {
    const free = instances({ ...MEDIUM, conflicts: false, existing: false });
    fc.assert(
      fc.property(free, (input) => {
        const result = assignEvaluators(input);
        const loads = [...result.loads.values()];
        if (loads.length > 0) expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
        expect(result.created).toHaveLength(input.applications.length * Math.min(input.slots, loads.length));
      }),
      { numRuns: 300 },
    );
  });

  it('reaches the least sum of squared loads (checked by brute force on tiny instances)', () => {
    fc.assert(
      fc.property(fc.oneof(instances(TINY), instances({ ...TINY, crowded: true })), (input) => {
        const result = assignEvaluators(input);
        expectValid(input, result);
        expect(sumOfSquares(result.loads.values())).toBe(bruteForceMinimum(input));
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves no single move to a lighter allowed evaluator that would even the loads', () => {
    fc.assert(
      fc.property(instances(MEDIUM), (input) => {
        const result = assignEvaluators(input);
        const expected = expectations(input);
        const chosen = new Set(pairs(result));
        for (const { applicationId, evaluatorId } of result.created) {
          const from = result.loads.get(evaluatorId) ?? 0;
          for (const to of expected.get(applicationId)?.allowed ?? []) {
            if (chosen.has(`${applicationId}:${to}`)) continue;
            expect(result.loads.get(to) ?? 0).toBeGreaterThanOrEqual(from - 1);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same result whatever the input order, on every call, without touching the input', () => {
    fc.assert(
      fc.property(instances(MEDIUM), fc.integer(), (input, seed) => {
        const snapshot = structuredClone(input);
        const first = assignEvaluators(input);
        expect(input).toEqual(snapshot);
        const reordered: AssignmentInput = {
          slots: input.slots,
          evaluators: shuffled(input.evaluators, seed),
          applications: shuffled(input.applications, seed + 1).map((a, i) => ({
            id: a.id,
            assigned: shuffled(a.assigned, seed + 2 * i),
            conflicted: shuffled(a.conflicted, seed + 2 * i + 1),
          })),
        };
        for (const again of [assignEvaluators(input), assignEvaluators(reordered)]) {
          expect(again.created).toEqual(first.created);
          expect([...again.loads]).toEqual([...first.loads]);
          expect(again.unassigned).toEqual(first.unassigned);
        }
      }),
      { numRuns: 200 },
    );
  });
});
