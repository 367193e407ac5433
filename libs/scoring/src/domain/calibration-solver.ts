/**
 * Least squares for T_ae = q_a + b_e + ε with the ridge penalty λ·Σ b_e², minimising
 * Σ (T_ae − q_a − b_e)² + λ·Σ b_e².
 *
 * For fixed b the best q_a is the mean over a's evaluators of T_ae − b_e, so q is eliminated and
 * only the evaluators' system is solved (its Schur complement, E × E instead of (A + E)²):
 *
 *   (n_e + λ)·b_e − Σ_{a ∈ A(e)} (1/n_a)·Σ_{e' ∈ E(a)} b_e' = Σ_{a ∈ A(e)} (T_ae − T̄_a)
 *
 * It is never formed: one product with it is two passes over the evaluations (O(nnz)), and it is
 * solved by conjugate gradient with a Jacobi preconditioner (evaluators' loads differ a lot). The
 * matrix is positive semidefinite; with λ = 0 it is singular, its null space the vectors constant
 * on each connected component, and the right-hand side is orthogonal to them (each application's
 * deviations from its mean sum to zero), so the system is consistent and CG converges; the biases
 * are then fixed by Σ_{e ∈ C} b_e = 0 in each component C, which is the limit of the ridge
 * solution as λ → 0⁺. Every loop runs in the graph's index order, so a solve is deterministic.
 */
import type { CalibrationGraph } from './calibration-graph';

export interface SolverOptions {
  ridge: number;
  /** Stop when ‖r‖₂ ≤ tolerance · ‖rhs‖₂ (r the recursively updated residual). */
  tolerance: number;
  maxIterations: number;
}

export interface BiasSolution {
  biases: Float64Array;
  iterations: number;
  /** ‖r‖₂ / ‖rhs‖₂ at the end; 0 when the right-hand side is zero. */
  relativeResidual: number;
}

/** CG did not reach its tolerance within its iteration cap: the result would not be the stated fit. */
export class CalibrationNotConvergedError extends Error {
  readonly code = 'CALIBRATION_NOT_CONVERGED';

  constructor(
    readonly iterations: number,
    readonly relativeResidual: number,
  ) {
    super(`Calibration did not converge: relative residual ${relativeResidual} after ${iterations} iterations.`);
    this.name = new.target.name;
  }
}

/** y = S·x, S the reduced evaluators' matrix above; `means` is scratch space of one slot per application. */
function multiply(graph: CalibrationGraph, ridge: number, x: Float64Array, y: Float64Array, means: Float64Array) {
  const { applicationStart, evaluatorOf, applicationOf, evaluatorLoad } = graph;
  for (let a = 0; a + 1 < applicationStart.length; a++) {
    let sum = 0;
    for (let i = applicationStart[a]; i < applicationStart[a + 1]; i++) sum += x[evaluatorOf[i]];
    means[a] = sum / (applicationStart[a + 1] - applicationStart[a]);
  }
  for (let e = 0; e < y.length; e++) y[e] = (evaluatorLoad[e] + ridge) * x[e];
  for (let i = 0; i < evaluatorOf.length; i++) y[evaluatorOf[i]] -= means[applicationOf[i]];
}

/** Σ_{a ∈ A(e)} (T_ae − T̄_a), with T̄_a the plain mean of a's totals in evaluator order. */
function rightHandSide(graph: CalibrationGraph, totals: Float64Array): Float64Array {
  const { applicationStart, evaluatorOf } = graph;
  const rhs = new Float64Array(graph.evaluatorIds.length);
  for (let a = 0; a + 1 < applicationStart.length; a++) {
    const start = applicationStart[a];
    const end = applicationStart[a + 1];
    let sum = 0;
    for (let i = start; i < end; i++) sum += totals[i];
    const centre = sum / (end - start);
    for (let i = start; i < end; i++) rhs[evaluatorOf[i]] += totals[i] - centre;
  }
  return rhs;
}

/** 1 / S_ee, with S_ee = λ + Σ_{a ∈ A(e)} (1 − 1/n_a); 0 where S_ee = 0 (an evaluator all of whose applications it alone scored). */
function inverseDiagonal(graph: CalibrationGraph, ridge: number): Float64Array {
  const { applicationStart, applicationOf, evaluatorOf } = graph;
  const diagonal = new Float64Array(graph.evaluatorIds.length).fill(ridge);
  for (let i = 0; i < evaluatorOf.length; i++) {
    const a = applicationOf[i];
    diagonal[evaluatorOf[i]] += 1 - 1 / (applicationStart[a + 1] - applicationStart[a]);
  }
  return diagonal.map((d) => (d > 0 ? 1 / d : 0));
}

/** Removes each component's mean, the part of a vector in the null space of S when λ = 0. */
export function centreByComponent(graph: CalibrationGraph, vector: Float64Array): void {
  const sums = new Float64Array(graph.componentCount);
  const counts = new Float64Array(graph.componentCount);
  vector.forEach((value, e) => {
    sums[graph.evaluatorComponent[e]] += value;
    counts[graph.evaluatorComponent[e]]++;
  });
  vector.forEach((value, e) => {
    const c = graph.evaluatorComponent[e];
    vector[e] = value - sums[c] / counts[c];
  });
}

/**
 * ‖rhs‖₂ at or below ε·√N·max|T| is what rounding the applications' means leaves when every
 * evaluator agrees (a mean of equal totals that rounds a last bit away from them): it is no
 * evidence of any bias, and on tiny totals solving it would only meet underflow.
 */
function roundingLevel(totals: Float64Array): number {
  let largest = 0;
  for (const total of totals) largest = Math.max(largest, Math.abs(total));
  return Number.EPSILON * Math.sqrt(totals.length) * largest;
}

const dot = (x: Float64Array, y: Float64Array) => {
  let sum = 0;
  for (let k = 0; k < x.length; k++) sum += x[k] * y[k];
  return sum;
};

/** Below this largest total, squares and products of the solver underflow: it solves for 2^600 times the totals. */
const TINY_TOTALS = 2 ** -400;
const TINY_SCALE = 2 ** 600;

/**
 * The biases b of the fit for the given totals (in the graph's evaluation order), from `initial` when given.
 * The system is linear in the totals: totals so small that their squares underflow (below 2^-400, never
 * points on a scale) are scaled up by a power of two, which is exact, and the biases scaled back.
 */
export function solveBiases(
  graph: CalibrationGraph,
  totals: Float64Array,
  options: SolverOptions,
  initial?: Float64Array,
): BiasSolution {
  const largest = totals.reduce((max, total) => Math.max(max, Math.abs(total)), 0);
  if (largest === 0 || largest >= TINY_TOTALS) return solveScaledBiases(graph, totals, options, initial);
  const solution = solveScaledBiases(
    graph,
    totals.map((total) => total * TINY_SCALE),
    options,
    initial?.map((bias) => bias * TINY_SCALE),
  );
  return { ...solution, biases: solution.biases.map((bias) => bias / TINY_SCALE) };
}

function solveScaledBiases(
  graph: CalibrationGraph,
  totals: Float64Array,
  options: SolverOptions,
  initial?: Float64Array,
): BiasSolution {
  const { ridge, tolerance, maxIterations } = options;
  const singular = ridge === 0;
  const rhs = rightHandSide(graph, totals);
  if (singular) centreByComponent(graph, rhs); // removes the rounding that would make the system inconsistent
  const rhsNorm = Math.sqrt(dot(rhs, rhs));
  const x = initial ? Float64Array.from(initial) : new Float64Array(rhs.length);
  if (rhsNorm <= roundingLevel(totals)) return { biases: x.fill(0), iterations: 0, relativeResidual: 0 };
  const means = new Float64Array(graph.applicationIds.length);
  const product = new Float64Array(rhs.length);
  multiply(graph, ridge, x, product, means);
  const r = rhs.map((value, e) => value - product[e]);
  const inverse = inverseDiagonal(graph, ridge);
  const z = r.map((value, e) => value * inverse[e]);
  const p = Float64Array.from(z);
  let rz = dot(r, z);
  let iterations = 0;
  let residual = Math.sqrt(dot(r, r)) / rhsNorm;
  while (residual > tolerance) {
    if (iterations >= maxIterations) throw new CalibrationNotConvergedError(iterations, residual);
    multiply(graph, ridge, p, product, means);
    const curvature = dot(p, product);
    if (!(curvature > 0 && Number.isFinite(curvature))) throw new CalibrationNotConvergedError(iterations, residual);
    const step = rz / curvature;
    for (let e = 0; e < x.length; e++) {
      x[e] += step * p[e];
      r[e] -= step * product[e];
    }
    if (singular) centreByComponent(graph, r);
    for (let e = 0; e < z.length; e++) z[e] = r[e] * inverse[e];
    const next = dot(r, z);
    for (let e = 0; e < p.length; e++) p[e] = z[e] + (next / rz) * p[e];
    rz = next;
    iterations++;
    residual = Math.sqrt(dot(r, r)) / rhsNorm;
  }
  if (singular) centreByComponent(graph, x);
  return { biases: x, iterations, relativeResidual: residual };
}
