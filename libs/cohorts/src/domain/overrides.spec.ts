import { DomainError } from '@app/platform/errors';
import fc from 'fast-check';
import { InvalidOverrideError } from './cohorts.errors';
import { constraintViolations } from './constraint-violations';
import { applyOverrides } from './overrides';
import { selectCohort } from './selection';
import { REGION_OF, app } from './testing/applications';
import type { CohortConstraints, CohortOverrides } from './selection.types';

const applications = [
  app('fr1', 1, 'FR'),
  app('fr2', 2, 'FR'),
  app('de1', 3, 'DE'),
  app('jp1', 4, 'JP'),
  app('ke1', 5, 'KE'),
  app('low', 6, 'NG', { score: 10 }),
  app('gone', 7, 'NG', { status: 'withdrawn' }),
  app('out', null, 'KE', { eligible: false }),
  app('new', null, 'JP', { evaluationCount: 0 }),
];
const constraints: CohortConstraints = {
  size: 3,
  maxPerCountry: 1,
  minPerRegion: { AFR: 1 },
  minScore: 50,
  waitlistSize: 2,
  evaluatorsPerApplication: 3,
};
const proposal = selectCohort(applications, constraints);
const apply = (overrides: Partial<CohortOverrides>) =>
  applyOverrides(proposal, { add: [], remove: [], ...overrides }, applications, constraints);

describe('applyOverrides', () => {
  it('starts from the automatic proposal this file builds', () => {
    expect(proposal.members.map((m) => m.applicationId)).toEqual(['fr1', 'de1', 'ke1']);
    expect(proposal.waitlist.map((w) => w.applicationId)).toEqual(['fr2', 'jp1']);
  });

  it('swaps a member for a waitlisted candidate, keeping rank order and recording who did it', () => {
    const result = apply({ add: ['jp1'], remove: ['de1'] });
    expect(result.members).toEqual([
      { applicationId: 'fr1', rank: 1, score: 99, countryCode: 'FR', region: 'EUR' },
      { applicationId: 'jp1', rank: 4, score: 96, countryCode: 'JP', region: 'ASP', reason: 'ADDED_BY_SECRETARIAT' },
      { applicationId: 'ke1', rank: 5, score: 95, countryCode: 'KE', region: 'AFR' },
    ]);
    expect(result.waitlist.map((w) => w.applicationId)).toEqual(['fr2']);
    expect(result.excluded.slice(0, 2)).toEqual([
      { applicationId: 'fr2', rank: 2, score: 98, reason: 'COUNTRY_CAP' },
      { applicationId: 'de1', rank: 3, score: 97, reason: 'REMOVED_BY_SECRETARIAT' },
    ]);
    expect(result.excluded.map((e) => e.applicationId)).not.toContain('jp1');
    expect(result.violations).toEqual([]);
    expect(result.unmetConstraints).toBe(proposal.unmetConstraints);
  });

  it('allows a ranked application below minScore, and reports the constraints the changes break', () => {
    const result = apply({ add: ['fr2', 'low'], remove: ['ke1'] });
    expect(result.members.map((m) => m.applicationId)).toEqual(['fr1', 'fr2', 'de1', 'low']);
    expect(result.violations).toEqual([
      { constraint: 'size', required: 3, actual: 4 },
      { constraint: 'maxPerCountry', countryCode: 'FR', limit: 1, actual: 2 },
    ]);
  });

  it('reports an unmet minimum once its only member is removed', () => {
    expect(apply({ remove: ['ke1'] }).violations).toEqual([
      { constraint: 'size', required: 3, actual: 2 },
      { constraint: 'minPerRegion', region: 'AFR', required: 1, actual: 0 },
    ]);
  });

  it('changes nothing when asked for nothing', () => {
    const { violations, ...rest } = apply({});
    expect(rest).toEqual(proposal);
    expect(violations).toEqual([]);
  });

  it('refuses the whole request, listing every problem against its field', () => {
    const attempt = () =>
      apply({ add: ['nobody', 'fr1', 'gone', 'out', 'new', 'jp1', 'jp1'], remove: ['fr2', 'de1', 'de1'] });
    expect(attempt).toThrow(InvalidOverrideError);
    try {
      attempt();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as InvalidOverrideError).code).toBe('INVALID_OVERRIDE');
      expect((error as InvalidOverrideError).errors).toEqual([
        { field: 'add.0', message: 'nobody is not an application of this call' },
        { field: 'add.1', message: 'fr1 is already a member of the cohort' },
        { field: 'add.2', message: 'gone has been withdrawn' },
        { field: 'add.3', message: 'out is not eligible' },
        { field: 'add.4', message: 'new has not been scored' },
        { field: 'add.6', message: 'jp1 is listed more than once' },
        { field: 'remove.0', message: 'fr2 is not a member of the cohort' },
        { field: 'remove.2', message: 'de1 is listed more than once' },
      ]);
    }
  });

  it('refuses an application both added and removed', () => {
    expect(() => apply({ add: ['jp1'], remove: ['jp1'] })).toThrow(
      expect.objectContaining({
        errors: expect.arrayContaining([{ field: 'remove.0', message: 'jp1 is listed more than once' }]),
      }),
    );
  });
});

describe('applyOverrides — properties', () => {
  const selectable = ['fr2', 'jp1', 'low'];
  const memberIds = proposal.members.map((m) => m.applicationId);

  it('keeps every application exactly once, members in rank order, and reports the violations of the result', () => {
    fc.assert(
      fc.property(fc.subarray(selectable), fc.subarray(memberIds), (add, remove) => {
        const result = apply({ add, remove });
        const ids = [...result.members, ...result.excluded].map((e) => e.applicationId).sort();
        expect(ids).toEqual(applications.map((a) => a.applicationId).sort());
        expect(result.members.map((m) => m.rank)).toEqual(result.members.map((m) => m.rank).sort((a, b) => a - b));
        const byId = new Map(result.excluded.map((e) => [e.applicationId, e.reason]));
        for (const id of remove) expect(byId.get(id)).toBe('REMOVED_BY_SECRETARIAT');
        for (const id of add)
          expect(result.members.find((m) => m.applicationId === id)?.reason).toBe('ADDED_BY_SECRETARIAT');
        expect(result.waitlist.filter((w) => add.includes(w.applicationId))).toEqual([]);
        expect(result.violations).toEqual(constraintViolations(result.members, constraints));
      }),
    );
  });
});

describe('constraintViolations', () => {
  const member = (countryCode: string) => ({ countryCode, region: REGION_OF[countryCode] });
  const limits = { size: 4, maxPerCountry: 2, maxPerRegion: { EUR: 2, ASP: 0 }, minPerRegion: { AFR: 1, ASP: 0 } };

  it('finds nothing when every cap is reached but none is passed', () => {
    expect(constraintViolations([member('FR'), member('DE'), member('KE'), member('NG')], limits)).toEqual([]);
  });

  it('lists the size, then countries, then regional caps, then minimums, each in code order', () => {
    const members = ['JP', 'FR', 'FR', 'FR', 'DE', 'NG', 'NG', 'NG'].map(member);
    expect(constraintViolations(members, { ...limits, minPerRegion: { EUR: 5, AFR: 1 } })).toEqual([
      { constraint: 'size', required: 4, actual: 8 },
      { constraint: 'maxPerCountry', countryCode: 'FR', limit: 2, actual: 3 },
      { constraint: 'maxPerCountry', countryCode: 'NG', limit: 2, actual: 3 },
      { constraint: 'maxPerRegion', region: 'ASP', limit: 0, actual: 1 },
      { constraint: 'maxPerRegion', region: 'EUR', limit: 2, actual: 4 },
      { constraint: 'minPerRegion', region: 'EUR', required: 5, actual: 4 },
    ]);
  });

  it('reports a short cohort and a region without members', () => {
    expect(constraintViolations([], limits)).toEqual([
      { constraint: 'size', required: 4, actual: 0 },
      { constraint: 'minPerRegion', region: 'AFR', required: 1, actual: 0 },
    ]);
  });
});
