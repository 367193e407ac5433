import fc from 'fast-check';
import { DomainError } from '@app/platform/errors';
import type { ApplicationForSelection, Region } from './selection.types';
import { ShortlistEntry, ShortlistRule, amendShortlist, proposeShortlist } from './shortlist';
import { REGION_OF, app } from './testing/applications';

const CONTEXT = { evaluatorsPerApplication: 3, minPerRegion: {} };
const advancing = (entries: ShortlistEntry[]) => entries.filter((e) => e.advancing).map((e) => e.applicationId);
const reasons = (entries: ShortlistEntry[]) => Object.fromEntries(entries.map((e) => [e.applicationId, e.reason]));

describe('proposeShortlist', () => {
  const ranking = [app('a', 1, 'FR'), app('b', 2, 'DE'), app('c', 3, 'IT'), app('d', 4, 'KE'), app('e', 5, 'JP')];

  it('advances the best-ranked `size` candidates and says why each other stays', () => {
    const entries = proposeShortlist(ranking, { size: 3, keepRegionalMinimums: false }, CONTEXT);
    expect(advancing(entries)).toEqual(['a', 'b', 'c']);
    expect(reasons(entries)).toEqual({
      a: 'WITHIN_SIZE',
      b: 'WITHIN_SIZE',
      c: 'WITHIN_SIZE',
      d: 'COHORT_FULL',
      e: 'COHORT_FULL',
    });
  });

  it('keeps the regional minimums feasible by reserving seats, displacing the last of the others', () => {
    const entries = proposeShortlist(
      ranking,
      { size: 3, keepRegionalMinimums: true },
      { ...CONTEXT, minPerRegion: { AFR: 1, ASP: 1 } },
    );
    expect(advancing(entries)).toEqual(['a', 'd', 'e']);
    expect(reasons(entries)).toMatchObject({
      a: 'WITHIN_SIZE',
      b: 'SEAT_RESERVED_FOR_REGION',
      c: 'SEAT_RESERVED_FOR_REGION',
      d: 'KEEPS_REGIONAL_MINIMUM',
      e: 'KEEPS_REGIONAL_MINIMUM',
    });
  });

  it('advances every candidate meeting a minimum score, at the scoring resolution', () => {
    const scored = [
      app('a', 1, 'FR', { score: 80 }),
      app('b', 2, 'KE', { score: 70 - 1e-12 }),
      app('c', 3, 'JP', { score: 60 }),
    ];
    const entries = proposeShortlist(scored, { minScore: 70, keepRegionalMinimums: false }, CONTEXT);
    expect(advancing(entries)).toEqual(['a', 'b']);
    expect(reasons(entries)).toEqual({ a: 'MEETS_MIN_SCORE', b: 'MEETS_MIN_SCORE', c: 'BELOW_MIN_SCORE' });
  });

  it('with a minimum score, advances a short region its best candidates below the score', () => {
    const scored = [
      app('a', 1, 'FR', { score: 80 }),
      app('b', 2, 'KE', { score: 50 }),
      app('c', 3, 'NG', { score: 40 }),
    ];
    const entries = proposeShortlist(
      scored,
      { minScore: 70, keepRegionalMinimums: true },
      { ...CONTEXT, minPerRegion: { AFR: 1 } },
    );
    expect(advancing(entries)).toEqual(['a', 'b']);
    expect(reasons(entries)).toEqual({ a: 'MEETS_MIN_SCORE', b: 'KEEPS_REGIONAL_MINIMUM', c: 'BELOW_MIN_SCORE' });
  });

  it('never advances the withdrawn, the ineligible or those not fully evaluated in the stage', () => {
    const entries = proposeShortlist(
      [
        app('a', 1, 'FR', { status: 'withdrawn' }),
        app('b', 2, 'DE', { eligible: false }),
        app('c', 3, 'IT', { evaluationCount: 2 }),
        app('d', null, 'KE'),
        app('e', 4, 'JP'),
      ],
      { size: 5, keepRegionalMinimums: false },
      CONTEXT,
    );
    expect(advancing(entries)).toEqual(['e']);
    expect(reasons(entries)).toEqual({
      a: 'WITHDRAWN',
      b: 'INELIGIBLE',
      c: 'NOT_FULLY_EVALUATED',
      d: 'NOT_FULLY_EVALUATED',
      e: 'WITHIN_SIZE',
    });
  });

  it('needs a size or a minimum score', () => {
    expect(() => proposeShortlist(ranking, { keepRegionalMinimums: false }, CONTEXT)).toThrow(DomainError);
  });
});

describe('amendShortlist', () => {
  const proposed = proposeShortlist(
    [app('a', 1, 'FR'), app('b', 2, 'DE'), app('c', 3, 'KE'), app('d', null, 'JP')],
    { size: 2, keepRegionalMinimums: false },
    CONTEXT,
  );

  it('advances and holds back with the written reason on each entry changed', () => {
    const amended = amendShortlist(proposed, { advance: ['c'], holdBack: ['b'], note: 'Interview panel asked.' });
    expect(advancing(amended)).toEqual(['a', 'c']);
    expect(amended.find((e) => e.applicationId === 'c')).toMatchObject({
      reason: 'ADVANCED_BY_SECRETARIAT',
      note: 'Interview panel asked.',
    });
    expect(amended.find((e) => e.applicationId === 'b')).toMatchObject({
      reason: 'HELD_BACK_BY_SECRETARIAT',
      note: 'Interview panel asked.',
    });
    expect(amended.find((e) => e.applicationId === 'a')).toEqual(proposed[0]);
  });

  it('refuses an unranked application, one not in the shortlist, or one named twice', () => {
    expect(() => amendShortlist(proposed, { advance: ['d'], holdBack: [], note: 'x' })).toThrow(DomainError);
    expect(() => amendShortlist(proposed, { advance: ['zz'], holdBack: [], note: 'x' })).toThrow(DomainError);
    expect(() => amendShortlist(proposed, { advance: ['c'], holdBack: ['c'], note: 'x' })).toThrow(DomainError);
  });
});

describe('proposeShortlist, properties', () => {
  const countries = Object.keys(REGION_OF);
  const applications = fc
    .array(
      fc.record({
        country: fc.constantFrom(...countries),
        score: fc.integer({ min: 0, max: 100 }),
        candidate: fc.boolean(),
      }),
      { maxLength: 30 },
    )
    .map((rows): ApplicationForSelection[] =>
      [...rows]
        .sort((x, y) => y.score - x.score)
        .map((row, i) =>
          app(`app-${String(i).padStart(3, '0')}`, i + 1, row.country, {
            score: row.score,
            evaluationCount: row.candidate ? 3 : 1,
          }),
        ),
    );
  const minimums = fc.record({ AFR: fc.nat(3), ASP: fc.nat(2), EUR: fc.nat(2) }, { requiredKeys: [] });
  const rule: fc.Arbitrary<ShortlistRule> = fc
    .record({
      size: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
      minScore: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
      keepRegionalMinimums: fc.boolean(),
    })
    .filter((r) => r.size !== undefined || r.minScore !== undefined);
  const candidatesOf = (apps: ApplicationForSelection[]) => apps.filter((a) => a.evaluationCount >= 3);

  it('gives every application exactly one entry, and advances only candidates of the stage', () => {
    fc.assert(
      fc.property(applications, rule, minimums, (apps, r, minPerRegion) => {
        const entries = proposeShortlist(apps, r, { ...CONTEXT, minPerRegion });
        expect(entries.map((e) => e.applicationId).sort()).toEqual(apps.map((a) => a.applicationId).sort());
        const candidates = new Set(candidatesOf(apps).map((a) => a.applicationId));
        expect(advancing(entries).every((id) => candidates.has(id))).toBe(true);
      }),
    );
  });

  it('without regional minimums: the `size` best candidates meeting the score, nothing else', () => {
    fc.assert(
      fc.property(applications, rule, (apps, r) => {
        const entries = proposeShortlist(apps, { ...r, keepRegionalMinimums: false }, CONTEXT);
        const expected = candidatesOf(apps)
          .filter((a) => r.minScore === undefined || (a.score ?? 0) >= r.minScore)
          .slice(0, r.size ?? apps.length)
          .map((a) => a.applicationId);
        expect(advancing(entries)).toEqual(expected);
      }),
    );
  });

  it('keeping regional minimums, each region advances its minimum or every candidate it has', () => {
    fc.assert(
      fc.property(applications, fc.integer({ min: 0, max: 100 }), minimums, (apps, minScore, minPerRegion) => {
        const entries = proposeShortlist(apps, { minScore, keepRegionalMinimums: true }, { ...CONTEXT, minPerRegion });
        for (const [region, minimum] of Object.entries(minPerRegion) as Array<[Region, number]>) {
          const available = candidatesOf(apps).filter((a) => a.region === region).length;
          const advanced = entries.filter((e) => e.advancing && e.region === region).length;
          expect(advanced).toBeGreaterThanOrEqual(Math.min(minimum, available));
        }
      }),
    );
  });

  it('with a size and regional minimums, advances at most `size`, and holds each minimum the size allows', () => {
    fc.assert(
      fc.property(applications, fc.integer({ min: 1, max: 12 }), minimums, (apps, size, minPerRegion) => {
        const entries = proposeShortlist(apps, { size, keepRegionalMinimums: true }, { ...CONTEXT, minPerRegion });
        const advanced = entries.filter((e) => e.advancing);
        expect(advanced.length).toBe(Math.min(size, candidatesOf(apps).length));
        const needed = (Object.entries(minPerRegion) as Array<[Region, number]>).reduce(
          (sum, [region, minimum]) =>
            sum + Math.min(minimum, candidatesOf(apps).filter((a) => a.region === region).length),
          0,
        );
        if (needed <= size) {
          for (const [region, minimum] of Object.entries(minPerRegion) as Array<[Region, number]>) {
            const available = candidatesOf(apps).filter((a) => a.region === region).length;
            expect(advanced.filter((e) => e.region === region).length).toBeGreaterThanOrEqual(
              Math.min(minimum, available),
            );
          }
        }
      }),
    );
  });
});
