import {
  ApplicationScore,
  CallScoringInput,
  InvalidScoringInputError,
  SubmittedEvaluation,
  evaluatorTotal,
  fitCalibration,
  scoreCall,
  normalizedFromParts,
  zScoreParts,
} from './scoring';

const DIGITS = 9; // §5 results must agree with a recomputation to 1e-9.
const SUBMITTED = new Date('2030-03-01T00:00:00Z');

describe('evaluatorTotal (§5.1)', () => {
  const criteria = [
    { code: 'IMPACT', weight: 3 },
    { code: 'TEAM', weight: 1 },
  ];
  const scale = { scaleMin: 1, scaleMax: 5 };
  const scored = (impact: number, team: number) => [
    { criterionCode: 'IMPACT', score: impact },
    { criterionCode: 'TEAM', score: team },
  ];

  it.each([
    // 100 · (3 · 4/4 + 1 · 0/4) / 4
    [5, 1, 75],
    // 100 · (3 · 2/4 + 1 · 3/4) / 4 = 100 · 2.25 / 4
    [3, 4, 56.25],
    [1, 1, 0],
    [5, 5, 100],
  ])('IMPACT %d, TEAM %d gives %d', (impact, team, expected) => {
    expect(evaluatorTotal(criteria, scale, scored(impact, team))).toBeCloseTo(expected, DIGITS);
  });

  it('does not depend on the order of criteria or scores', () => {
    const forward = evaluatorTotal(criteria, scale, scored(2, 5));
    const backward = evaluatorTotal([...criteria].reverse(), scale, scored(2, 5).reverse());
    expect(backward).toBe(forward);
  });

  it('needs weights that are positive, not that they sum to 1', () => {
    const scaledUp = criteria.map((c) => ({ ...c, weight: c.weight * 10 }));
    expect(evaluatorTotal(scaledUp, scale, scored(3, 4))).toBeCloseTo(56.25, DIGITS);
  });

  it.each([
    ['a criterion is not scored', [{ criterionCode: 'IMPACT', score: 3 }]],
    ['a criterion is scored twice', [...scored(3, 4), { criterionCode: 'TEAM', score: 2 }]],
    ['an unknown criterion is scored', [...scored(3, 4), { criterionCode: 'BUDGET', score: 2 }]],
    ['a score is below the scale', scored(0, 4)],
    ['a score is above the scale', scored(3, 6)],
    ['a score is not a number', scored(Number.NaN, 4)],
  ])('refuses an evaluation where %s', (_case, scores) => {
    expect(() => evaluatorTotal(criteria, scale, scores)).toThrow(InvalidScoringInputError);
  });

  it.each([
    ['an empty scale', criteria, { scaleMin: 5, scaleMax: 5 }],
    ['no criteria', [], scale],
    ['a zero weight', [{ code: 'IMPACT', weight: 0 }], scale],
    ['a duplicated criterion', [...criteria, { code: 'TEAM', weight: 2 }], scale],
  ])('refuses a definition with %s', (_case, definition, badScale) => {
    expect(() => evaluatorTotal(definition, badScale, scored(3, 4))).toThrow(InvalidScoringInputError);
  });
});

/**
 * One criterion on a 0–10 scale, so T = 10 · score. Totals given:
 *   e1: a1 40, a2 60       μ_e 50, σ_e 10
 *   e2: a1 70, a2 90       μ_e 80, σ_e 10
 *   e3: a3 40              one evaluation: fallback T' = T − μ_e + μ
 *   e4: a1 60, a3 60       σ_e = 0: fallback
 * All seven totals: μ = 420/7 = 60, σ² = (400 + 0 + 100 + 900 + 400 + 0 + 0)/7 = 1800/7.
 */
describe('scoreCall: a worked example', () => {
  const sigma = Math.sqrt(1800 / 7);
  const given: Array<[string, string, number]> = [
    ['a1', 'e1', 4],
    ['a2', 'e1', 6],
    ['a1', 'e2', 7],
    ['a2', 'e2', 9],
    ['a3', 'e3', 4],
    ['a1', 'e4', 6],
    ['a3', 'e4', 6],
  ];
  const input = (overrides: Partial<CallScoringInput> = {}): CallScoringInput => ({
    criteria: [{ code: 'QUALITY', weight: 1 }],
    scale: { scaleMin: 0, scaleMax: 10 },
    normalization: 'zscore',
    disagreementThreshold: 25,
    applications: ['a1', 'a2', 'a3'].map((id) => ({ id, submittedAt: SUBMITTED, rankable: true })),
    evaluations: given.map(([applicationId, evaluatorId, score]) => evaluation(applicationId, evaluatorId, score)),
    ...overrides,
  });
  const byId = (scores: ApplicationScore[]) => new Map(scores.map((s) => [s.applicationId, s]));

  it('reports the call statistics μ, σ and each evaluator’s μ_e, σ_e', () => {
    const { statistics } = scoreCall(input());
    expect(statistics.evaluationCount).toBe(7);
    expect(statistics.mean).toBeCloseTo(60, DIGITS);
    expect(statistics.stdDev).toBeCloseTo(sigma, DIGITS);
    expect(statistics.perEvaluator).toEqual({
      e1: { mean: expect.closeTo(50, DIGITS), stdDev: expect.closeTo(10, DIGITS), count: 2 },
      e2: { mean: expect.closeTo(80, DIGITS), stdDev: expect.closeTo(10, DIGITS), count: 2 },
      e3: { mean: expect.closeTo(40, DIGITS), stdDev: 0, count: 1 },
      e4: { mean: expect.closeTo(60, DIGITS), stdDev: 0, count: 2 },
    });
  });

  it('keeps raw score, count, spread and population standard deviation per application (§5.2)', () => {
    const scores = byId(scoreCall(input()).applications);
    expect(scores.get('a1')).toMatchObject({ evaluationCount: 3, spread: 30 });
    expect(scores.get('a1')?.rawScore).toBeCloseTo(170 / 3, DIGITS);
    expect(scores.get('a1')?.stdDev).toBeCloseTo(Math.sqrt(1400 / 9), DIGITS);
    expect(scores.get('a2')).toMatchObject({ evaluationCount: 2, rawScore: 75, spread: 30, stdDev: 15 });
    expect(scores.get('a3')).toMatchObject({ evaluationCount: 2, rawScore: 50, spread: 20, stdDev: 10 });
  });

  it('normalises per §5.3, with both fallbacks', () => {
    // a1: e1 → 60 + σ(40 − 50)/10, e2 → 60 + σ(70 − 80)/10, e4 (σ_e = 0) → 60 − 60 + 60.
    // a2: e1 → 60 + σ, e2 → 60 + σ.   a3: e3 (one evaluation) → 40 − 40 + 60, e4 → 60.
    const scores = byId(scoreCall(input()).applications);
    expect(scores.get('a1')?.normalizedScore).toBeCloseTo(60 - (2 * sigma) / 3, DIGITS);
    expect(scores.get('a2')?.normalizedScore).toBeCloseTo(60 + sigma, DIGITS);
    expect(scores.get('a3')?.normalizedScore).toBeCloseTo(60, DIGITS);
  });

  it('scores and ranks by the normalised score under zscore (§5.4, §5.6)', () => {
    const result = scoreCall(input()).applications;
    expect(result.map((s) => [s.applicationId, s.rank])).toEqual([
      ['a2', 1],
      ['a3', 2],
      ['a1', 3],
    ]);
    result.forEach((s) => expect(s.score).toBe(s.normalizedScore));
  });

  it('scores and ranks by the raw score under none, still reporting the normalised one', () => {
    const result = scoreCall(input({ normalization: 'none' })).applications;
    expect(result.map((s) => [s.applicationId, s.rank])).toEqual([
      ['a2', 1],
      ['a1', 2],
      ['a3', 3],
    ]);
    result.forEach((s) => expect(s.score).toBe(s.rawScore));
    expect(byId(result).get('a2')?.normalizedScore).toBeCloseTo(60 + sigma, DIGITS);
  });

  it('flags for moderation the applications whose spread exceeds the threshold (§5.5)', () => {
    const flagged = (threshold: number) =>
      scoreCall(input({ disagreementThreshold: threshold }))
        .applications.filter((s) => s.needsModeration)
        .map((s) => s.applicationId)
        .sort();
    expect(flagged(25)).toEqual(['a1', 'a2']);
    expect(flagged(19)).toEqual(['a1', 'a2', 'a3']);
    expect(flagged(20)).toEqual(['a1', 'a2']); // a3's spread equals 20: not above it
    expect(flagged(30)).toEqual([]);
  });

  it('reports interval alpha over the totals of each application (§5.7)', () => {
    // Units a1 [40, 70, 60], a2 [60, 90], a3 [40, 60]; n = 7.
    // D_o = (1/7)(2 · 1400/2 + 2 · 900 + 2 · 400) = 4000/7; D_e = 2 · 1800/6 = 600.
    expect(scoreCall(input()).statistics.interRaterReliability).toBeCloseTo(1 - 4000 / 7 / 600, DIGITS);
  });

  it('counts totals of unrankable applications in the statistics but ranks only the rankable', () => {
    const applications = input().applications.map((a) => (a.id === 'a2' ? { ...a, rankable: false } : a));
    const result = scoreCall(input({ applications }));
    expect(result.statistics.mean).toBeCloseTo(60, DIGITS);
    expect(result.applications.map((s) => [s.applicationId, s.rank])).toEqual([
      ['a3', 1],
      ['a1', 2],
      ['a2', null],
    ]);
  });

  it('leaves out applications without a submitted evaluation', () => {
    const applications = [...input().applications, { id: 'a4', submittedAt: SUBMITTED, rankable: true }];
    const ids = scoreCall(input({ applications })).applications.map((s) => s.applicationId);
    expect(ids).not.toContain('a4');
  });
});

describe('scoreCall: edge cases', () => {
  const base: CallScoringInput = {
    criteria: [{ code: 'QUALITY', weight: 1 }],
    scale: { scaleMin: 0, scaleMax: 10 },
    normalization: 'zscore',
    disagreementThreshold: 30,
    applications: [{ id: 'a1', submittedAt: SUBMITTED, rankable: true }],
    evaluations: [],
  };

  it('reports no statistics for a call without evaluations', () => {
    expect(scoreCall(base)).toEqual({
      applications: [],
      statistics: { evaluationCount: 0, mean: null, stdDev: null, perEvaluator: {}, interRaterReliability: null },
    });
  });

  it('normalises a single total to itself: T − μ_e + μ with μ_e = μ = T', () => {
    const [only] = scoreCall({ ...base, evaluations: [evaluation('a1', 'e1', 7)] }).applications;
    expect(only).toMatchObject({ rawScore: 70, normalizedScore: 70, spread: 0, stdDev: 0, rank: 1 });
  });

  it('scores a calibrated call by the fit over its totals: normalised score = score = calibrated score', () => {
    const applications = ['a1', 'a2', 'a3'].map((id) => ({ id, submittedAt: SUBMITTED, rankable: true }));
    const evaluations = [
      evaluation('a1', 'e1', 9),
      evaluation('a1', 'e2', 6),
      evaluation('a2', 'e1', 8),
      evaluation('a2', 'e2', 7),
      evaluation('a3', 'e2', 5),
    ];
    const scored = scoreCall({ ...base, normalization: 'calibrated', applications, evaluations });
    const fit = fitCalibration(
      evaluations.map((e) => ({
        applicationId: e.applicationId,
        evaluatorId: e.evaluatorId,
        total: 10 * e.scores[0].score,
      })),
    );
    for (const fitted of fit.applications) {
      const result = scored.applications.find((a) => a.applicationId === fitted.applicationId);
      expect(result?.score).toBeCloseTo(fitted.score, DIGITS);
      expect(result?.normalizedScore).toBe(result?.score);
      expect(result?.rawScore).toBeCloseTo(fitted.rawScore, DIGITS);
    }
    expect(scored.applications.map((a) => a.rank)).toEqual([1, 2, 3]);
  });

  it.each([
    ['an unknown application', { evaluations: [evaluation('a9', 'e1', 5)] }],
    [
      'the same evaluator twice on one application',
      { evaluations: [evaluation('a1', 'e1', 5), evaluation('a1', 'e1', 6)] },
    ],
    ['an application listed twice', { applications: [...base.applications, ...base.applications] }],
    ['an invalid submission date', { applications: [{ id: 'a1', submittedAt: new Date(Number.NaN), rankable: true }] }],
  ])('refuses %s', (_case, overrides: Partial<CallScoringInput>) => {
    expect(() => scoreCall({ ...base, ...overrides })).toThrow(InvalidScoringInputError);
  });
});

describe('zScoreParts and normalizedFromParts (§5.3)', () => {
  const moments = { mean: 60, stdDev: 20 };

  it('rescales an evaluator’s totals to the call’s mean and spread', () => {
    const parts = zScoreParts(70, { mean: 50, stdDev: 10, count: 4 });
    expect(parts).toEqual({ standardized: 2, centred: null });
    expect(normalizedFromParts(moments, [parts])).toBe(100);
  });

  it('shifts by the means when σ_e = 0', () => {
    const parts = zScoreParts(70, { mean: 70, stdDev: 0, count: 3 });
    expect(parts).toEqual({ standardized: null, centred: 0 });
    expect(normalizedFromParts(moments, [parts])).toBe(60);
  });

  it('shifts by the means when the evaluator has fewer than 2 evaluations, whatever σ_e says', () => {
    expect(normalizedFromParts(moments, [zScoreParts(70, { mean: 50, stdDev: 10, count: 1 })])).toBe(80);
  });

  it('treats a σ_e made only of rounding noise as 0 rather than dividing by it', () => {
    const parts = zScoreParts(7.000000000000001, { mean: 7, stdDev: 1e-15, count: 2 });
    expect(parts.standardized).toBeNull();
    expect(normalizedFromParts(moments, [parts])).toBeCloseTo(60, DIGITS);
  });

  it('averages the T’ of both kinds: (100 + 80) / 2', () => {
    const rescaled = zScoreParts(70, { mean: 50, stdDev: 10, count: 4 });
    const shifted = zScoreParts(70, { mean: 50, stdDev: 10, count: 1 });
    expect(normalizedFromParts(moments, [rescaled, shifted])).toBe(90);
  });
});

function evaluation(applicationId: string, evaluatorId: string, score: number): SubmittedEvaluation {
  return { applicationId, evaluatorId, scores: [{ criterionCode: 'QUALITY', score }] };
}
