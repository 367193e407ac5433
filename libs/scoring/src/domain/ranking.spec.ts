import { compareScoresDescending, exceedsThreshold, rankApplications } from './ranking';
import { ApplicationScore, ApplicationToScore, CallScoringInput, evaluatorTotal, scoreCall } from './scoring';

type Unranked = Omit<ApplicationScore, 'rank'>;

const EARLY = new Date('2030-03-01T09:00:00Z');
const LATE = new Date('2030-03-01T10:00:00Z');

function figures(applicationId: string, score: number, rawScore = score): Unranked {
  return {
    applicationId,
    rawScore,
    normalizedScore: score,
    score,
    evaluationCount: 1,
    spread: 0,
    stdDev: 0,
    needsModeration: false,
  };
}

function ranked(scores: Unranked[], applications: ApplicationToScore[]): Array<[string, number | null]> {
  const byId = new Map(applications.map((a) => [a.id, a]));
  return rankApplications(scores, byId).map((s) => [s.applicationId, s.rank]);
}

const submitted = (id: string, submittedAt = EARLY, rankable = true): ApplicationToScore => ({
  id,
  submittedAt,
  rankable,
});

describe('rankApplications (§5.6)', () => {
  it('ranks by score descending first', () => {
    const scores = [figures('a', 60), figures('b', 80), figures('c', 70)];
    expect(
      ranked(
        scores,
        ['a', 'b', 'c'].map((id) => submitted(id)),
      ),
    ).toEqual([
      ['b', 1],
      ['c', 2],
      ['a', 3],
    ]);
  });

  it('breaks a tie on score by raw score descending', () => {
    const scores = [figures('a', 70, 65), figures('b', 70, 72)];
    expect(ranked(scores, [submitted('a'), submitted('b')])).toEqual([
      ['b', 1],
      ['a', 2],
    ]);
  });

  it('then by earlier submission', () => {
    const scores = [figures('a', 70), figures('b', 70)];
    expect(ranked(scores, [submitted('a', LATE), submitted('b', EARLY)])).toEqual([
      ['b', 1],
      ['a', 2],
    ]);
  });

  it('then by id in plain string order, not locale order', () => {
    // Code-unit order puts "B" before "a" and "10" before "9"; a locale collation would not.
    const ids = ['a', 'B', '9', '10'];
    const scores = ids.map((id) => figures(id, 70));
    expect(
      ranked(
        scores,
        ids.map((id) => submitted(id)),
      ),
    ).toEqual([
      ['10', 1],
      ['9', 2],
      ['B', 3],
      ['a', 4],
    ]);
  });

  it('numbers the rankable 1..n without gaps and gives the others no rank', () => {
    const scores = [figures('a', 90), figures('b', 80), figures('c', 70), figures('d', 60)];
    const applications = [submitted('a', EARLY, false), submitted('b'), submitted('c', EARLY, false), submitted('d')];
    expect(ranked(scores, applications)).toEqual([
      ['b', 1],
      ['d', 2],
      ['a', null],
      ['c', null],
    ]);
  });

  it('treats scores equal up to rounding noise as tied', () => {
    expect(compareScoresDescending(7.000000000000001, 6.999999999999999)).toBe(0);
    expect(compareScoresDescending(7, 7.00001)).toBeGreaterThan(0);
  });
});

describe('exceedsThreshold (§5.5)', () => {
  it('flags a spread above the threshold only', () => {
    expect(exceedsThreshold(30.5, 30)).toBe(true);
    expect(exceedsThreshold(30, 30)).toBe(false);
    expect(exceedsThreshold(29.5, 30)).toBe(false);
  });

  it('does not flag a spread that equals the threshold but for rounding noise', () => {
    expect(exceedsThreshold(30.000000000000004, 30)).toBe(false);
    expect(exceedsThreshold(30.000001, 30)).toBe(true);
  });
});

/**
 * Weights 0.1/0.2/0.7 on a 0–10 scale make T = a + 2b + 7c in exact arithmetic, but binary
 * floating point rounds 0.1 and 0.7, so equal totals can come out a few ulps apart.
 */
describe('scoreCall with totals that differ only by rounding', () => {
  const criteria = [
    { code: 'A', weight: 0.1 },
    { code: 'B', weight: 0.2 },
    { code: 'C', weight: 0.7 },
  ];
  const scale = { scaleMin: 0, scaleMax: 10 };
  const scores = ([a, b, c]: number[]) => [
    { criterionCode: 'A', score: a },
    { criterionCode: 'B', score: b },
    { criterionCode: 'C', score: c },
  ];
  const sevenLow = [0, 0, 1]; // T = 7, computed a little under
  const sevenHigh = [1, 3, 0]; // T = 7, computed a little over
  const thirty = [0, 8, 2]; // T = 30, computed a little over

  const call = (evaluations: CallScoringInput['evaluations']): CallScoringInput => ({
    criteria,
    scale,
    normalization: 'none',
    disagreementThreshold: 30,
    applications: [submitted('early', EARLY), submitted('late', LATE)],
    evaluations,
  });

  it('uses inputs whose totals really are rounded apart', () => {
    const total = (vector: number[]) => evaluatorTotal(criteria, scale, scores(vector));
    expect(total(sevenLow)).toBeLessThan(7);
    expect(total(sevenHigh)).toBeGreaterThan(7);
    expect(total(thirty)).toBeGreaterThan(30);
  });

  it('ranks equal totals by submission time, not by rounding error', () => {
    const result = scoreCall(
      call([
        { applicationId: 'early', evaluatorId: 'e1', scores: scores(sevenLow) },
        { applicationId: 'late', evaluatorId: 'e1', scores: scores(sevenHigh) },
      ]),
    );
    expect(result.applications.map((s) => [s.applicationId, s.rank])).toEqual([
      ['early', 1],
      ['late', 2],
    ]);
  });

  it('does not flag a spread of exactly the threshold', () => {
    const result = scoreCall(
      call([
        { applicationId: 'early', evaluatorId: 'e1', scores: scores([0, 0, 0]) },
        { applicationId: 'early', evaluatorId: 'e2', scores: scores(thirty) },
      ]),
    );
    expect(result.applications[0].needsModeration).toBe(false);
  });

  it('takes the σ_e = 0 fallback for an evaluator whose equal totals were rounded apart', () => {
    // e1 gives 7 and 7 (σ_e = 0 in exact arithmetic); e2 gives 0 and 100 (μ_e = 50, σ_e = 50).
    // μ = 114/4 = 28.5; σ² = (21.5² + 21.5² + 28.5² + 71.5²)/4 = 1712.25.
    const result = scoreCall({
      ...call([
        { applicationId: 'early', evaluatorId: 'e1', scores: scores(sevenLow) },
        { applicationId: 'late', evaluatorId: 'e1', scores: scores(sevenHigh) },
        { applicationId: 'early', evaluatorId: 'e2', scores: scores([0, 0, 0]) },
        { applicationId: 'late', evaluatorId: 'e2', scores: scores([10, 10, 10]) },
      ]),
      normalization: 'zscore',
    });
    const sigma = Math.sqrt(1712.25);
    const normalized = new Map(result.applications.map((s) => [s.applicationId, s.normalizedScore]));
    // e1 → T − 7 + μ = μ for both; e2 → μ ∓ σ.
    expect(normalized.get('early')).toBeCloseTo(28.5 - sigma / 2, 9);
    expect(normalized.get('late')).toBeCloseTo(28.5 + sigma / 2, 9);
  });
});
