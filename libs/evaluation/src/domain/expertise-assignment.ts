import type { AssignmentResult } from './assignment';
import {
  AffinityReport,
  AssignmentNetwork,
  ExpertiseAssignmentInput,
  PairScore,
  affinityReport,
  compare,
  solveAssignment,
} from './assignment-network';

/**
 * Expertise-aware automatic assignment (issue 16 item 4): the same input as `assignEvaluators`
 * (panel, applications with their existing evaluators and conflicts, slots per application) plus
 * each evaluator's affinity for each application and the evaluators' maximum loads.
 *
 * An exact min-cost flow (assignment-network.ts) fills as many slots as the loads and conflicts
 * allow and, among all such fillings, maximises the total affinity (rounded to 10⁻⁶). Slots that
 * cannot be filled are reported in `unassigned`, as `assignEvaluators` does. Deterministic: ids
 * are sorted, and the flow breaks ties by application, then evaluator id.
 */
export interface ExpertiseAssignmentResult extends AssignmentResult {
  /** New assignments with their affinity, sorted by application then evaluator id. */
  created: PairScore[];
  report: AffinityReport;
}

export function assignByExpertise(input: ExpertiseAssignmentInput): ExpertiseAssignmentResult {
  const network = solveAssignment(input, 1, 1);
  const created = network.pairs
    .filter((pair) => network.flow.flow(pair.arc) > 0)
    .map((pair) => ({
      applicationId: network.applications[pair.application].id,
      evaluatorId: network.evaluators[pair.evaluator],
      affinity: pair.affinity,
    }));
  return assignmentResult(network, created);
}

/** Loads, shortfalls and the report of a set of new assignments made on `network`. */
export function assignmentResult(network: AssignmentNetwork, created: PairScore[]): ExpertiseAssignmentResult {
  const sorted = [...created].sort(
    (x, y) => compare(x.applicationId, y.applicationId) || compare(x.evaluatorId, y.evaluatorId),
  );
  const loads = new Map(network.evaluators.map((id, i) => [id, network.existingLoads[i]]));
  const filled = new Map<string, number>();
  for (const pair of sorted) {
    loads.set(pair.evaluatorId, (loads.get(pair.evaluatorId) ?? 0) + 1);
    filled.set(pair.applicationId, (filled.get(pair.applicationId) ?? 0) + 1);
  }
  const unassigned = network.applications
    .map((a) => ({ applicationId: a.id, missing: a.need - (filled.get(a.id) ?? 0) }))
    .filter((a) => a.missing > 0);
  return { created: sorted, loads, unassigned, report: affinityReport(network, sorted) };
}
