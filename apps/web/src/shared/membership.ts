import type { Organisation } from '../api/types';

export type MembershipCategory = Organisation['membershipCategory'];

/** The Union's membership categories, in the order the circulars list addressees (names: `common:membership.<code>`). */
export const MEMBERSHIP_CATEGORIES: readonly MembershipCategory[] = [
  'member_state_administration',
  'sector_member',
  'associate',
  'academia',
  'regulator',
  'regional_international_organisation',
  'un_agency',
  'other',
];
