import { describe, expect, it } from '@jest/globals';
import type { Calibration, RankingItem } from '../types';
import { componentNumber, formatBias, intervalsStatus } from './calibration';

/** A ranking entry with only what the status is read from. */
function entry(uncertainty: { stale: boolean } | null): RankingItem {
  return {
    uncertainty: uncertainty && {
      probabilityInCohort: 0.5,
      rankInterval: { lower: 1, upper: 3 },
      meanRank: 2,
      ...uncertainty,
    },
  } as unknown as RankingItem;
}

function fitWith(status: Calibration['uncertainty']['status']): Calibration {
  return { uncertainty: { status } } as unknown as Calibration;
}

describe('formatBias', () => {
  it('signs a bias in points to one decimal, in the reader’s language', () => {
    expect(formatBias(2.44, 'en')).toBe('+2.4');
    expect(formatBias(-1.06, 'en')).toBe('-1.1');
    expect(formatBias(-1.06, 'fr')).toBe('-1,1');
    expect(formatBias(0, 'en')).toBe('0.0');
  });
});

describe('componentNumber', () => {
  it('numbers the components from 1', () => {
    expect(componentNumber(0, 'en')).toBe('1');
    expect(componentNumber(1, 'fr')).toBe('2');
  });
});

describe('intervalsStatus', () => {
  it('is the fit’s own status when the page read the fit', () => {
    expect(intervalsStatus(fitWith('stale'), [entry({ stale: false })])).toBe('stale');
    expect(intervalsStatus(fitWith('current'), [])).toBe('current');
  });

  it('is read from the entries otherwise: pending without intervals, stale when one is', () => {
    expect(intervalsStatus(null, [entry(null), entry(null)])).toBe('pending');
    expect(intervalsStatus(null, [entry({ stale: false }), entry({ stale: true })])).toBe('stale');
    expect(intervalsStatus(null, [entry({ stale: false })])).toBe('current');
  });
});
