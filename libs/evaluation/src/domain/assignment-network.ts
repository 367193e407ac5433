import type { AssignmentInput } from './assignment';
import { MinCostFlow } from './min-cost-flow';

/**
 * The flow network behind expertise-aware assignment, shared by the exact (integral) and the
 * randomised (fractional) forms. Nodes: each application, each evaluator, a sink and a
 * shortfall node. Arcs:
 *
 *   application → evaluator   capacity `pairCapacity`, cost AFFINITY_SCALE − round(affinity · AFFINITY_SCALE)
 *   application → shortfall   capacity need · units, cost `shortfallCost` (a slot left empty)
 *   evaluator → sink          capacity (max load − existing load) · units, cost 0
 *   shortfall → sink          unbounded, cost 0
 *
 * and every application sends need · units. Each unit crosses exactly one pair or shortfall arc, so
 * for a fixed number of empty slots the cost is a constant minus the total affinity (in millionths);
 * and an empty slot costs more than any rerouting can gain (`shortfallCost`, (nodes + 1) · 10⁶,
 * exceeds the cost of any simple path of pair arcs), so a least-cost flow first fills as many slots as can be filled, then maximises
 * the total affinity among those fillings. Pairs in conflict, already assigned, or whose evaluator
 * has no room left get no arc at all.
 */
export interface ExpertiseAssignmentInput extends AssignmentInput {
  /** The evaluator's affinity for the application, in [0, 1] (see affinity.ts). */
  affinity: (applicationId: string, evaluatorId: string) => number;
  /** Most live assignments an evaluator may hold in the call, existing ones included. */
  maxLoads?: ReadonlyMap<string, number>;
  /** The most for evaluators absent from `maxLoads`; no limit when absent. */
  defaultMaxLoad?: number;
}

/** Affinities are costed in millionths, so the flow is exact on affinities rounded to 10⁻⁶. */
export const AFFINITY_SCALE = 1_000_000;

export interface PairScore {
  applicationId: string;
  evaluatorId: string;
  affinity: number;
}

export interface AssignmentNetwork {
  /** Panel evaluators, sorted by id. */
  evaluators: string[];
  /** Applications sorted by id, with the slots this run must fill and the existing pairs that count in the report. */
  applications: Array<{ id: string; need: number; shortfallArc: number; existing: PairScore[] }>;
  /** Load of every panel evaluator before this run. */
  existingLoads: number[];
  /** The candidate pairs, in application then evaluator order. */
  pairs: Array<{ application: number; evaluator: number; arc: number; affinity: number }>;
  flow: MinCostFlow;
  units: number;
}

const SINK = 0;
const SHORTFALL = 1;
/** Pair arcs first built per application, at least; see `solveAssignment`. */
const FIRST_CANDIDATES = 40;

/** The input sorted and checked, with every allowed pair's cost, cheapest first. */
interface Prepared {
  evaluators: string[];
  existingLoads: number[];
  room: number[];
  totalNeed: number;
  applications: Array<{
    id: string;
    need: number;
    existing: PairScore[];
    /** Allowed evaluators with room left, by cost then index; their costs and affinities alike. */
    allowed: number[];
    costs: number[];
    affinities: number[];
  }>;
}

/**
 * Solves the network with each slot worth `units` and each pair arc capped at `pairCapacity`.
 * A call has applications × evaluators pairs, but an optimum uses few of each application's: the
 * flow is first solved on each application's `firstCandidates` cheapest pairs (by default
 * FIRST_CANDIDATES, or ten times what its slots need at the cap if more), then checked against
 * every pair left out. The flow is of least cost on the whole network exactly when no left-out arc
 * has a negative reduced cost under the final potentials (reduced-cost optimality; a left-out arc
 * carries no flow); if some does, its application's candidates double and the flow is solved
 * again, until none does. So the answer is exact, and deterministic: the rounds follow from the
 * input alone.
 */
export function solveAssignment(
  input: ExpertiseAssignmentInput,
  units: number,
  pairCapacity: number,
  firstCandidates = Math.max(FIRST_CANDIDATES, 10 * Math.ceil((input.slots * units) / pairCapacity)),
): AssignmentNetwork {
  const prepared = prepare(input);
  const limits = prepared.applications.map((a) => Math.min(a.allowed.length, Math.max(1, firstCandidates)));
  for (;;) {
    const network = build(prepared, units, pairCapacity, limits);
    network.applications.forEach((application, a) => {
      const amount = application.need * units;
      if (amount > 0 && network.flow.send(2 + a, SINK, amount) !== amount) {
        throw new Error('The shortfall arc always reaches the sink.');
      }
    });
    let optimal = true;
    prepared.applications.forEach((application, a) => {
      for (let k = limits[a]; k < application.allowed.length; k++) {
        const evaluatorNode = 2 + prepared.applications.length + application.allowed[k];
        if (network.flow.reducedCost(2 + a, evaluatorNode, application.costs[k]) < 0) {
          limits[a] = Math.min(application.allowed.length, 2 * limits[a]);
          optimal = false;
          break;
        }
      }
    });
    if (optimal) return network;
  }
}

function prepare(input: ExpertiseAssignmentInput): Prepared {
  const evaluators = [...new Set(input.evaluators)].sort(compare);
  const index = new Map(evaluators.map((id, i) => [id, i]));
  const existingLoads = new Array<number>(evaluators.length).fill(0);
  const sorted = [...input.applications].sort((a, b) => compare(a.id, b.id));
  const assignedOf = sorted.map((application) => [...new Set(application.assigned)]);
  assignedOf.forEach((assigned) => assigned.forEach((id) => index.has(id) && (existingLoads[index.get(id) ?? 0] += 1)));
  const room = evaluators.map((id, i) => Math.max(0, maxLoadOf(input, id) - existingLoads[i]));
  const applications = sorted.map((application, k) => {
    const assigned = assignedOf[k];
    const need = Math.max(0, input.slots - assigned.length);
    const blocked = new Set([...assigned, ...application.conflicted]);
    const open =
      need === 0 ? [] : evaluators.map((_, i) => i).filter((i) => room[i] > 0 && !blocked.has(evaluators[i]));
    const scored = open.map((e) => {
      const affinity = checkedAffinity(input, application.id, evaluators[e]);
      return { e, affinity, cost: AFFINITY_SCALE - Math.round(affinity * AFFINITY_SCALE) };
    });
    scored.sort((x, y) => x.cost - y.cost || x.e - y.e);
    return {
      id: application.id,
      need,
      existing: assigned
        .filter((id) => index.has(id))
        .map((evaluatorId) => ({
          applicationId: application.id,
          evaluatorId,
          affinity: checkedAffinity(input, application.id, evaluatorId),
        })),
      allowed: scored.map((x) => x.e),
      costs: scored.map((x) => x.cost),
      affinities: scored.map((x) => x.affinity),
    };
  });
  const totalNeed = applications.reduce((sum, a) => sum + a.need, 0);
  return { evaluators, existingLoads, room, totalNeed, applications };
}

function build(prepared: Prepared, units: number, pairCapacity: number, limits: number[]): AssignmentNetwork {
  const { evaluators, room, totalNeed } = prepared;
  const firstEvaluatorNode = 2 + prepared.applications.length;
  const flow = new MinCostFlow(firstEvaluatorNode + evaluators.length);
  // Any simple path crosses fewer than nodeCount arcs of cost at most AFFINITY_SCALE.
  const shortfallCost = (flow.nodeCount + 1) * AFFINITY_SCALE;
  const pairs: AssignmentNetwork['pairs'] = [];
  const applications = prepared.applications.map((application, a) => {
    const shortfallArc = flow.addArc(2 + a, SHORTFALL, application.need * units, shortfallCost);
    // Candidates in evaluator order, so that ties between equal costs go to the least id.
    const candidates = application.allowed
      .slice(0, limits[a])
      .map((e, k) => ({ e, k }))
      .sort((x, y) => x.e - y.e);
    for (const { e, k } of candidates) {
      const arc = flow.addArc(2 + a, firstEvaluatorNode + e, pairCapacity, application.costs[k]);
      pairs.push({ application: a, evaluator: e, arc, affinity: application.affinities[k] });
    }
    return { id: application.id, need: application.need, shortfallArc, existing: application.existing };
  });
  room.forEach((r, e) => flow.addArc(firstEvaluatorNode + e, SINK, Math.min(r, totalNeed) * units, 0));
  flow.addArc(SHORTFALL, SINK, totalNeed * units, 0);
  return { evaluators, applications, existingLoads: prepared.existingLoads, pairs, flow, units };
}

export interface AffinityReport {
  /** Mean affinity over every assignment of the call on the panel, existing and new; null when none. */
  meanAffinity: number | null;
  /**
   * The application whose evaluators have the lowest mean affinity (ties: least id), over the
   * applications with at least one evaluator on the panel; applications left without any are in
   * `unassigned`.
   */
  worstServed: { applicationId: string; meanAffinity: number } | null;
}

export function affinityReport(network: AssignmentNetwork, created: PairScore[]): AffinityReport {
  const byApplication = new Map<string, number[]>();
  for (const pair of [...network.applications.flatMap((a) => a.existing), ...created]) {
    const list = byApplication.get(pair.applicationId);
    if (list) list.push(pair.affinity);
    else byApplication.set(pair.applicationId, [pair.affinity]);
  }
  let total = 0;
  let count = 0;
  let worstServed: AffinityReport['worstServed'] = null;
  for (const application of network.applications) {
    const affinities = byApplication.get(application.id);
    if (!affinities) continue;
    const sum = affinities.reduce((s, x) => s + x, 0);
    total += sum;
    count += affinities.length;
    const mean = sum / affinities.length;
    if (!worstServed || mean < worstServed.meanAffinity)
      worstServed = { applicationId: application.id, meanAffinity: mean };
  }
  return { meanAffinity: count === 0 ? null : total / count, worstServed };
}

function maxLoadOf(input: ExpertiseAssignmentInput, evaluatorId: string): number {
  const max = input.maxLoads?.get(evaluatorId) ?? input.defaultMaxLoad ?? Infinity;
  if (max !== Infinity && (!Number.isSafeInteger(max) || max < 0)) {
    throw new RangeError(`The maximum load ${max} of ${evaluatorId} is not a non-negative integer.`);
  }
  return max;
}

function checkedAffinity(input: ExpertiseAssignmentInput, applicationId: string, evaluatorId: string): number {
  const affinity = input.affinity(applicationId, evaluatorId);
  if (!(affinity >= 0 && affinity <= 1)) {
    throw new RangeError(`The affinity of ${evaluatorId} for ${applicationId} is ${affinity}, not in [0, 1].`);
  }
  return affinity;
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
