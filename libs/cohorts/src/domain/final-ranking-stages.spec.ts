import { stagesOfFinalRanking } from './final-ranking';

describe('stagesOfFinalRanking', () => {
  it('is the last stage under the last-stage rule', () => {
    expect(stagesOfFinalRanking(1, { rule: 'last-stage' })).toEqual([1]);
    expect(stagesOfFinalRanking(3, { rule: 'last-stage' })).toEqual([3]);
  });

  it('is every weighted stage and the last one under the weighted rule, a stage weighing nothing left out', () => {
    expect(stagesOfFinalRanking(3, { rule: 'weighted', weights: { '2': 1, '1': 3 } })).toEqual([1, 2, 3]);
    expect(stagesOfFinalRanking(3, { rule: 'weighted', weights: { '1': 0, '3': 2 } })).toEqual([3]);
    expect(stagesOfFinalRanking(2, { rule: 'weighted', weights: { '1': 1, '2': 1 } })).toEqual([1, 2]);
  });
});
