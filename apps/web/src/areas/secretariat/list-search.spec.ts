import { describe, expect, it } from '@jest/globals';
import { readFilters } from './applications/application-filters';
import { readChoice, readOffset, withListParameter } from './list-search';
import { rankingQuery, readRankingView } from './scoring/ranking-view';

describe('withListParameter', () => {
  it('sets the trimmed value, goes back to the first page and keeps the other parameters', () => {
    const params = new URLSearchParams('region=EUR&offset=50&search=old');

    expect(withListParameter(params, 'search', '  lima ', 'offset').toString()).toBe('region=EUR&search=lima');
  });

  it('removes a blank value and leaves the given parameters as they were', () => {
    const params = new URLSearchParams('rankingSearch=lima&rankingPage=3&tab=x');

    expect(withListParameter(params, 'rankingSearch', '   ', 'rankingPage').toString()).toBe('tab=x');
    expect(params.toString()).toBe('rankingSearch=lima&rankingPage=3&tab=x');
  });
});

describe('readChoice', () => {
  it('takes an allowed value and falls back on a missing or unknown one', () => {
    const allowed = ['rank', '-score'] as const;

    expect(readChoice(new URLSearchParams('s=-score'), 's', allowed, 'rank')).toBe('-score');
    expect(readChoice(new URLSearchParams('s=score'), 's', allowed, 'rank')).toBe('rank');
    expect(readChoice(new URLSearchParams(''), 's', allowed, 'rank')).toBe('rank');
  });
});

describe('readOffset', () => {
  it('reads a whole offset of the named parameter, 0 when absent, negative or not a number', () => {
    const params = new URLSearchParams('offset=40&membersOffset=20.5&conflictsOffset=-20&other=x');

    expect(readOffset(params)).toBe(40);
    expect(readOffset(params, 'membersOffset')).toBe(20);
    expect(readOffset(params, 'conflictsOffset')).toBe(0);
    expect(readOffset(params, 'other')).toBe(0);
    expect(readOffset(params, 'missing')).toBe(0);
  });
});

describe('readFilters of the applications list', () => {
  it('reads every filter, the search trimmed, and the order', () => {
    const params = new URLSearchParams(
      'status=submitted&region=AFR&countryCode=KE&eligibility=eligible&search=+lima+&sort=-submittedAt&offset=25',
    );

    expect(readFilters(params)).toEqual({
      status: 'submitted',
      region: 'AFR',
      countryCode: 'KE',
      eligibility: 'eligible',
      search: 'lima',
      sort: '-submittedAt',
      offset: 25,
    });
  });

  it('leaves out unknown values, a blank search and the default order, so the API applies its own', () => {
    const params = new URLSearchParams(
      'status=lost&region=XX&countryCode=ke&eligibility=maybe&search=+&sort=createdAt',
    );

    expect(readFilters(params)).toEqual({ offset: 0 });
    expect(readFilters(new URLSearchParams('sort=name&offset=-5'))).toEqual({ offset: 0 });
  });
});

describe('the ranking view', () => {
  it('asks the API for the page, search and order of the address', () => {
    const view = readRankingView(new URLSearchParams('rankingPage=3&rankingSearch=+Nairobi+&rankingSort=-spread'));

    expect(view).toEqual({ page: 3, search: 'Nairobi', sort: '-spread' });
    expect(rankingQuery(view)).toEqual({ limit: 100, offset: 200, search: 'Nairobi', sort: '-spread' });
  });

  it('asks for the first page by rank, with nothing else, by default or on unknown values', () => {
    const view = readRankingView(new URLSearchParams('rankingPage=0&rankingSort=bogus'));

    expect(view).toEqual({ page: 1, search: '', sort: 'rank' });
    expect(rankingQuery(view)).toEqual({ limit: 100, offset: 0 });
  });

  it('takes any column’s order either way, as the API names it', () => {
    expect(readRankingView(new URLSearchParams('rankingSort=evaluationCount')).sort).toBe('evaluationCount');
    expect(readRankingView(new URLSearchParams('rankingSort=-organisation')).sort).toBe('-organisation');
  });
});
