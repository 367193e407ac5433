import fc from 'fast-check';
import type { ExpertiseAssignmentInput } from '../assignment-network';

/** Sizes of random instances; ids are e0…, a0…, with one evaluator off the panel. */
export interface InstanceShape {
  evaluators: number;
  applications: number;
  slots: number;
  maxLoad: number;
}

/**
 * Random instances with affinities in hundredths (so rounding to 10⁻⁶ is exact), conflicts,
 * existing assignments (some to an evaluator off the panel) and per-evaluator loads, some absent.
 */
export function expertiseInstances(shape: InstanceShape): fc.Arbitrary<ExpertiseAssignmentInput> {
  const panel = Array.from({ length: shape.evaluators }, (_, i) => `e${i}`);
  const pool = [...panel, 'off-panel'];
  const application = fc.record({
    assigned: fc.subarray(pool, { maxLength: 1 }),
    conflicted: fc.subarray(pool),
    affinities: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: pool.length, maxLength: pool.length }),
  });
  return fc
    .record({
      slots: fc.integer({ min: 0, max: shape.slots }),
      count: fc.integer({ min: 0, max: shape.applications }),
      applications: fc.array(application, { minLength: shape.applications, maxLength: shape.applications }),
      loads: fc.array(fc.option(fc.integer({ min: 0, max: shape.maxLoad })), {
        minLength: panel.length,
        maxLength: panel.length,
      }),
      defaultMaxLoad: fc.option(fc.integer({ min: 0, max: shape.maxLoad }), { nil: undefined }),
    })
    .map(({ slots, count, applications, loads, defaultMaxLoad }) => {
      const chosen = applications.slice(0, count).map((a, i) => ({ ...a, id: `a${i}` }));
      const table = new Map(
        chosen.flatMap((a) => pool.map((e, k): [string, number] => [`${a.id}|${e}`, a.affinities[k] / 100])),
      );
      const maxLoads = new Map(panel.flatMap((e, i) => (loads[i] === null ? [] : [[e, loads[i] as number]])));
      return {
        evaluators: panel,
        slots,
        applications: chosen.map(({ id, assigned, conflicted }) => ({ id, assigned, conflicted })),
        affinity: (applicationId: string, evaluatorId: string) => table.get(`${applicationId}|${evaluatorId}`) ?? 0,
        maxLoads,
        defaultMaxLoad,
      };
    });
}

/** What a filling may use, derived from the input alone. */
export function allowedPairs(input: ExpertiseAssignmentInput) {
  const panel = [...new Set(input.evaluators)];
  const existingLoad = new Map(panel.map((e): [string, number] => [e, 0]));
  for (const a of input.applications)
    for (const e of new Set(a.assigned)) if (existingLoad.has(e)) existingLoad.set(e, (existingLoad.get(e) ?? 0) + 1);
  const room = new Map(
    panel.map((e): [string, number] => [
      e,
      Math.max(0, (input.maxLoads?.get(e) ?? input.defaultMaxLoad ?? Infinity) - (existingLoad.get(e) ?? 0)),
    ]),
  );
  const applications = input.applications.map((a) => {
    const blocked = new Set([...a.assigned, ...a.conflicted]);
    return {
      id: a.id,
      need: Math.max(0, input.slots - new Set(a.assigned).size),
      allowed: panel.filter((e) => !blocked.has(e)),
    };
  });
  return { panel, existingLoad, room, applications };
}

/** The most slots any filling fills and, among those, the greatest total affinity: by enumeration. */
export function bruteForceOptimum(input: ExpertiseAssignmentInput): { filled: number; affinity: number } {
  const { room, applications } = allowedPairs(input);
  const left = new Map(room);
  let best = { filled: -1, affinity: -1 };
  const explore = (k: number, filled: number, affinity: number): void => {
    if (k === applications.length) {
      if (filled > best.filled || (filled === best.filled && affinity > best.affinity + 1e-9))
        best = { filled, affinity };
      return;
    }
    const a = applications[k];
    for (const subset of subsets(a.allowed, a.need)) {
      if (subset.some((e) => (left.get(e) ?? 0) < 1)) continue;
      subset.forEach((e) => left.set(e, (left.get(e) ?? 0) - 1));
      const gain = subset.reduce((s, e) => s + input.affinity(a.id, e), 0);
      explore(k + 1, filled + subset.length, affinity + gain);
      subset.forEach((e) => left.set(e, (left.get(e) ?? 0) + 1));
    }
  };
  explore(0, 0, 0);
  return best;
}

/** Every subset of at most `size` items. */
function subsets<T>(items: T[], size: number): T[][] {
  if (size === 0 || items.length === 0) return [[]];
  const [first, ...rest] = items;
  return [...subsets(rest, size - 1).map((s) => [first, ...s]), ...subsets(rest, size)];
}
