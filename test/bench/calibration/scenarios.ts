/**
 * Synthetic scoring rounds with a known truth, for the calibration simulation (./simulation.bench.ts).
 *
 * Every criterion score is drawn as the demo draws it (apps/cli/src/demo/scores.ts), on a 0–10 model
 * scale: AVERAGE + q_a + f_ac + b_e + r_ae + ε_aec, rounded to an integer and kept within 0–10, where
 * q_a is the application's quality, f_ac its strength on criterion c, b_e the evaluator's habit
 * (harsh < 0 < lenient), r_ae the evaluator's own reading of the application (shared by its criteria)
 * and ε_aec the wander of one criterion score. The true quality is what an unbiased, noiseless panel
 * would see: AVERAGE + q_a + the weighted mean of f_ac. Scores then go through the platform's own
 * formulas (totals, raw, z-scores, calibration), rounding and clamping included.
 */
import type {
  ApplicationToScore,
  SubmittedEvaluation,
  WeightedCriterion,
} from '../../../libs/scoring/src/domain/scoring.types';
import { seededRandom } from '../seeded-random';

/** The demo call's criteria and scale (apps/cli/src/demo/demo-data.ts, DEMO_CALL). */
export const CRITERIA: WeightedCriterion[] = [
  { code: 'TRACK', weight: 20 },
  { code: 'CAPACITY', weight: 15 },
  { code: 'PROGRAMME', weight: 20 },
  { code: 'ECOSYSTEM', weight: 15 },
  { code: 'INCLUSION', weight: 10 },
  { code: 'SUSTAIN', weight: 10 },
  { code: 'ALIGN', weight: 10 },
];
export const SCALE = { scaleMin: 0, scaleMax: 10 };

/** The demo's model (apps/cli/src/demo/scores.ts): where an average centre lands, and its spreads. */
const AVERAGE = 6;
/** √(1.0² + 0.8²): the demo's quality and country-ecosystem spreads together. */
const QUALITY_SPREAD = 1.28;
const FACET_SPREAD = 0.7;
const NOISE_SPREAD = 0.8;

/** The demo panel's habits (apps/cli/src/demo/demo-panel.ts): ten mild ones, one severe, one generous. */
export const DEMO_BIASES = [0.2, -2.2, 0.1, -0.3, 0.3, -0.1, 0, 0.2, -0.2, 0.1, 2.2, -0.2];

export interface ScenarioShape {
  key: string;
  description: string;
  applications: number;
  evaluators: number;
  perApplication: number;
  /** b_e per evaluator when given (its length must be `evaluators`); else drawn N(0, biasSpread²). */
  biases?: readonly number[];
  biasSpread: number;
  /** Standard deviation of r_ae, the evaluator's reading of the application as a whole. */
  readingSpread: number;
  /** Evaluator 0's whole batch is drawn from the best third of the applications by true quality. */
  strongBatch: boolean;
}

export interface SyntheticRound {
  applications: ApplicationToScore[];
  evaluations: SubmittedEvaluation[];
  /** True quality per application, in the order of `applications`. */
  trueQuality: number[];
}

/**
 * The standard deviation, in points of the 0–100 total, of one evaluation's noise r_ae + the weighted
 * mean of ε_aec and of the rounding (taken as uniform over ±0.5), before clamping: what the fit's
 * residuals estimate.
 */
export function simulatedNoiseSpread(shape: ScenarioShape): number {
  const totalWeight = CRITERIA.reduce((sum, c) => sum + c.weight, 0);
  const squaredWeights = CRITERIA.reduce((sum, c) => sum + (c.weight / totalWeight) ** 2, 0);
  const variance = shape.readingSpread ** 2 + (NOISE_SPREAD ** 2 + 1 / 12) * squaredWeights;
  return 10 * Math.sqrt(variance);
}

/** A standard normal deviate by Box–Muller. */
function gaussian(random: () => number): number {
  const u = 1 - random(); // (0, 1], so the logarithm is finite
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/**
 * Each application's evaluators, loads balanced as the platform's assignment balances them: in a
 * random order of applications, each takes the least loaded evaluators it does not have yet, ties
 * broken at random. With strongBatch, evaluator 0 first takes its share of applications, all drawn
 * at random from the best third, and no other.
 */
function assign(shape: ScenarioShape, trueQuality: readonly number[], random: () => number): number[][] {
  const evaluatorsOf: number[][] = Array.from({ length: shape.applications }, () => []);
  const load = new Array<number>(shape.evaluators).fill(0);
  const available = new Array<boolean>(shape.evaluators).fill(true);
  if (shape.strongBatch) {
    const share = Math.round((shape.applications * shape.perApplication) / shape.evaluators);
    const byQuality = trueQuality.map((_, a) => a).sort((x, y) => trueQuality[y] - trueQuality[x]);
    const bestThird = byQuality.slice(0, Math.floor(shape.applications / 3));
    for (const a of shuffled(bestThird, random).slice(0, share)) evaluatorsOf[a].push(0);
    load[0] = share;
    available[0] = false;
  }
  for (const a of shuffled(
    evaluatorsOf.map((_, i) => i),
    random,
  )) {
    while (evaluatorsOf[a].length < shape.perApplication) {
      const candidates = shuffled(
        load.flatMap((_, e) => (available[e] && !evaluatorsOf[a].includes(e) ? [e] : [])),
        random,
      );
      const chosen = candidates.reduce((best, e) => (load[e] < load[best] ? e : best));
      evaluatorsOf[a].push(chosen);
      load[chosen]++;
    }
  }
  return evaluatorsOf;
}

const pad = (n: number) => String(n).padStart(4, '0');

/** One round of the scenario, the same for the same seed. */
export function syntheticRound(shape: ScenarioShape, seed: number): SyntheticRound {
  const random = seededRandom(seed);
  if (shape.biases !== undefined && shape.biases.length !== shape.evaluators) {
    throw new RangeError(`${shape.key}: ${shape.biases.length} biases for ${shape.evaluators} evaluators.`);
  }
  const biases = shape.biases ?? Array.from({ length: shape.evaluators }, () => shape.biasSpread * gaussian(random));
  const totalWeight = CRITERIA.reduce((sum, c) => sum + c.weight, 0);
  const quality: number[] = [];
  const facets: number[][] = [];
  const trueQuality: number[] = [];
  for (let a = 0; a < shape.applications; a++) {
    quality.push(QUALITY_SPREAD * gaussian(random));
    facets.push(CRITERIA.map(() => FACET_SPREAD * gaussian(random)));
    const facetMean = CRITERIA.reduce((sum, c, k) => sum + c.weight * facets[a][k], 0) / totalWeight;
    trueQuality.push(AVERAGE + quality[a] + facetMean);
  }
  const evaluatorsOf = assign(shape, trueQuality, random);
  const applications = trueQuality.map((_, a) => ({
    id: `app-${pad(a)}`,
    submittedAt: new Date(Date.UTC(2026, 0, 1) + a * 60_000),
    rankable: true,
  }));
  const evaluations: SubmittedEvaluation[] = [];
  evaluatorsOf.forEach((evaluators, a) => {
    for (const e of evaluators) {
      const reading = shape.readingSpread * gaussian(random);
      const scores = CRITERIA.map((criterion, k) => {
        const model = AVERAGE + quality[a] + facets[a][k] + biases[e] + reading + NOISE_SPREAD * gaussian(random);
        return {
          criterionCode: criterion.code,
          score: Math.max(SCALE.scaleMin, Math.min(SCALE.scaleMax, Math.round(model))),
        };
      });
      evaluations.push({ applicationId: applications[a].id, evaluatorId: `ev-${pad(e)}`, scores });
    }
  });
  return { applications, evaluations, trueQuality };
}
