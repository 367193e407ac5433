import { InvalidSelectionInputError } from './cohorts.errors';
import { selectCohort } from './selection';
import { app } from './testing/applications';
import type { CohortConstraints, CohortProposal } from './selection.types';

const limits = (constraints: Partial<CohortConstraints> & { size: number }): CohortConstraints => ({
  evaluatorsPerApplication: 3,
  ...constraints,
});
const memberIds = (proposal: CohortProposal) => proposal.members.map((m) => m.applicationId);
const reasons = (proposal: CohortProposal) =>
  Object.fromEntries(proposal.excluded.map((e) => [e.applicationId, e.reason]));

describe('selectCohort — caps', () => {
  it('takes the n best-ranked candidates when nothing constrains them', () => {
    const applications = [
      app('c', 3, 'FR'),
      app('a', 1, 'DE'),
      app('e', 5, 'KE'),
      app('b', 2, 'JP'),
      app('d', 4, 'BR'),
    ];
    const proposal = selectCohort(applications, limits({ size: 3 }));
    expect(proposal.members).toEqual([
      { applicationId: 'a', rank: 1, score: 99, countryCode: 'DE', region: 'EUR' },
      { applicationId: 'b', rank: 2, score: 98, countryCode: 'JP', region: 'ASP' },
      { applicationId: 'c', rank: 3, score: 97, countryCode: 'FR', region: 'EUR' },
    ]);
    expect(proposal.excluded).toEqual([
      { applicationId: 'd', rank: 4, score: 96, reason: 'COHORT_FULL' },
      { applicationId: 'e', rank: 5, score: 95, reason: 'COHORT_FULL' },
    ]);
    expect(proposal.waitlist).toEqual([]);
    expect(proposal.unmetConstraints).toEqual([]);
  });

  it('passes over a candidate whose country already has maxPerCountry members', () => {
    const applications = [app('fr1', 1, 'FR'), app('fr2', 2, 'FR'), app('de1', 3, 'DE'), app('fr3', 4, 'FR')];
    const proposal = selectCohort(applications, limits({ size: 3, maxPerCountry: 1 }));
    expect(memberIds(proposal)).toEqual(['fr1', 'de1']);
    expect(reasons(proposal)).toEqual({ fr2: 'COUNTRY_CAP', fr3: 'COUNTRY_CAP' });
    expect(proposal.unmetConstraints).toEqual([
      { constraint: 'size', required: 3, achieved: 2, reason: 'NOT_ENOUGH_CANDIDATES' },
    ]);
  });

  it('passes over a candidate whose region already has maxPerRegion members', () => {
    const applications = [app('fr', 1, 'FR'), app('de', 2, 'DE'), app('ke', 3, 'KE'), app('it', 4, 'IT')];
    const proposal = selectCohort(applications, limits({ size: 2, maxPerRegion: { EUR: 1 } }));
    expect(memberIds(proposal)).toEqual(['fr', 'ke']);
    expect(reasons(proposal)).toEqual({ de: 'REGION_CAP', it: 'COHORT_FULL' });
  });

  it('gives the first reason that holds: cohort full, then country cap, then region cap', () => {
    const applications = [app('fr1', 1, 'FR'), app('de1', 2, 'DE'), app('fr2', 3, 'FR'), app('it1', 4, 'IT')];
    const capped = selectCohort(applications, limits({ size: 3, maxPerCountry: 1, maxPerRegion: { EUR: 2 } }));
    expect(reasons(capped)).toEqual({ fr2: 'COUNTRY_CAP', it1: 'REGION_CAP' });
    const full = selectCohort(applications, limits({ size: 2, maxPerCountry: 1, maxPerRegion: { EUR: 2 } }));
    expect(reasons(full)).toEqual({ fr2: 'COHORT_FULL', it1: 'COHORT_FULL' });
  });
});

describe('selectCohort — regional minimums', () => {
  it('reserves a seat for a region below its minimum, passing over a better-ranked candidate', () => {
    const applications = [
      app('fr', 1, 'FR'),
      app('de', 2, 'DE'),
      app('it', 3, 'IT'),
      app('ke', 4, 'KE'),
      app('ng', 5, 'NG'),
    ];
    const proposal = selectCohort(applications, limits({ size: 3, minPerRegion: { AFR: 1 } }));
    expect(memberIds(proposal)).toEqual(['fr', 'de', 'ke']);
    expect(reasons(proposal)).toEqual({ it: 'SEAT_RESERVED_FOR_REGION', ng: 'COHORT_FULL' });
    expect(proposal.unmetConstraints).toEqual([]);
  });

  it('lowers a minimum the region cannot reach, reports it and gives the seats to the next best', () => {
    const applications = [app('fr', 1, 'FR'), app('de', 2, 'DE'), app('it', 3, 'IT'), app('ke', 4, 'KE')];
    const proposal = selectCohort(applications, limits({ size: 3, minPerRegion: { AFR: 2 } }));
    expect(memberIds(proposal)).toEqual(['fr', 'de', 'ke']);
    expect(reasons(proposal)).toEqual({ it: 'SEAT_RESERVED_FOR_REGION' });
    expect(proposal.unmetConstraints).toEqual([
      { constraint: 'minPerRegion', region: 'AFR', required: 2, achieved: 1, reason: 'NOT_ENOUGH_CANDIDATES' },
    ]);
  });

  it('counts the caps in what a region can reach: three Kenyan candidates fill one seat under maxPerCountry 1', () => {
    const applications = [
      app('fr', 1, 'FR'),
      app('ke1', 2, 'KE'),
      app('ke2', 3, 'KE'),
      app('ke3', 4, 'KE'),
      app('de', 5, 'DE'),
    ];
    const proposal = selectCohort(applications, limits({ size: 3, maxPerCountry: 1, minPerRegion: { AFR: 2 } }));
    expect(memberIds(proposal)).toEqual(['fr', 'ke1', 'de']);
    expect(proposal.unmetConstraints).toEqual([
      { constraint: 'minPerRegion', region: 'AFR', required: 2, achieved: 1, reason: 'NOT_ENOUGH_CANDIDATES' },
    ]);
  });

  it('reports a minimum for a region without any candidate as NOT_ENOUGH_CANDIDATES', () => {
    const proposal = selectCohort(
      [app('fr', 1, 'FR'), app('de', 2, 'DE')],
      limits({ size: 2, minPerRegion: { CIS: 1 } }),
    );
    expect(memberIds(proposal)).toEqual(['fr', 'de']);
    expect(proposal.unmetConstraints).toEqual([
      { constraint: 'minPerRegion', region: 'CIS', required: 1, achieved: 0, reason: 'NOT_ENOUGH_CANDIDATES' },
    ]);
  });

  it('fills minimums that add up to more than n in rank order and reports the short ones as COHORT_SIZE', () => {
    const applications = [
      app('jp', 1, 'JP'),
      app('fr', 2, 'FR'),
      app('ke', 3, 'KE'),
      app('de', 4, 'DE'),
      app('ng', 5, 'NG'),
    ];
    const proposal = selectCohort(applications, limits({ size: 2, minPerRegion: { AFR: 2, EUR: 2 } }));
    expect(memberIds(proposal)).toEqual(['fr', 'ke']);
    expect(reasons(proposal)).toEqual({ jp: 'SEAT_RESERVED_FOR_REGION', de: 'COHORT_FULL', ng: 'COHORT_FULL' });
    expect(proposal.unmetConstraints).toEqual([
      { constraint: 'minPerRegion', region: 'AFR', required: 2, achieved: 1, reason: 'COHORT_SIZE' },
      { constraint: 'minPerRegion', region: 'EUR', required: 2, achieved: 1, reason: 'COHORT_SIZE' },
    ]);
  });

  it('reports a minimum above the region cap as NOT_ENOUGH_CANDIDATES and fills the cohort from elsewhere', () => {
    const applications = [app('fr', 1, 'FR'), app('de', 2, 'DE'), app('ke', 3, 'KE'), app('jp', 4, 'JP')];
    const proposal = selectCohort(
      applications,
      limits({ size: 3, maxPerRegion: { EUR: 1 }, minPerRegion: { EUR: 2 } }),
    );
    expect(memberIds(proposal)).toEqual(['fr', 'ke', 'jp']);
    expect(reasons(proposal)).toEqual({ de: 'REGION_CAP' });
    expect(proposal.unmetConstraints).toEqual([
      { constraint: 'minPerRegion', region: 'EUR', required: 2, achieved: 1, reason: 'NOT_ENOUGH_CANDIDATES' },
    ]);
  });
});

describe('selectCohort — candidates', () => {
  it('gives every non-candidate the first reason that holds: withdrawn, ineligible, not fully evaluated, below minScore', () => {
    const applications = [
      app('ok', 1, 'FR'),
      app('withdrawn', 2, 'FR', { status: 'withdrawn', eligible: false, evaluationCount: 0 }),
      app('ineligible', null, 'DE', { eligible: false, evaluationCount: 1 }),
      app('short', 3, 'KE', { evaluationCount: 2, score: 0 }),
      app('unscored', null, 'NG', { evaluationCount: 3 }),
      app('low', 4, 'JP', { score: 59.5 }),
    ];
    const proposal = selectCohort(applications, limits({ size: 5, minScore: 60 }));
    expect(memberIds(proposal)).toEqual(['ok']);
    expect(proposal.excluded).toEqual([
      { applicationId: 'withdrawn', rank: 2, score: 98, reason: 'WITHDRAWN' },
      { applicationId: 'short', rank: 3, score: 0, reason: 'NOT_FULLY_EVALUATED' },
      { applicationId: 'low', rank: 4, score: 59.5, reason: 'BELOW_MIN_SCORE' },
      { applicationId: 'ineligible', rank: null, score: null, reason: 'INELIGIBLE' },
      { applicationId: 'unscored', rank: null, score: null, reason: 'NOT_FULLY_EVALUATED' },
    ]);
  });

  it('compares scores with minScore at the scoring resolution, so rounding noise does not drop a candidate', () => {
    const applications = [
      app('noise', 1, 'FR', { score: 69.99999999999999 }),
      app('exact', 2, 'DE', { score: 70 }),
      app('under', 3, 'KE', { score: 70 - 2e-9 }),
    ];
    const proposal = selectCohort(applications, limits({ size: 3, minScore: 70 }));
    expect(memberIds(proposal)).toEqual(['noise', 'exact']);
    expect(reasons(proposal)).toEqual({ under: 'BELOW_MIN_SCORE' });
  });

  it('takes every candidate when there are fewer than n and reports the short cohort', () => {
    const proposal = selectCohort([app('a', 1, 'FR'), app('b', 2, 'KE')], limits({ size: 5 }));
    expect(memberIds(proposal)).toEqual(['a', 'b']);
    expect(proposal.unmetConstraints).toEqual([
      { constraint: 'size', required: 5, achieved: 2, reason: 'NOT_ENOUGH_CANDIDATES' },
    ]);
  });

  it('puts the best candidates left out on the waitlist, whatever kept them out, and also lists them as excluded', () => {
    const applications = [
      app('fr1', 1, 'FR'),
      app('fr2', 2, 'FR'),
      app('de', 3, 'DE'),
      app('ke', 4, 'KE'),
      app('ng', 5, 'NG'),
    ];
    const proposal = selectCohort(applications, limits({ size: 2, maxPerCountry: 1, waitlistSize: 2 }));
    expect(memberIds(proposal)).toEqual(['fr1', 'de']);
    expect(proposal.waitlist.map((w) => w.applicationId)).toEqual(['fr2', 'ke']);
    expect(reasons(proposal)).toEqual({ fr2: 'COUNTRY_CAP', ke: 'COHORT_FULL', ng: 'COHORT_FULL' });
  });

  it('uses ranks only for their order: gaps and input order change nothing', () => {
    const applications = [app('c', 30, 'FR'), app('a', 7, 'FR'), app('b', 12, 'DE')];
    const proposal = selectCohort(applications, limits({ size: 2, maxPerCountry: 1 }));
    expect(memberIds(proposal)).toEqual(['a', 'b']);
    expect(selectCohort([...applications].reverse(), limits({ size: 2, maxPerCountry: 1 }))).toEqual(proposal);
  });

  it('selects nobody from an empty call and reports what is unmet', () => {
    expect(selectCohort([], limits({ size: 3, minPerRegion: { AFR: 1 }, waitlistSize: 2 }))).toEqual({
      members: [],
      waitlist: [],
      excluded: [],
      unmetConstraints: [
        { constraint: 'size', required: 3, achieved: 0, reason: 'NOT_ENOUGH_CANDIDATES' },
        { constraint: 'minPerRegion', region: 'AFR', required: 1, achieved: 0, reason: 'NOT_ENOUGH_CANDIDATES' },
      ],
    });
  });
});

describe('selectCohort — invalid input', () => {
  it.each([
    ['two applications with the same rank (ranks never tie)', [app('a', 1, 'FR'), app('b', 1, 'DE')], { size: 1 }],
    ['the same application twice', [app('a', 1, 'FR'), app('a', 2, 'FR')], { size: 1 }],
    ['a country in two regions', [app('a', 1, 'FR'), app('b', 2, 'FR', { region: 'AFR' })], { size: 1 }],
    ['a size below 1', [], { size: 0 }],
    ['a negative cap', [], { size: 1, maxPerCountry: -1 }],
    ['a fractional minimum', [], { size: 1, minPerRegion: { AFR: 0.5 } }],
    ['a minScore that is not a number', [], { size: 1, minScore: Number.NaN }],
  ])('refuses %s', (_, applications, constraints) => {
    expect(() => selectCohort(applications, limits(constraints))).toThrow(InvalidSelectionInputError);
  });
});
