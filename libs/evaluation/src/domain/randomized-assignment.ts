import { seededRandom } from '@app/platform/random/seeded-random';
import { AssignmentNetwork, ExpertiseAssignmentInput, PairScore, solveAssignment } from './assignment-network';
import { roundDependently } from './dependent-rounding';
import { ExpertiseAssignmentResult, assignmentResult } from './expertise-assignment';

/**
 * Randomised expertise-aware assignment with a cap q on every new pair's probability (Jecmen, Zhang,
 * Liu, Shah, Conitzer and Fang, "Mitigating manipulation in peer review via randomized reviewer
 * assignments", NeurIPS 2020): no evaluator can be sure of reviewing a given application, so
 * declaring expertise to land one is worth less.
 *
 * 1. The fractional LP  max Σ affinity·x  s.t. Σ_e x_ae = slots to fill, Σ_a x_ae ≤ room of e,
 *    0 ≤ x_ae ≤ q, x_ae = 0 on conflicts, is the network of assignment-network.ts with each slot
 *    worth D = CAP_DENOMINATOR units and each pair arc capped at q·D units; its constraint matrix is
 *    totally unimodular, so the min-cost flow in units is an exact LP optimum in multiples of 1/D
 *    (as many slots as possible first, as in the exact assignment).
 * 2. Dependent rounding (dependent-rounding.ts) draws an assignment in which each pair appears with
 *    probability exactly x_ae ≤ q, each application gets its slots (rounded down or up when some
 *    could not be filled) and no evaluator exceeds its load. Conflicts have no arc, so never appear.
 *
 * The draw is a function of the input and the seed (xoshiro128**, recorded in the result).
 */
export const CAP_DENOMINATOR = 1000;

export interface FractionalAssignment {
  /** The cap applied: q rounded down to a multiple of 1/CAP_DENOMINATOR. */
  cap: number;
  /** Every pair of positive probability, in application then evaluator id order. */
  marginals: Array<PairScore & { probability: number }>;
  /** Σ affinity · probability over the new pairs: the fractional optimum, the draws' expected affinity. */
  expectedAffinity: number;
  /** The solved network the draws start from. */
  network: AssignmentNetwork;
}

export interface RandomizedAssignmentResult extends ExpertiseAssignmentResult {
  seed: number;
  cap: number;
  expectedAffinity: number;
}

/** Solves the fractional LP once; `sampleAssignment` then draws from it for any seed. */
export function solveFractionalAssignment(
  input: ExpertiseAssignmentInput,
  maxPairProbability: number,
): FractionalAssignment {
  const capUnits = Math.floor(maxPairProbability * CAP_DENOMINATOR + 1e-9);
  if (!(maxPairProbability <= 1) || capUnits < 1) {
    throw new RangeError(`The cap ${maxPairProbability} is not in [1/${CAP_DENOMINATOR}, 1].`);
  }
  const network = solveAssignment(input, CAP_DENOMINATOR, capUnits);
  const marginals = network.pairs
    .filter((pair) => network.flow.flow(pair.arc) > 0)
    .map((pair) => ({
      applicationId: network.applications[pair.application].id,
      evaluatorId: network.evaluators[pair.evaluator],
      affinity: pair.affinity,
      probability: network.flow.flow(pair.arc) / CAP_DENOMINATOR,
    }));
  const expectedAffinity = marginals.reduce((sum, m) => sum + m.affinity * m.probability, 0);
  return { cap: capUnits / CAP_DENOMINATOR, marginals, expectedAffinity, network };
}

/** One integral assignment drawn from the fractional solution, the same for the same seed. */
export function sampleAssignment(fractional: FractionalAssignment, seed: number): RandomizedAssignmentResult {
  const { network } = fractional;
  const random = seededRandom(seed);
  // 53 random bits from two draws: u uniform on [0, 1) in steps of 2⁻⁵³.
  const uniform = () => ((random.nextUint32() >>> 5) * 67108864 + (random.nextUint32() >>> 6)) / 9007199254740992;
  const used = network.pairs.filter((pair) => network.flow.flow(pair.arc) > 0);
  const chosen = roundDependently(
    used.map((pair) => ({ left: pair.application, right: pair.evaluator, units: network.flow.flow(pair.arc) })),
    network.applications.length,
    network.evaluators.length,
    CAP_DENOMINATOR,
    uniform,
  );
  const created = used
    .filter((_, k) => chosen[k])
    .map((pair) => ({
      applicationId: network.applications[pair.application].id,
      evaluatorId: network.evaluators[pair.evaluator],
      affinity: pair.affinity,
    }));
  return {
    ...assignmentResult(network, created),
    seed,
    cap: fractional.cap,
    expectedAffinity: fractional.expectedAffinity,
  };
}

export function assignRandomly(
  input: ExpertiseAssignmentInput & { maxPairProbability: number; seed: number },
): RandomizedAssignmentResult {
  return sampleAssignment(solveFractionalAssignment(input, input.maxPairProbability), input.seed);
}
