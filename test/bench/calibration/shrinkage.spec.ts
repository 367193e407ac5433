import { fitCalibration } from '../../../libs/scoring/src/domain/calibration';
import { residualInflation } from '../../../libs/scoring/src/domain/calibration-bootstrap';
import { noiseVariance, shrinkageFactor, shrunkFit } from './shrinkage';

/** Three applications each scored by the same three evaluators. */
function crossed(total: (application: number, evaluator: number) => number) {
  return [0, 1, 2].flatMap((a) =>
    [0, 1, 2].map((e) => ({ applicationId: `a${a}`, evaluatorId: `e${e}`, total: total(a, e) })),
  );
}

function varianceOfQualities(fit: ReturnType<typeof fitCalibration>): number {
  const q = fit.applications.map((a) => a.quality);
  const mean = q.reduce((sum, x) => sum + x, 0) / q.length;
  return q.reduce((sum, x) => sum + (x - mean) ** 2, 0) / q.length;
}

describe('the shrunk bootstrap of the simulation', () => {
  it('leaves noiseless qualities where they are', () => {
    const fit = fitCalibration(crossed((a) => 40 + 10 * a));
    expect(noiseVariance(fit)).toBe(0);
    expect(shrinkageFactor(fit)).toBe(1);
    expect(shrunkFit(fit).applications.map((a) => a.quality)).toEqual(fit.applications.map((a) => a.quality));
  });

  it('estimates the noise as the inflated mean square residual', () => {
    const fit = fitCalibration(crossed((a, e) => 40 + 10 * a + [0, 3, -1][(a + e) % 3]));
    const meanSquare = Array.from(fit.residuals).reduce((sum, r) => sum + r * r, 0) / fit.residuals.length;
    expect(meanSquare).toBeGreaterThan(0);
    expect(noiseVariance(fit)).toBeCloseTo(residualInflation(fit.graph) ** 2 * meanSquare, 12);
  });

  it('pulls the qualities towards their mean by 1 − (σ̂²/n)/var q̂, keeping the mean', () => {
    const fit = fitCalibration(crossed((a, e) => 40 + 10 * a + [0, 3, -1][(a + e) % 3]));
    const q = fit.applications.map((a) => a.quality);
    const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
    const variance = mean(q.map((x) => (x - mean(q)) ** 2));
    const factor = shrinkageFactor(fit);
    expect(factor).toBeCloseTo(1 - noiseVariance(fit) / 3 / variance, 12);
    const shrunk = shrunkFit(fit).applications.map((a) => a.quality);
    expect(mean(shrunk)).toBeCloseTo(mean(q), 9);
    shrunk.forEach((x, i) => expect(x - mean(q)).toBeCloseTo(factor * (q[i] - mean(q)), 9));
  });

  it('never shrinks past the mean: 0 when the noise swamps the differences between applications', () => {
    const fit = fitCalibration(crossed((a, e) => 50 + a + 20 * ((a * 3 + e * 5) % 2)));
    expect(1 - noiseVariance(fit) / 3 / varianceOfQualities(fit)).toBeLessThan(0);
    expect(shrinkageFactor(fit)).toBe(0);
    const q = fit.applications.map((a) => a.quality);
    const mean = q.reduce((sum, x) => sum + x, 0) / q.length;
    shrunkFit(fit).applications.forEach((a) => expect(a.quality).toBeCloseTo(mean, 9));
  });
});
