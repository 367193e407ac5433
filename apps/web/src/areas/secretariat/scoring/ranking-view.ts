import type { Call } from '../../../api/types';
import { readChoice } from '../list-search';
import type { RankingItem } from '../types';

/** Ranked applications shown at once; a call with more is read a page at a time. */
export const RANKING_PAGE_SIZE = 100;
export const PAGE_PARAMETER = 'rankingPage';
export const SEARCH_PARAMETER = 'rankingSearch';
export const SORT_PARAMETER = 'rankingSort';

/** The orders the ranking offers (the API's `sort`), each with the key of its label; the first is the API's default. */
export const RANKING_SORTS = {
  rank: 'byRank',
  '-rank': 'byRankReversed',
  '-score': 'byScore',
  '-rawScore': 'byRawScore',
  '-normalizedScore': 'byNormalised',
  '-spread': 'bySpread',
  '-stdDev': 'byStdDev',
  organisation: 'byOrganisation',
  country: 'byCountry',
} as const;
type RankingSort = keyof typeof RANKING_SORTS;
export const SORT_VALUES = Object.keys(RANKING_SORTS) as RankingSort[];

export type Normalization = Call['scoring']['normalization'];

/**
 * The orders worth offering on a call: without normalisation the score is the raw score and the
 * normalised one ranks nothing, so only "by score" is offered; with it, the score is the normalised one.
 */
export function sortsFor(normalization: Normalization): RankingSort[] {
  const redundant: RankingSort[] = normalization === 'none' ? ['-rawScore', '-normalizedScore'] : ['-score'];
  return SORT_VALUES.filter((value) => !redundant.includes(value));
}

/** What of the ranking the address asks for: a page (from 1), a search and an order. */
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
