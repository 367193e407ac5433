import { resolutionRequestOf, unknownRevisitors } from './moderation';

const EVALUATOR = '3f0c7d1e-5b7a-4c55-9a51-0b1f4f3b8e11';

describe('moderation resolutions', () => {
  it('takes each outcome with the fields that go with it', () => {
    expect(resolutionRequestOf({ outcome: 'scores_stand', note: 'Checked' })).toEqual({
      request: { outcome: 'scores_stand', note: 'Checked' },
    });
    expect(resolutionRequestOf({ outcome: 'consensus', note: 'Agreed', consensusScore: 0 })).toEqual({
      request: { outcome: 'consensus', note: 'Agreed', consensusScore: 0 },
    });
    expect(resolutionRequestOf({ outcome: 'revisit', note: 'Look again', evaluatorIds: [EVALUATOR] })).toEqual({
      request: { outcome: 'revisit', note: 'Look again', evaluatorIds: [EVALUATOR] },
    });
  });

  it('names the field an outcome misses or does not take', () => {
    const fields = (input: Parameters<typeof resolutionRequestOf>[0]) => {
      const result = resolutionRequestOf(input);
      return 'errors' in result ? result.errors.map((e) => e.field) : [];
    };
    expect(fields({ outcome: 'consensus', note: 'x' })).toEqual(['consensusScore']);
    expect(fields({ outcome: 'revisit', note: 'x', evaluatorIds: [] })).toEqual(['evaluatorIds']);
    expect(fields({ outcome: 'scores_stand', note: 'x', consensusScore: 50, evaluatorIds: [EVALUATOR] })).toEqual([
      'consensusScore',
      'evaluatorIds',
    ]);
  });

  it('finds the named evaluators without a submitted evaluation', () => {
    expect(unknownRevisitors(['a', 'b', 'c'], new Set(['b']))).toEqual(['a', 'c']);
  });
});
