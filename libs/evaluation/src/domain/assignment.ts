/**
 * Automatic assignment of evaluators to applications (DESIGN §4, issue "Evaluation").
 *
 * Every application needs `slots` distinct evaluators. Evaluators have no capacity limit, so the
 * most slots that can be filled is, per application, min(missing, allowed evaluators): nothing
 * one application takes can block another. What remains is fairness: among all such fillings we
 * want the loads as even as possible, i.e. the least sum of squared loads (a convex min-cost flow).
 * A filling is optimal exactly when no chain of moves can pass one assignment from an evaluator
 * to one with at least two fewer: such a chain is the only kind of negative cycle in the residual
 * graph. So we fill greedily (most constrained applications first, least loaded evaluators first)
 * and then apply improving chains, found by breadth-first search, until none is left.
 */
export interface AssignmentInput {
  /** Evaluator ids of the panel. */
  evaluators: string[];
  applications: Array<{
    id: string;
    /** Evaluators already assigned (kept; never duplicated; each fills a slot, on the panel or not). */
    assigned: string[];
    /** Evaluators that must never be assigned to it (declared or automatic conflicts). */
    conflicted: string[];
  }>;
  /** Evaluators each application must have in the end. */
  slots: number;
}

export interface AssignmentResult {
  /** New assignments, sorted by application then evaluator id. */
  created: Array<{ applicationId: string; evaluatorId: string }>;
  /** Load of every panel evaluator after assignment (existing + new). */
  loads: Map<string, number>;
  /** Applications left short, with the number of evaluators still missing. */
  unassigned: Array<{ applicationId: string; missing: number }>;
}

interface Slotting {
  id: string;
  allowed: number[];
  /** Evaluator indexes assigned by this run. */
  chosen: Set<number>;
}

export function assignEvaluators(input: AssignmentInput): AssignmentResult {
  const evaluators = [...new Set(input.evaluators)].sort();
  const index = new Map(evaluators.map((id, i) => [id, i]));
  const loads = new Array<number>(evaluators.length).fill(0);
  const unassigned: AssignmentResult['unassigned'] = [];
  const work: Array<Slotting & { missing: number }> = [];

  for (const application of [...input.applications].sort((a, b) => compare(a.id, b.id))) {
    const assigned = new Set(application.assigned.map((id) => index.get(id)).filter((i) => i !== undefined));
    for (const i of assigned) loads[i] += 1;
    const blocked = new Set([...assigned, ...application.conflicted.map((id) => index.get(id)).filter(isIndex)]);
    const allowed = evaluators.map((_, i) => i).filter((i) => !blocked.has(i));
    // Every live assignment holds a slot, even one whose evaluator is no longer on the panel.
    const need = Math.max(0, input.slots - new Set(application.assigned).size);
    const missing = Math.max(0, need - allowed.length);
    if (missing > 0) unassigned.push({ applicationId: application.id, missing });
    if (need - missing > 0) work.push({ id: application.id, allowed, chosen: new Set(), missing: need - missing });
  }

  fillGreedily(work, loads);
  balance(work, loads, evaluators.length);

  const created = work
    .flatMap((a) => [...a.chosen].map((i) => ({ applicationId: a.id, evaluatorId: evaluators[i] })))
    .sort((x, y) => compare(x.applicationId, y.applicationId) || compare(x.evaluatorId, y.evaluatorId));
  return { created, loads: new Map(evaluators.map((id, i) => [id, loads[i]])), unassigned };
}

/** Most constrained applications first; each takes its least loaded allowed evaluators. */
function fillGreedily(work: Array<Slotting & { missing: number }>, loads: number[]): void {
  const order = [...work].sort((a, b) => a.allowed.length - b.allowed.length || compare(a.id, b.id));
  for (const application of order) {
    const picks = [...application.allowed].sort((x, y) => loads[x] - loads[y] || x - y).slice(0, application.missing);
    for (const i of picks) {
      application.chosen.add(i);
      loads[i] += 1;
    }
  }
}

/**
 * Moves assignments along chains from heavier to lighter evaluators until no chain ends at an
 * evaluator with at least two fewer assignments than where it starts.
 */
function balance(work: Slotting[], loads: number[], evaluatorCount: number): void {
  const byEvaluator: Array<Set<Slotting>> = Array.from({ length: evaluatorCount }, () => new Set());
  for (const application of work) for (const i of application.chosen) byEvaluator[i].add(application);

  for (let moved = true; moved;) {
    moved = false;
    const lightest = Math.min(...loads);
    const sources = loads
      .map((_, i) => i)
      .filter((i) => loads[i] >= lightest + 2)
      .sort((x, y) => loads[y] - loads[x] || x - y);
    // An evaluator reachable from a source that found no chain, and no heavier, cannot find one either.
    const hopeless = new Set<number>();
    for (const source of sources) {
      if (hopeless.has(source)) continue;
      const search = searchChain(source, byEvaluator, loads);
      if (search.found) {
        moved = true;
        break;
      }
      for (const i of search.seen) if (loads[i] <= loads[source]) hopeless.add(i);
    }
  }
}

/** Breadth-first search for a chain from `source`; applies the first one found. */
function searchChain(
  source: number,
  byEvaluator: Array<Set<Slotting>>,
  loads: number[],
): { found: boolean; seen: Set<number> } {
  // `via[e]`: the move that reached e, an application taken from its predecessor.
  const via = new Map<number, { from: number; application: Slotting }>();
  const queue = [source];
  const seen = new Set([source]);
  for (let head = 0; head < queue.length; head++) {
    const from = queue[head];
    for (const application of byEvaluator[from]) {
      for (const to of application.allowed) {
        if (seen.has(to) || application.chosen.has(to)) continue;
        seen.add(to);
        via.set(to, { from, application });
        if (loads[to] <= loads[source] - 2) {
          applyChain(to, via, byEvaluator, loads);
          return { found: true, seen };
        }
        queue.push(to);
      }
    }
  }
  return { found: false, seen };
}

function applyChain(
  target: number,
  via: Map<number, { from: number; application: Slotting }>,
  byEvaluator: Array<Set<Slotting>>,
  loads: number[],
): void {
  loads[target] += 1;
  for (let to = target, step = via.get(to); step; to = step.from, step = via.get(to)) {
    step.application.chosen.delete(step.from);
    step.application.chosen.add(to);
    byEvaluator[step.from].delete(step.application);
    byEvaluator[to].add(step.application);
    if (!via.has(step.from)) loads[step.from] -= 1;
  }
}

function isIndex(i: number | undefined): i is number {
  return i !== undefined;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
