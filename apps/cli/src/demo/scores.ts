import { DemoEvaluator } from './demo-panel';
import { gaussian } from './seeded';

export interface Scale {
  scaleMin: number;
  scaleMax: number;
}

/** Where an average centre lands on the 0–10 scale before anyone's habits. */
const AVERAGE = 6;
/** How far centres differ in quality, in scale points (standard deviation)... */
const QUALITY_SPREAD = 1.0;
/** ...and how far the ecosystems of their countries do: centres of one country rise and fall together. */
const ECOSYSTEM_SPREAD = 0.8;
/** How far a centre's criteria differ from its overall quality. */
const FACET_SPREAD = 0.7;
/** How far one evaluator's reading of one criterion wanders. */
const NOISE_SPREAD = 0.8;

/** A centre's latent quality, in scale points around the average: the seed decides it. */
export function centreQuality(seed: number, centre: { name: string; countryCode: string }): number {
  return (
    QUALITY_SPREAD * gaussian(seed, 'quality', centre.name) +
    ECOSYSTEM_SPREAD * gaussian(seed, 'ecosystem', centre.countryCode)
  );
}

/**
 * One criterion score: the centre's quality, its strength on that criterion, the evaluator's
 * habit and a little noise, rounded and kept within the scale. A function of (seed, centre,
 * evaluator, criterion) only, so the ranking does not depend on the order assignments come back in.
 */
export function criterionScore(
  seed: number,
  centre: { name: string; countryCode: string },
  evaluator: DemoEvaluator,
  criterion: string,
  scale: Scale,
): number {
  const value =
    AVERAGE +
    centreQuality(seed, centre) +
    FACET_SPREAD * gaussian(seed, 'facet', centre.name, criterion) +
    evaluator.bias +
    NOISE_SPREAD * gaussian(seed, 'noise', centre.name, evaluator.email, criterion);
  return Math.max(scale.scaleMin, Math.min(scale.scaleMax, Math.round(value)));
}

/** A line of justification, as the platform expects evaluators to give. */
export function scoreComment(score: number, scale: Scale): string {
  const share = (score - scale.scaleMin) / (scale.scaleMax - scale.scaleMin);
  if (share >= 0.8) return 'Strong evidence, well documented.';
  if (share >= 0.6) return 'Solid, with some gaps in the evidence.';
  if (share >= 0.4) return 'Partly demonstrated; needs strengthening.';
  return 'Little evidence provided.';
}
