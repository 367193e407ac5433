/**
 * Calibrated scores (issue 16): evaluator totals are modelled as T_ae = q_a + b_e + ε, application
 * quality plus evaluator bias plus noise, fitted jointly over every submitted evaluation of a call.
 * Unlike z-scores, an evaluator who drew a strong batch is not corrected downwards for it: the
 * other evaluators of the same applications tell the bias apart from the batch's quality.
 *
 * The fit and its solver are in ./calibration-solver, the graph in ./calibration-graph. Biases, and
 * hence scores, are comparable only within a connected component of the evaluator–application
 * graph; the result says which component each application and evaluator is in.
 */
import { buildCalibrationGraph, type CalibrationGraph, type CalibrationTotal } from './calibration-graph';
import { type BiasSolution, solveBiases } from './calibration-solver';
import { InvalidScoringInputError } from './scoring.errors';
import { mean } from './statistics';

export type { CalibrationTotal, CalibrationGraph } from './calibration-graph';
export { CalibrationNotConvergedError } from './calibration-solver';

/**
 * λ of the ridge penalty λ·Σ b_e². Both terms of the objective are squared points, so λ has no
 * unit: it weighs like λ extra evaluations per evaluator at zero bias (a prior on b of variance
 * σ²/λ, σ² the noise variance). At 1 it shrinks the bias of an evaluator with n evaluations by
 * about 1/(n + 1) — a few per cent at ordinary loads of 10 to 50 — but keeps an evaluator with one
 * or two evaluations, whose bias the data cannot tell from noise, from absorbing them, and it makes
 * the system positive definite, so the biases are unique even in a disconnected graph.
 */
export const DEFAULT_CALIBRATION_RIDGE = 1;

/**
 * CG stops when ‖r‖₂ ≤ 1e-12 · ‖rhs‖₂: the biases are then accurate far below SCORE_RESOLUTION
 * (1e-9 points) on any graph of realistic conditioning, so rounding of the solve never decides a rank.
 */
export const CALIBRATION_TOLERANCE = 1e-12;

/** In exact arithmetic CG ends within E iterations (E evaluators); rounding on ill-conditioned graphs can need a few times more. */
export function calibrationIterationCap(evaluatorCount: number): number {
  return 10 * evaluatorCount + 100;
}

export interface CalibrationOptions {
  /** λ ≥ 0; DEFAULT_CALIBRATION_RIDGE when omitted. */
  ridge?: number;
}

export interface CalibratedApplication {
  applicationId: string;
  /** q_a of the fit. */
  quality: number;
  /** q_a on the 0–100 scale: q_a + (mean of the component's totals − mean of q over the component's evaluations). */
  score: number;
  /** Mean of the application's totals, as §5.2 computes it. */
  rawScore: number;
  evaluationCount: number;
  component: number;
}

export interface CalibratedEvaluator {
  evaluatorId: string;
  /** b_e: positive for a lenient evaluator, in points. */
  bias: number;
  evaluationCount: number;
  component: number;
}

export interface CalibrationComponent {
  component: number;
  applicationCount: number;
  evaluatorCount: number;
  evaluationCount: number;
}

export interface CalibrationFit {
  ridge: number;
  iterations: number;
  relativeResidual: number;
  /** In application id order. */
  applications: CalibratedApplication[];
  /** In evaluator id order. */
  evaluators: CalibratedEvaluator[];
  /** Numbered 0, 1, … in order of their first application id. */
  components: CalibrationComponent[];
  /** The indexed graph, for refits (the bootstrap) without re-sorting. */
  graph: CalibrationGraph;
  /** T_ae − q_a − b_e per evaluation, in the graph's evaluation order. */
  residuals: Float64Array;
}

/** Fits q and b over a call's totals (every submitted evaluation) and puts q back on the 0–100 scale. */
export function fitCalibration(totals: readonly CalibrationTotal[], options: CalibrationOptions = {}): CalibrationFit {
  const ridge = options.ridge ?? DEFAULT_CALIBRATION_RIDGE;
  if (!(Number.isFinite(ridge) && ridge >= 0)) throw new InvalidScoringInputError(`Ridge λ = ${ridge} is not ≥ 0.`);
  return fitGraph(buildCalibrationGraph(totals), ridge);
}

/** The fit over an indexed graph, optionally of other totals on the same graph and from a warm start (a refit). */
export function fitGraph(
  graph: CalibrationGraph,
  ridge: number,
  totals: Float64Array = graph.totals,
  initialBiases?: Float64Array,
): CalibrationFit {
  const { solution, qualities, scores } = fitScores(graph, ridge, totals, initialBiases);
  const { biases } = solution;
  const residuals = totals.map((t, i) => t - qualities[graph.applicationOf[i]] - biases[graph.evaluatorOf[i]]);
  return {
    ridge,
    iterations: solution.iterations,
    relativeResidual: solution.relativeResidual,
    applications: graph.applicationIds.map((applicationId, a) => ({
      applicationId,
      quality: qualities[a],
      score: scores[a],
      rawScore: mean(Array.from(totals.subarray(graph.applicationStart[a], graph.applicationStart[a + 1]))),
      evaluationCount: graph.applicationStart[a + 1] - graph.applicationStart[a],
      component: graph.applicationComponent[a],
    })),
    evaluators: graph.evaluatorIds.map((evaluatorId, e) => ({
      evaluatorId,
      bias: biases[e],
      evaluationCount: graph.evaluatorLoad[e],
      component: graph.evaluatorComponent[e],
    })),
    components: componentSizes(graph),
    graph,
    residuals,
  };
}

/** The solve, q and the scores, without the per-node records. */
function fitScores(
  graph: CalibrationGraph,
  ridge: number,
  totals: Float64Array,
  initialBiases?: Float64Array,
): { solution: BiasSolution; qualities: Float64Array; scores: Float64Array } {
  const maxIterations = calibrationIterationCap(graph.evaluatorIds.length);
  const solution = solveBiases(
    graph,
    totals,
    { ridge, tolerance: CALIBRATION_TOLERANCE, maxIterations },
    initialBiases,
  );
  const qualities = applicationQualities(graph, totals, solution.biases);
  return { solution, qualities, scores: calibratedScores(graph, totals, qualities) };
}

/**
 * q_a = mean over a's evaluators of T_ae − b_e, by the ascending sum of ./statistics, so that an
 * application whose evaluators have no bias gets exactly the raw mean of its totals.
 */
function applicationQualities(graph: CalibrationGraph, totals: Float64Array, biases: Float64Array): Float64Array {
  const { applicationStart, evaluatorOf } = graph;
  const qualities = new Float64Array(graph.applicationIds.length);
  for (let a = 0; a < qualities.length; a++) {
    const corrected: number[] = [];
    for (let i = applicationStart[a]; i < applicationStart[a + 1]; i++)
      corrected.push(totals[i] - biases[evaluatorOf[i]]);
    qualities[a] = mean(corrected);
  }
  return qualities;
}

/**
 * score_a = q_a + (mean of the totals of a's component − mean over the component's evaluations of
 * q_a), so that in each component the scores average (weighted by evaluations) to its raw totals.
 * Per component, because nothing links the level of one component to another's: a component whose
 * evaluators are all harsh cannot be told from one whose applications are all weak, so its mean is
 * left where its totals put it. On a connected graph this is one shift for the whole call. The
 * shift is the evaluation-weighted mean bias of the component, so a score is the raw mean with each
 * evaluator's bias relative to the component's average evaluation removed. Scores are not clamped:
 * an application rated 100 by harsh evaluators may score above 100.
 */
function calibratedScores(graph: CalibrationGraph, totals: Float64Array, qualities: Float64Array): Float64Array {
  const totalsByComponent: number[][] = Array.from({ length: graph.componentCount }, () => []);
  const qualitiesByComponent: number[][] = Array.from({ length: graph.componentCount }, () => []);
  totals.forEach((total, i) => {
    const a = graph.applicationOf[i];
    totalsByComponent[graph.applicationComponent[a]].push(total);
    qualitiesByComponent[graph.applicationComponent[a]].push(qualities[a]);
  });
  const shifts = totalsByComponent.map((values, c) => mean(values) - mean(qualitiesByComponent[c]));
  return qualities.map((q, a) => q + shifts[graph.applicationComponent[a]]);
}

function componentSizes(graph: CalibrationGraph): CalibrationComponent[] {
  const components = Array.from({ length: graph.componentCount }, (_, component) => ({
    component,
    applicationCount: 0,
    evaluatorCount: 0,
    evaluationCount: 0,
  }));
  for (const c of graph.applicationComponent) components[c].applicationCount++;
  for (const c of graph.evaluatorComponent) components[c].evaluatorCount++;
  for (const a of graph.applicationOf) components[graph.applicationComponent[a]].evaluationCount++;
  return components;
}
