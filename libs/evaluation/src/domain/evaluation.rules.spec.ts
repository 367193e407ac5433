import fc from 'fast-check';
import type { Criterion } from '@app/calls';
import { missingScores, scoreErrors } from './evaluation.rules';

const criterion = (code: string, title = code.toUpperCase()): Criterion => ({
  code,
  title,
  description: '',
  weight: 1,
});
const CRITERIA = [criterion('impact', 'Impact'), criterion('team', 'Team'), criterion('reach', 'Reach')];
const SCALE = { scaleMin: 1, scaleMax: 5 };

describe('scoreErrors', () => {
  it('accepts a partial draft of known criteria scored within the scale', () => {
    expect(scoreErrors(CRITERIA, SCALE, [])).toEqual([]);
    expect(scoreErrors(CRITERIA, SCALE, [{ criterionCode: 'team', score: 1 }])).toEqual([]);
    expect(
      scoreErrors(CRITERIA, SCALE, [
        { criterionCode: 'impact', score: 5, comment: 'strong' },
        { criterionCode: 'team', score: 3 },
        { criterionCode: 'reach', score: 1 },
      ]),
    ).toEqual([]);
  });

  it('refuses a criterion the call does not have', () => {
    expect(scoreErrors(CRITERIA, SCALE, [{ criterionCode: 'luck', score: 3 }])).toEqual([
      { field: 'scores.0.criterionCode', message: 'the call has no criterion "luck"', code: 'UNKNOWN_CRITERION' },
    ]);
  });

  it('refuses a criterion scored twice, at its second entry', () => {
    expect(
      scoreErrors(CRITERIA, SCALE, [
        { criterionCode: 'team', score: 3 },
        { criterionCode: 'impact', score: 3 },
        { criterionCode: 'team', score: 4 },
      ]),
    ).toEqual([{ field: 'scores.2.criterionCode', message: '"team" is scored twice', code: 'SCORED_TWICE' }]);
  });

  it.each([0, 6, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses the score %p on a 1–5 scale', (score) => {
    expect(scoreErrors(CRITERIA, SCALE, [{ criterionCode: 'impact', score }])).toEqual([
      {
        field: 'scores.0.score',
        message: 'must be an integer from 1 to 5',
        code: 'OUT_OF_SCALE',
        params: { min: 1, max: 5 },
      },
    ]);
  });

  it('reports every problem of every entry, in order', () => {
    expect(
      scoreErrors(CRITERIA, { scaleMin: 0, scaleMax: 10 }, [
        { criterionCode: 'luck', score: 11 },
        { criterionCode: 'reach', score: 10 },
        { criterionCode: 'reach', score: 0.5 },
      ]),
    ).toEqual([
      { field: 'scores.0.criterionCode', message: 'the call has no criterion "luck"', code: 'UNKNOWN_CRITERION' },
      {
        field: 'scores.0.score',
        message: 'must be an integer from 0 to 10',
        code: 'OUT_OF_SCALE',
        params: { min: 0, max: 10 },
      },
      { field: 'scores.2.criterionCode', message: '"reach" is scored twice', code: 'SCORED_TWICE' },
      {
        field: 'scores.2.score',
        message: 'must be an integer from 0 to 10',
        code: 'OUT_OF_SCALE',
        params: { min: 0, max: 10 },
      },
    ]);
  });

  it('accepts exactly the integers of the scale', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 5 }), fc.integer({ min: 0, max: 5 }), fc.double(), (min, span, score) => {
        const scale = { scaleMin: min, scaleMax: min + span };
        const errors = scoreErrors(CRITERIA, scale, [{ criterionCode: 'team', score }]);
        const valid = Number.isInteger(score) && score >= scale.scaleMin && score <= scale.scaleMax;
        expect(errors).toHaveLength(valid ? 0 : 1);
        for (let s = scale.scaleMin; s <= scale.scaleMax; s++) {
          expect(scoreErrors(CRITERIA, scale, [{ criterionCode: 'team', score: s }])).toEqual([]);
        }
      }),
    );
  });
});

describe('missingScores', () => {
  it('lists the unscored criteria in the call order, by title', () => {
    expect(missingScores(CRITERIA, [{ criterionCode: 'team' }])).toEqual([
      {
        field: 'scores.impact',
        message: '"Impact" is not scored',
        code: 'SCORE_REQUIRED',
        params: { criterion: 'Impact' },
      },
      {
        field: 'scores.reach',
        message: '"Reach" is not scored',
        code: 'SCORE_REQUIRED',
        params: { criterion: 'Reach' },
      },
    ]);
  });

  it('is empty once every criterion is scored, whatever else is there', () => {
    const scores = ['reach', 'luck', 'impact', 'team', 'team'].map((criterionCode) => ({ criterionCode }));
    expect(missingScores(CRITERIA, scores)).toEqual([]);
    expect(missingScores([], [])).toEqual([]);
  });

  it('names exactly the criteria not among the scores', () => {
    const codes = ['a', 'b', 'c', 'd', 'e'];
    fc.assert(
      fc.property(fc.subarray(codes), fc.subarray(codes), (defined, scored) => {
        const missing = missingScores(
          defined.map((c) => criterion(c)),
          scored.map((criterionCode) => ({ criterionCode })),
        );
        expect(missing.map((m) => m.field)).toEqual(
          defined.filter((c) => !scored.includes(c)).map((c) => `scores.${c}`),
        );
      }),
    );
  });
});
