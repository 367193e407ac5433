import type { Region } from '../../../api/types';
import { REGIONS } from '../../../shared/regions';
import { readChoice } from '../list-search';
import type { ApplicationStatus } from '../types';

export const STATUSES: ApplicationStatus[] = [
  'draft',
  'submitted',
  'withdrawn',
  'selected',
  'waitlisted',
  'not_selected',
  'withdrawn_from_cohort',
  'confirmed',
  'declined',
];
export const ELIGIBILITIES = ['eligible', 'ineligible'] as const;
type EligibilityFilter = (typeof ELIGIBILITIES)[number];

/** The orders the list offers (the API's `sort`), each with the key of its label; the first is the API's default. */
export const APPLICATION_SORTS = {
  createdAt: 'byCreation',
  organisation: 'byOrganisation',
  '-organisation': 'byOrganisationReversed',
  country: 'byCountry',
  '-country': 'byCountryReversed',
  status: 'byStatus',
  '-status': 'byStatusReversed',
  '-submittedAt': 'byLatestSubmission',
  submittedAt: 'byEarliestSubmission',
} as const;
export const DEFAULT_APPLICATION_SORT = 'createdAt';
type ApplicationSort = keyof typeof APPLICATION_SORTS;
export const SORT_VALUES = Object.keys(APPLICATION_SORTS) as ApplicationSort[];

/** The list's query to the API (GET /calls/:id/applications): it filters, searches and sorts itself. */
export interface Filters {
  status?: ApplicationStatus;
  countryCode?: string;
  region?: Region;
  eligibility?: EligibilityFilter;
  search?: string;
  sort?: ApplicationSort;
  offset: number;
}

/** The filters in the page's address (so a filtered list can be bookmarked or shared); unknown values are ignored. */
export function readFilters(params: URLSearchParams): Filters {
  const status = params.get('status') as ApplicationStatus | null;
  const region = params.get('region') as Region | null;
  const eligibility = params.get('eligibility') as EligibilityFilter | null;
  const countryCode = params.get('countryCode');
  const search = params.get('search')?.trim();
  const sort = readChoice(params, 'sort', SORT_VALUES, DEFAULT_APPLICATION_SORT);
  const offset = Number(params.get('offset'));
  return {
    ...(status && STATUSES.includes(status) ? { status } : {}),
    ...(region && REGIONS.includes(region) ? { region } : {}),
    ...(countryCode && /^[A-Z]{2}$/.test(countryCode) ? { countryCode } : {}),
    ...(eligibility && ELIGIBILITIES.includes(eligibility) ? { eligibility } : {}),
    ...(search ? { search } : {}),
    ...(sort === DEFAULT_APPLICATION_SORT ? {} : { sort }),
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

/** The list's filters and order without its page: what an export of the list holds. */
export function exportQuery({ offset: _offset, ...filters }: Filters): Omit<Filters, 'offset'> {
  return filters;
}
