import { buildCalibrationGraph } from './calibration-graph';
import { solveBiases } from './calibration-solver';
import {
  CALIBRATION_TOLERANCE,
  CalibrationNotConvergedError,
  CalibrationTotal,
  DEFAULT_CALIBRATION_RIDGE,
  fitCalibration,
} from './calibration';
import { InvalidScoringInputError } from './scoring.errors';

const total = (applicationId: string, evaluatorId: string, value: number): CalibrationTotal => ({
  applicationId,
  evaluatorId,
  total: value,
});

describe('fitCalibration', () => {
  it('separates a lenient and a harsh evaluator who scored the same applications', () => {
    const fit = fitCalibration(
      [total('a', 'harsh', 60), total('a', 'lenient', 70), total('b', 'harsh', 40), total('b', 'lenient', 50)],
      { ridge: 0 },
    );
    expect(fit.evaluators.map((e) => [e.evaluatorId, e.bias])).toEqual([
      ['harsh', expect.closeTo(-5, 12)],
      ['lenient', expect.closeTo(5, 12)],
    ]);
    expect(fit.applications.map((a) => [a.applicationId, a.score, a.rawScore])).toEqual([
      ['a', expect.closeTo(65, 12), 65],
      ['b', expect.closeTo(45, 12), 45],
    ]);
  });

  it('does not correct an evaluator downwards for drawing the strongest applications', () => {
    // e1 alone scores the strong a and b; e2 and e3 score everything and agree with e1 on a and b.
    const fit = fitCalibration([
      total('a', 'e1', 90),
      total('a', 'e2', 90),
      total('b', 'e1', 80),
      total('b', 'e3', 80),
      total('c', 'e2', 40),
      total('c', 'e3', 40),
      total('d', 'e2', 30),
      total('d', 'e3', 30),
    ]);
    for (const evaluator of fit.evaluators) expect(Math.abs(evaluator.bias)).toBeLessThan(1e-9);
    for (const application of fit.applications) expect(application.score).toBeCloseTo(application.rawScore, 9);
  });

  it('reports each connected component and keeps each one at the mean of its own totals', () => {
    const fit = fitCalibration([
      total('b', 'e1', 50),
      total('b', 'e2', 70),
      total('c', 'e1', 30),
      total('a', 'e3', 20),
      total('d', 'e3', 40),
    ]);
    expect(fit.components).toEqual([
      { component: 0, applicationCount: 2, evaluatorCount: 1, evaluationCount: 2 },
      { component: 1, applicationCount: 2, evaluatorCount: 2, evaluationCount: 3 },
    ]);
    expect(fit.applications.map((a) => [a.applicationId, a.component])).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 1],
      ['d', 0],
    ]);
    expect(fit.evaluators.map((e) => e.component)).toEqual([1, 1, 0]);
    const scoreOf = (id: string) => fit.applications.find((a) => a.applicationId === id)?.score ?? NaN;
    expect(scoreOf('a') + scoreOf('d')).toBeCloseTo(60, 12);
    expect(scoreOf('b') * 2 + scoreOf('c')).toBeCloseTo(150, 12);
  });

  it('keeps the residuals of the fit, which sum to zero per application', () => {
    const fit = fitCalibration([
      total('a', 'e1', 10),
      total('a', 'e2', 80),
      total('b', 'e1', 50),
      total('b', 'e2', 60),
    ]);
    expect(fit.ridge).toBe(DEFAULT_CALIBRATION_RIDGE);
    expect(fit.residuals[0] + fit.residuals[1]).toBeCloseTo(0, 12);
    expect(Math.abs(fit.residuals[0])).toBeGreaterThan(1);
  });

  it('converges on a long chain of evaluators, the ill-conditioned case, without a ridge', () => {
    const chain = Array.from({ length: 300 }, (_, k) => [
      total(`a${k}`, `e${k}`, (k * 37) % 100),
      total(`a${k}`, `e${k + 1}`, (k * 53) % 100),
    ]).flat();
    const fit = fitCalibration(chain, { ridge: 0 });
    expect(fit.relativeResidual).toBeLessThanOrEqual(CALIBRATION_TOLERANCE);
    expect(fit.components).toHaveLength(1);
    // Two evaluations per application and a tree: the fit is exact.
    for (const residual of fit.residuals) expect(Math.abs(residual)).toBeLessThan(1e-8);
  });

  it('fails loudly rather than return a fit short of its tolerance', () => {
    const graph = buildCalibrationGraph(
      Array.from({ length: 20 }, (_, k) => [
        total(`a${k}`, `e${k}`, (k * 37) % 100),
        total(`a${k}`, `e${k + 1}`, 50),
      ]).flat(),
    );
    expect(() => solveBiases(graph, graph.totals, { ridge: 0.5, tolerance: 1e-12, maxIterations: 3 })).toThrow(
      CalibrationNotConvergedError,
    );
  });

  it('rejects a duplicated evaluation, a non-finite total and a negative ridge', () => {
    expect(() => fitCalibration([total('a', 'e1', 10), total('a', 'e1', 20)])).toThrow(InvalidScoringInputError);
    expect(() => fitCalibration([total('a', 'e1', NaN)])).toThrow(InvalidScoringInputError);
    expect(() => fitCalibration([total('a', 'e1', 10)], { ridge: -1 })).toThrow(InvalidScoringInputError);
  });

  it('fits an empty call to nothing', () => {
    const fit = fitCalibration([]);
    expect([fit.applications, fit.evaluators, fit.components]).toEqual([[], [], []]);
  });
});
