import { DemoEvaluator } from './demo-panel';
import { gaussian } from './seeded';

export interface Scale {
  scaleMin: number;
  scaleMax: number;
}

/** The model's scale: scores are drawn on 0–10, then read on the stage's own scale. */
const MODEL_MAX = 10;
/** Where an average centre lands on the model's scale before anyone's habits. */
const AVERAGE = 6;
/** How far centres differ in quality, in model points (standard deviation)... */
const QUALITY_SPREAD = 1.0;
/** ...and how far the ecosystems of their countries do: centres of one country rise and fall together. */
const ECOSYSTEM_SPREAD = 0.8;
/** How far a centre does better or worse at interview than its written record says. */
const INTERVIEW_SPREAD = 0.9;
/** How far a centre's criteria differ from its overall quality. */
const FACET_SPREAD = 0.7;
/** How far one evaluator's reading of one criterion wanders. */
const NOISE_SPREAD = 0.8;

/** A centre's latent quality, in model points around the average: the seed decides it. */
export function centreQuality(seed: number, centre: { name: string; countryCode: string }): number {
  return (
    QUALITY_SPREAD * gaussian(seed, 'quality', centre.name) +
    ECOSYSTEM_SPREAD * gaussian(seed, 'ecosystem', centre.countryCode)
  );
}

/** How a centre comes across in a stage: its quality in writing (stage 1), and at interview after. */
function stageQuality(seed: number, centre: { name: string; countryCode: string }, stage: number): number {
  const quality = centreQuality(seed, centre);
  return stage === 1 ? quality : quality + INTERVIEW_SPREAD * gaussian(seed, 'interview', centre.name);
}

/**
 * One criterion score: the centre's quality in the stage, its strength on that criterion, the
 * evaluator's habit and a little noise, read on the stage's scale, rounded and kept within it. A
 * function of (seed, centre, evaluator, criterion, stage) only, so the ranking does not depend on
 * the order assignments come back in.
 */
export function criterionScore(
  seed: number,
  centre: { name: string; countryCode: string },
  evaluator: DemoEvaluator,
  criterion: string,
  scale: Scale,
  stage = 1,
): number {
  const model =
    AVERAGE +
    stageQuality(seed, centre, stage) +
    FACET_SPREAD * gaussian(seed, 'facet', centre.name, criterion) +
    evaluator.bias +
    NOISE_SPREAD * gaussian(seed, 'noise', centre.name, evaluator.email, criterion);
  const value = scale.scaleMin + (model * (scale.scaleMax - scale.scaleMin)) / MODEL_MAX;
  return Math.max(scale.scaleMin, Math.min(scale.scaleMax, Math.round(value)));
}

/**
 * A score reconsidered after a moderator's revisit: the evaluator, having read its colleagues'
 * evaluations, meets them halfway on the criterion.
 */
export function revisedScore(own: number, colleagues: number[]): number {
  const theirs = colleagues.reduce((sum, score) => sum + score, 0) / colleagues.length;
  return Math.round((own + theirs) / 2);
}

/** A line of justification, as the platform expects evaluators to give. */
export function scoreComment(score: number, scale: Scale): string {
  const share = (score - scale.scaleMin) / (scale.scaleMax - scale.scaleMin);
  if (share >= 0.8) return 'Strong evidence, well documented.';
  if (share >= 0.6) return 'Solid, with some gaps in the evidence.';
  if (share >= 0.4) return 'Partly demonstrated; needs strengthening.';
  return 'Little evidence provided.';
}
