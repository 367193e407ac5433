/**
 * A diagnosis of the rank intervals' coverage, for the calibration simulation (./simulation.bench.ts).
 * bootstrapRanks draws its replicates around the fitted qualities q̂, which are spread wider than the
 * true ones by their own estimation noise (var q̂ ≈ var q + se²), and most at the ends of the ranking,
 * where the extreme q̂ are those whose noise pushed them out. Neighbours then sit further apart in the
 * replicates than in truth, so the rank intervals come out too narrow. Drawing instead around q̂
 * shrunk to its mean by the empirical-Bayes factor 1 − se²/var q̂ tests that explanation.
 */
import type { CalibrationFit } from '../../../libs/scoring/src/domain/calibration';
import { residualInflation } from '../../../libs/scoring/src/domain/calibration-bootstrap';

/** σ̂², the noise variance per evaluation the bootstrap resamples: s² · mean(ε̂²). */
export function noiseVariance(fit: CalibrationFit): number {
  const { residuals } = fit;
  if (residuals.length === 0) return 0;
  let sum = 0;
  for (const r of residuals) sum += r * r;
  return (residualInflation(fit.graph) ** 2 * sum) / residuals.length;
}

/**
 * The shrinkage factor 1 − mean(σ̂²/n_a)/var(q̂) (population variance over the applications), kept
 * within [0, 1]; 1 when the qualities do not vary.
 */
export function shrinkageFactor(fit: CalibrationFit): number {
  const qualities = fit.applications.map((a) => a.quality);
  const mean = qualities.reduce((sum, q) => sum + q, 0) / qualities.length;
  const variance = qualities.reduce((sum, q) => sum + (q - mean) ** 2, 0) / qualities.length;
  if (!(variance > 0)) return 1;
  const sigma2 = noiseVariance(fit);
  const standardError2 = fit.applications.reduce((sum, a) => sum + sigma2 / a.evaluationCount, 0) / qualities.length;
  return Math.min(1, Math.max(0, 1 - standardError2 / variance));
}

/** The fit with each q̂_a replaced by mean + factor · (q̂_a − mean): what the bootstrap then draws around. */
export function shrunkFit(fit: CalibrationFit, factor = shrinkageFactor(fit)): CalibrationFit {
  const mean = fit.applications.reduce((sum, a) => sum + a.quality, 0) / fit.applications.length;
  return { ...fit, applications: fit.applications.map((a) => ({ ...a, quality: mean + factor * (a.quality - mean) })) };
}
