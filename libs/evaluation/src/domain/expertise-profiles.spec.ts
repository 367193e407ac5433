import fc from 'fast-check';
import { applicationTopic, declaredKeywords } from './expertise-profiles';

const SOURCE = {
  keywords: ['FinTech', 'Agri tech', 'Health'],
  topicQuestionKey: null,
  textQuestionKeys: ['summary', 'sector'],
};

describe('applicationTopic', () => {
  it('reads every text answer in the call’s order when no topic question is set, and finds the keywords it says', () => {
    const topic = applicationTopic('a', { sector: 'agri-tech', summary: 'Fintech for farmers', staff: 12 }, SOURCE);
    expect(topic).toEqual({ id: 'a', text: 'Fintech for farmers\nagri-tech', keywords: ['FinTech', 'Agri tech'] });
  });

  it('reads only the topic question when one is set', () => {
    const topic = applicationTopic(
      'a',
      { sector: 'Health', summary: 'Fintech for farmers' },
      { ...SOURCE, topicQuestionKey: 'sector' },
    );
    expect(topic).toEqual({ id: 'a', text: 'Health', keywords: ['Health'] });
  });

  it('matches whole words only', () => {
    expect(applicationTopic('a', { summary: 'Healthy fintechs' }, SOURCE).keywords).toEqual([]);
  });

  it('finds a keyword wherever the text says it, whatever surrounds it', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.constantFrom(...SOURCE.keywords), (before, after, keyword) => {
        const summary = `${before} ${keyword.toUpperCase()}, ${after}`;
        expect(applicationTopic('a', { summary }, SOURCE).keywords).toContain(keyword);
      }),
    );
  });
});

describe('declaredKeywords', () => {
  it('answers the call’s spelling once per keyword and the positions of unknown ones', () => {
    expect(declaredKeywords(['fintech', 'AGRI  TECH', 'Fintech', 'blockchain'], SOURCE.keywords)).toEqual({
      keywords: ['FinTech', 'Agri tech'],
      unknown: [3],
    });
  });

  it('accepts any subset of the call’s list as it is', () => {
    fc.assert(
      fc.property(fc.subarray(SOURCE.keywords), (chosen) => {
        expect(declaredKeywords(chosen, SOURCE.keywords)).toEqual({ keywords: chosen, unknown: [] });
      }),
    );
  });
});
