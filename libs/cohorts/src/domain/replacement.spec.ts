import fc from 'fast-check';
import { proposeReplacement, type ReplacementCandidate, type Seat } from './replacement';
import { bestCompletion } from './testing/replacement-brute-force';
import type { Region } from './selection.types';

const GEOGRAPHY: Array<{ countryCode: string; region: Region }> = [
  { countryCode: 'KE', region: 'AFR' },
  { countryCode: 'SN', region: 'AFR' },
  { countryCode: 'BR', region: 'AMS' },
  { countryCode: 'FR', region: 'EUR' },
  { countryCode: 'DE', region: 'EUR' },
];
const seat = fc.constantFrom(...GEOGRAPHY);
const cap = fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined });

const scenario = fc.record({
  held: fc.array(seat, { maxLength: 4 }),
  candidates: fc.array(seat, { maxLength: 7 }),
  size: fc.integer({ min: 1, max: 6 }),
  maxPerCountry: cap,
  maxPerRegion: fc.record({ AFR: cap, EUR: cap }),
  minPerRegion: fc.record({ AFR: cap, AMS: cap }),
});

describe('the replacement for a freed seat', () => {
  it('is the best-ranked member of the best completion of the centres held, as brute force finds it', () => {
    fc.assert(
      fc.property(scenario, ({ held, candidates: seats, ...constraints }) => {
        const candidates = seats.map((s, i) => ({ ...s, applicationId: `c${i + 1}`, rank: i + 1 }));
        const { proposed, passedOver } = proposeReplacement(held, candidates, constraints);
        expect(proposed).toBe(bestCompletion(held, candidates, constraints));
        // Everyone ranked before the proposal is passed over with a reason, and no one after it.
        const before =
          proposed === null
            ? candidates
            : candidates.slice(
                0,
                candidates.findIndex((c) => c.applicationId === proposed),
              );
        if (constraints.size > held.length)
          expect(passedOver.map((p) => p.applicationId)).toEqual(before.map((c) => c.applicationId));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the seat for a region below its minimum, saying so of the better-ranked candidates elsewhere', () => {
    const held: Seat[] = [{ countryCode: 'FR', region: 'EUR' }];
    const candidates: ReplacementCandidate[] = [
      { applicationId: 'lyon', rank: 3, countryCode: 'FR', region: 'EUR' },
      { applicationId: 'berlin', rank: 4, countryCode: 'DE', region: 'EUR' },
      { applicationId: 'dakar', rank: 7, countryCode: 'SN', region: 'AFR' },
    ];
    expect(proposeReplacement(held, candidates, { size: 2, maxPerCountry: 1, minPerRegion: { AFR: 1 } })).toEqual({
      proposed: 'dakar',
      freeSeats: 1,
      passedOver: [
        { applicationId: 'lyon', reason: 'COUNTRY_CAP' },
        { applicationId: 'berlin', reason: 'SEAT_RESERVED_FOR_REGION' },
      ],
    });
    // With a second seat free, the minimum no longer needs this one.
    expect(proposeReplacement([], candidates, { size: 2, maxPerCountry: 1, minPerRegion: { AFR: 1 } }).proposed).toBe(
      'lyon',
    );
  });

  it('proposes no one when every seat is held', () => {
    const held: Seat[] = [{ countryCode: 'FR', region: 'EUR' }];
    const candidates = [{ applicationId: 'dakar', rank: 2, countryCode: 'SN', region: 'AFR' as Region }];
    expect(proposeReplacement(held, candidates, { size: 1 })).toEqual({ proposed: null, passedOver: [], freeSeats: 0 });
  });
});
