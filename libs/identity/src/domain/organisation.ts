import { Region } from './geography';

export const ORGANISATION_TYPES = [
  'academia',
  'incubator',
  'accelerator',
  'innovation_hub',
  'government',
  'regulator',
  'private_sector',
  'ngo',
  'international_organisation',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/**
 * The Union's membership category of an organisation, which calls are addressed by (the addressees
 * of a circular letter). Declared by the organisation, corrected by the secretariat.
 */
export const MEMBERSHIP_CATEGORIES = [
  'member_state_administration',
  'sector_member',
  'associate',
  'academia',
  'regulator',
  'regional_international_organisation',
  'un_agency',
  'other',
] as const;
export type MembershipCategory = (typeof MEMBERSHIP_CATEGORIES)[number];

/** The category an organisation of a type is presumed to have until it or the secretariat says otherwise. */
export function presumedMembershipCategory(type: OrganisationType): MembershipCategory {
  switch (type) {
    case 'government':
      return 'member_state_administration';
    case 'regulator':
      return 'regulator';
    case 'academia':
      return 'academia';
    case 'international_organisation':
      return 'regional_international_organisation';
    default:
      return 'other';
  }
}

export interface Organisation {
  id: string;
  name: string;
  countryCode: string;
  countryName: string;
  region: Region;
  memberState: boolean;
  type: OrganisationType;
  membershipCategory: MembershipCategory;
  city: string | null;
  website: string | null;
  createdAt: Date;
}
