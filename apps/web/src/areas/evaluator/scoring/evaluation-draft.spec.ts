import { describe, expect, it } from '@jest/globals';
import { ApiProblem } from '../../../api/problem';
import type { Criterion } from '../../../api/types';
import { criterionErrorsOf, draftOf, holdsUnsaveable, saveBody, type Evaluation } from './evaluation-draft';

const criterion = (code: string): Criterion => ({ code, title: code, description: '', weight: 1 });
const CRITERIA = [criterion('IMPACT'), criterion('CAPACITY'), criterion('NETWORK')];
const SCALE = { min: 1, max: 5 };

describe('what a draft sends to the API', () => {
  it('holds the valid scores in the criteria’s order, each with its trimmed comment', () => {
    const draft = {
      scores: { NETWORK: 2, IMPACT: 4 },
      comments: { IMPACT: '  Reaches rural start-ups. ', NETWORK: '' },
      overallComment: ' Solid. ',
    };
    expect(saveBody(draft, CRITERIA, SCALE)).toEqual({
      scores: [
        { criterionCode: 'IMPACT', score: 4, comment: 'Reaches rural start-ups.' },
        { criterionCode: 'NETWORK', score: 2 },
      ],
      overallComment: 'Solid.',
    });
  });

  it('leaves out a score outside the scale and an empty overall comment', () => {
    const draft = { scores: { IMPACT: 9, CAPACITY: 1 }, comments: {}, overallComment: '  ' };
    expect(saveBody(draft, CRITERIA, SCALE)).toEqual({ scores: [{ criterionCode: 'CAPACITY', score: 1 }] });
  });

  it('sends the confidence once the evaluator has chosen one, and reads it back', () => {
    const draft = { scores: { IMPACT: 3 }, comments: {}, overallComment: '', confidence: 'high' as const };
    const body = saveBody(draft, CRITERIA, SCALE);
    expect(body).toEqual({ scores: [{ criterionCode: 'IMPACT', score: 3 }], confidence: 'high' });
    const evaluation = { scores: body.scores, overallComment: null, confidence: 'high' } as unknown as Evaluation;
    expect(draftOf(evaluation)).toEqual({ ...draft, comments: {} });
  });

  it('knows when a comment waits for its criterion’s score, which the API cannot hold without it', () => {
    const waiting = { scores: { IMPACT: 4 }, comments: { CAPACITY: 'Small team.' }, overallComment: '' };
    expect(holdsUnsaveable(waiting, CRITERIA, SCALE)).toBe(true);
    expect(holdsUnsaveable({ ...waiting, scores: { ...waiting.scores, CAPACITY: 2 } }, CRITERIA, SCALE)).toBe(false);
  });

  it('reads the API’s evaluation back as the form shows it', () => {
    const evaluation = {
      scores: [
        { criterionCode: 'IMPACT', score: 4, comment: 'Good.' },
        { criterionCode: 'NETWORK', score: 2 },
      ],
      overallComment: null,
    } as unknown as Evaluation;
    expect(draftOf(evaluation)).toEqual({
      scores: { IMPACT: 4, NETWORK: 2 },
      comments: { IMPACT: 'Good.' },
      overallComment: '',
    });
  });
});

describe('a refused save', () => {
  it('puts its field errors, which name scores by their place in the body, on their criteria', () => {
    const body = {
      scores: [
        { criterionCode: 'IMPACT', score: 4 },
        { criterionCode: 'NETWORK', score: 2, comment: 'x'.repeat(6000) },
      ],
    };
    const problem = new ApiProblem(400, {
      code: 'VALIDATION_FAILED',
      errors: [
        { field: 'scores.1.comment', message: 'must be at most 5000 characters' },
        { field: 'overallComment', message: 'must be a string' },
      ],
    });
    expect(criterionErrorsOf(problem, body)).toEqual({ NETWORK: 'must be at most 5000 characters' });
  });
});
