import { describe, expect, it } from '@jest/globals';
import type { Criterion } from '../../../api/types';
import { criterionMaximum, criterionPoints, evaluationTotal, isValidScore, weightShare } from './total';

const criterion = (code: string, weight: number): Criterion => ({ code, title: code, description: '', weight });
/** Weights that do not add up to 1, on a scale that does not start at 0, so that both matter. */
const CRITERIA = [criterion('IMPACT', 5), criterion('CAPACITY', 3), criterion('NETWORK', 2)];
const SCALE = { min: 1, max: 5 };
const everyCriterion = (score: number) => ({ IMPACT: score, CAPACITY: score, NETWORK: score });

describe('the evaluator’s total (DESIGN §5.1)', () => {
  it('gives each criterion its weight’s share of 100 points', () => {
    expect(CRITERIA.map((c) => weightShare(c, CRITERIA))).toEqual([0.5, 0.3, 0.2]);
    expect(CRITERIA.map((c) => criterionMaximum(c, CRITERIA))).toEqual([50, 30, 20]);
  });

  it('adds a score’s place within the scale times that share', () => {
    const impact = CRITERIA[0];
    expect(criterionPoints(impact, 1, CRITERIA, SCALE)).toBe(0);
    expect(criterionPoints(impact, 4, CRITERIA, SCALE)).toBe(37.5);
    expect(criterionPoints(impact, 5, CRITERIA, SCALE)).toBe(50);
  });

  it('is T = 100 · Σ w·(s − min)/(max − min) / Σ w once every criterion is scored', () => {
    const total = evaluationTotal(CRITERIA, { IMPACT: 4, CAPACITY: 3, NETWORK: 2 }, SCALE);
    // 100 · (5·3/4 + 3·2/4 + 2·1/4) / 10
    expect(total).toEqual({ points: 57.5, scored: 3, complete: true });
  });

  it('counts only the criteria scored so far while the form fills', () => {
    expect(evaluationTotal(CRITERIA, { IMPACT: 4, CAPACITY: 3 }, SCALE)).toEqual({
      points: 52.5,
      scored: 2,
      complete: false,
    });
    expect(evaluationTotal(CRITERIA, {}, SCALE)).toEqual({ points: 0, scored: 0, complete: false });
  });

  it('ranges from 0 at the bottom of the scale to 100 at its top', () => {
    expect(evaluationTotal(CRITERIA, everyCriterion(1), SCALE).points).toBe(0);
    expect(evaluationTotal(CRITERIA, everyCriterion(5), SCALE).points).toBe(100);
  });

  it('gives nothing rather than dividing by zero for a call without weights or range', () => {
    const weightless = [criterion('A', 0)];
    expect(criterionMaximum(weightless[0], weightless)).toBe(0);
    expect(evaluationTotal(CRITERIA, everyCriterion(3), { min: 3, max: 3 }).points).toBe(0);
  });
});

describe('a score the API accepts', () => {
  it('is a whole number within the scale', () => {
    expect([1, 3, 5].map((s) => isValidScore(s, SCALE))).toEqual([true, true, true]);
    expect([0, 6, 2.5, Number.NaN].map((s) => isValidScore(s, SCALE))).toEqual([false, false, false, false]);
  });
});
