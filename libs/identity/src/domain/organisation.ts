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

export interface Organisation {
  id: string;
  name: string;
  countryCode: string;
  countryName: string;
  region: Region;
  memberState: boolean;
  type: OrganisationType;
  city: string | null;
  website: string | null;
  createdAt: Date;
}
