import type { AssignmentInput } from './assignment';
import { AffinityReport, ExpertiseAssignmentInput, PairScore, compare } from './assignment-network';
import { assignInStableOrder, stableKeys } from './assignment-order';
import { assignByExpertise } from './expertise-assignment';
import { assignRandomly } from './randomized-assignment';

/**
 * What an automatic assignment run makes (issue 16 item 4), from the panel, the applications with
 * their evaluators and conflicts, and the affinities:
 *
 * 1. The load-balancing assignment (assignment.ts) gives the highest load L that the conflicts
 *    force on the most even filling; every evaluator's load is then capped at L, so expertise never
 *    buys a less even spread of the work than the calls without it had.
 * 2. When no pair has an affinity (nobody declared expertise, or no application says a topic) and
 *    no randomisation is asked, that balanced filling is the answer, as before expertise existed.
 * 3. Otherwise the exact min-cost flow (expertise-assignment.ts) fills as many slots as the balanced
 *    one, never a conflict, and maximises the total affinity under the cap L; or, with a cap q on
 *    any pair's probability, one draw of the randomised assignment (randomized-assignment.ts) for
 *    the seed.
 *
 * Ids are replaced by stable keys (what people see, then the id) before solving, as
 * assignInStableOrder does, so that ties follow from the facts and not from random ids.
 */
export interface AutoAssignmentPlan {
  /** New assignments with their affinity, sorted by application then evaluator id. */
  created: PairScore[];
  loads: Map<string, number>;
  unassigned: Array<{ applicationId: string; missing: number }>;
  report: AffinityReport;
  /** The cap applied on each pair's probability (a multiple of 1/1000), null for the exact assignment. */
  maxPairProbability: number | null;
  seed: number | null;
}

export interface AutoAssignmentOptions {
  /** 0 < q ≤ 1: randomise, no pair more likely than q. */
  maxPairProbability?: number;
  /** The draw's seed; required with `maxPairProbability`. */
  seed?: number;
}

export function planAutoAssignment(
  input: AssignmentInput,
  keyOf: (id: string) => string,
  affinity: (applicationId: string, evaluatorId: string) => number,
  options: AutoAssignmentOptions = {},
): AutoAssignmentPlan {
  const balanced = assignInStableOrder(input, keyOf);
  const maxLoad = Math.max(0, ...balanced.loads.values());
  const randomised = options.maxPairProbability !== undefined;
  const anyAffinity = input.applications.some((a) => input.evaluators.some((e) => affinity(a.id, e) > 0));
  if (!randomised && !anyAffinity) {
    const created = balanced.created.map((pair) => ({ ...pair, affinity: 0 }));
    const scored = [...created, ...existingPairs(input)];
    return {
      created,
      loads: balanced.loads,
      unassigned: balanced.unassigned,
      report: zeroReport(scored),
      maxPairProbability: null,
      seed: null,
    };
  }
  const keys = stableKeys(input, keyOf);
  const idOf = keys.idOf;
  const keyed: ExpertiseAssignmentInput = {
    ...keys.input,
    affinity: (applicationKey, evaluatorKey) => affinity(idOf(applicationKey), idOf(evaluatorKey)),
    defaultMaxLoad: maxLoad,
  };
  const drawn = randomised
    ? assignRandomly({ ...keyed, maxPairProbability: options.maxPairProbability ?? 1, seed: options.seed ?? 0 })
    : null;
  const result = drawn ?? assignByExpertise(keyed);
  const worst = result.report.worstServed;
  return {
    created: result.created
      .map((pair) => ({ ...pair, applicationId: idOf(pair.applicationId), evaluatorId: idOf(pair.evaluatorId) }))
      .sort((x, y) => compare(x.applicationId, y.applicationId) || compare(x.evaluatorId, y.evaluatorId)),
    loads: new Map([...result.loads].map(([key, load]) => [idOf(key), load])),
    unassigned: result.unassigned.map((u) => ({ applicationId: idOf(u.applicationId), missing: u.missing })),
    report: {
      meanAffinity: result.report.meanAffinity,
      worstServed: worst && { applicationId: idOf(worst.applicationId), meanAffinity: worst.meanAffinity },
    },
    maxPairProbability: drawn?.cap ?? null,
    seed: drawn?.seed ?? null,
  };
}

/** The live pairs of panel evaluators, which the report counts beside the new ones. */
function existingPairs(input: AssignmentInput): PairScore[] {
  const panel = new Set(input.evaluators);
  return input.applications.flatMap((a) =>
    [...new Set(a.assigned)]
      .filter((e) => panel.has(e))
      .map((evaluatorId) => ({ applicationId: a.id, evaluatorId, affinity: 0 })),
  );
}

/** With no affinity anywhere: a mean of 0 and the least application id served, as affinityReport would say. */
function zeroReport(pairs: PairScore[]): AffinityReport {
  if (pairs.length === 0) return { meanAffinity: null, worstServed: null };
  const first = pairs.map((p) => p.applicationId).sort(compare)[0];
  return { meanAffinity: 0, worstServed: { applicationId: first, meanAffinity: 0 } };
}
