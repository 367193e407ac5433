import { readChoice } from '../list-search';
import type { RankingItem } from '../types';

/** Ranked applications shown at once; a call with more is read a page at a time. */
export const RANKING_PAGE_SIZE = 100;
export const PAGE_PARAMETER = 'rankingPage';
export const SEARCH_PARAMETER = 'rankingSearch';
export const SORT_PARAMETER = 'rankingSort';

/** The API's sort key of each ranking column that sorts (region and moderation do not), either way. */
export const COLUMN_SORT_KEYS = {
  rank: 'rank',
  organisation: 'organisation',
  country: 'country',
  score: 'score',
  normalised: 'normalizedScore',
  raw: 'rawScore',
  evaluations: 'evaluationCount',
  spread: 'spread',
  stdDev: 'stdDev',
} as const;
const SORT_VALUES = Object.values(COLUMN_SORT_KEYS).flatMap((key) => [key, `-${key}` as const]);
type RankingSort = (typeof SORT_VALUES)[number];

/** What of the ranking the address asks for: a page (from 1), a search and an order (the API's `sort`). */
export interface RankingView {
  page: number;
  search: string;
  sort: RankingSort;
}

export function readRankingView(params: URLSearchParams): RankingView {
  const page = Number(params.get(PAGE_PARAMETER));
  return {
    page: Number.isInteger(page) && page > 1 ? page : 1,
    search: params.get(SEARCH_PARAMETER)?.trim() ?? '',
    sort: readChoice(params, SORT_PARAMETER, SORT_VALUES, 'rank'),
  };
}

/** The API's query for that view: only what differs from its defaults. */
export function rankingQuery({ page, search, sort }: RankingView) {
  return {
    limit: RANKING_PAGE_SIZE,
    offset: (page - 1) * RANKING_PAGE_SIZE,
    ...(search ? { search } : {}),
    ...(sort === 'rank' ? {} : { sort }),
  };
}

export interface RankingPage {
  items: RankingItem[];
  /** Every ranked application of the call that the search finds. */
  total: number;
  view: RankingView;
}
