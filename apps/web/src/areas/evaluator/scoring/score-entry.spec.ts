import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { readScore, scoreText } from './score-entry';

const SCALE = { min: 0, max: 10 };

describe('a score field’s text', () => {
  it('is a score when it is a whole number of the scale, spaces aside', () => {
    expect(['0', ' 7 ', '10', '7.0', '7,0', '+3'].map((text) => readScore(text, SCALE))).toEqual(
      [0, 7, 10, 7, 7, 3].map((score) => ({ kind: 'score', score })),
    );
  });

  it('is empty when nothing is typed', () => {
    expect(readScore('   ', SCALE)).toEqual({ kind: 'empty' });
  });

  it('is refused, not rounded, when it has a fraction', () => {
    for (const text of ['7.5', '7,5', '.5', '9.99'])
      expect(readScore(text, SCALE)).toEqual({ kind: 'invalid', reason: 'notWhole' });
  });

  it('is refused, not cut, when it lies outside the scale', () => {
    for (const text of ['11', '-1', '100', '99999999999999999999'])
      expect(readScore(text, SCALE)).toEqual({ kind: 'invalid', reason: 'outOfScale' });
  });

  it('is refused when it is no number at all', () => {
    for (const text of ['seven', '7a', '1e1', '7.5.1', '--3', '0x7'])
      expect(readScore(text, SCALE)).toEqual({ kind: 'invalid', reason: 'notANumber' });
  });

  it('reads back every score of any scale as itself, and nothing outside it as a score', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -50, max: 50 }),
        fc.nat(20),
        fc.integer({ min: -100, max: 100 }),
        (min, span, n) => {
          const scale = { min, max: min + span };
          const entry = readScore(scoreText(n), scale);
          if (n >= scale.min && n <= scale.max) expect(entry).toEqual({ kind: 'score', score: n });
          else expect(entry).toEqual({ kind: 'invalid', reason: 'outOfScale' });
        },
      ),
    );
  });
});
