import fc from 'fast-check';
import { AFFINITY_WEIGHTS, ExpertiseProfile, affinityTable, normaliseKeyword, tokenize } from './affinity';

const profile = (id: string, text: string, keywords: string[] = []): ExpertiseProfile => ({ id, text, keywords });

/** Texts from a small vocabulary, so that overlaps are frequent; words of the stop list included. */
const word = fc.constantFrom('solar', 'énergie', 'health', 'santé', 'agri', 'fintech', 'ai', 'the', 'de', 'water');
const text = fc.array(word, { maxLength: 8 }).map((words) => words.join(' '));
const keywords = fc.subarray(['AI', 'Health', 'Énergie', 'agriculture', 'Fin-tech']);
const profiles = (prefix: string) =>
  fc
    .array(fc.record({ text, keywords }), { minLength: 1, maxLength: 5 })
    .map((list) => list.map((p, i) => profile(`${prefix}${i}`, p.text, p.keywords)));

describe('tokenize and normaliseKeyword', () => {
  it('lower-cases, removes accents and punctuation, and drops stop words and single letters', () => {
    expect(tokenize("L'Économie numérique, c'est l'avenir: AI & 5G for the Sahel!")).toEqual([
      'economie',
      'numerique',
      'avenir',
      'ai',
      '5g',
      'sahel',
    ]);
    expect(tokenize('Les données de santé et la télémédecine')).toEqual(['donnees', 'sante', 'telemedecine']);
  });

  it('keeps letters of any script', () => {
    expect(tokenize('Ενέργεια — 能源 — энергия')).toEqual(['ενεργεια', '能源', 'энергия']);
  });

  it('compares keywords without case, accents or punctuation', () => {
    expect(normaliseKeyword('  Énergie  Solaire ')).toBe('energie solaire');
    expect(normaliseKeyword('Fin-Tech')).toBe(normaliseKeyword('fin tech'));
  });
});

describe('affinityTable — examples', () => {
  it('gives keywords the cosine of the sets: |E ∩ A| / √(|E|·|A|)', () => {
    const table = affinityTable(
      [profile('broad', '', ['ai', 'health', 'energy', 'agri']), profile('narrow', '', ['ai'])],
      [profile('a', '', ['AI', 'Health'])],
    );
    expect(table.keywordSimilarity('a', 'broad')).toBeCloseTo(2 / Math.sqrt(8), 12);
    expect(table.keywordSimilarity('a', 'narrow')).toBeCloseTo(1 / Math.sqrt(2), 12);
    // No text on either side: the keyword part carries the whole weight.
    expect(table.of('a', 'narrow')).toBeCloseTo(1 / Math.sqrt(2), 12);
  });

  it('weighs keywords 0.6 and text 0.4 when both sides define both', () => {
    const table = affinityTable(
      [profile('e', 'solar irrigation pumps', ['energy'])],
      [profile('a', 'solar irrigation pumps', ['health']), profile('b', 'mobile money', ['energy'])],
    );
    expect(table.of('a', 'e')).toBeCloseTo(AFFINITY_WEIGHTS.text, 12);
    expect(table.of('b', 'e')).toBeCloseTo(AFFINITY_WEIGHTS.keywords, 12);
  });

  it('answers 0 for an id without a profile', () => {
    const table = affinityTable([profile('e', 'solar')], [profile('a', 'solar')]);
    expect(table.of('a', 'stranger')).toBe(0);
    expect(table.of('nobody', 'e')).toBe(0);
  });

  it('refuses two profiles with one id', () => {
    expect(() => affinityTable([profile('e', 'x'), profile('e', 'y')], [])).toThrow(RangeError);
  });
});

describe('affinityTable — properties', () => {
  it('is in [0, 1], and each part too', () => {
    fc.assert(
      fc.property(profiles('e'), profiles('a'), (evaluators, applications) => {
        const table = affinityTable(evaluators, applications);
        for (const e of evaluators)
          for (const a of applications)
            for (const value of [
              table.of(a.id, e.id),
              table.textSimilarity(a.id, e.id),
              table.keywordSimilarity(a.id, e.id),
            ]) {
              expect(value).toBeGreaterThanOrEqual(0);
              expect(value).toBeLessThanOrEqual(1);
            }
      }),
      { seed: 20_260_430, numRuns: 100 },
    );
  });

  it('gives identical texts a TF-IDF cosine of 1, and texts without a common word 0', () => {
    fc.assert(
      fc.property(profiles('e'), text, (others, shared) => {
        const table = affinityTable([...others, profile('twin', shared)], [profile('a', shared)]);
        expect(table.textSimilarity('a', 'twin')).toBeCloseTo(tokenize(shared).length > 0 ? 1 : 0, 12);
        const mine = new Set(tokenize(shared));
        for (const e of others)
          if (!tokenize(e.text).some((w) => mine.has(w))) expect(table.textSimilarity('a', e.id)).toBe(0);
      }),
      { seed: 20_260_431, numRuns: 100 },
    );
  });

  it('is symmetric: swapping the evaluator’s and the application’s profiles changes nothing', () => {
    fc.assert(
      fc.property(fc.record({ text, keywords }), fc.record({ text, keywords }), profiles('x'), (p, r, rest) => {
        const forward = affinityTable([profile('e', p.text, p.keywords), ...rest], [profile('a', r.text, r.keywords)]);
        const backward = affinityTable([profile('e', r.text, r.keywords), ...rest], [profile('a', p.text, p.keywords)]);
        expect(backward.of('a', 'e')).toBeCloseTo(forward.of('a', 'e'), 12);
      }),
      { seed: 20_260_432, numRuns: 100 },
    );
  });

  it('does not depend on the order of the profiles', () => {
    fc.assert(
      fc.property(profiles('e'), profiles('a'), (evaluators, applications) => {
        const table = affinityTable(evaluators, applications);
        const reversed = affinityTable([...evaluators].reverse(), [...applications].reverse());
        for (const e of evaluators)
          for (const a of applications) expect(reversed.of(a.id, e.id)).toBe(table.of(a.id, e.id));
      }),
      { seed: 20_260_433, numRuns: 100 },
    );
  });
});
