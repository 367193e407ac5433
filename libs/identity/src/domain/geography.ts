export const REGIONS = ['AFR', 'AMS', 'ARB', 'ASP', 'CIS', 'EUR'] as const;
/** ITU-D regions: Africa, Americas, Arab States, Asia and the Pacific, CIS, Europe. */
export type Region = (typeof REGIONS)[number];

export interface Country {
  code: string;
  region: Region;
  /** ITU Member State; observers such as the State of Palestine are known countries but not members. */
  memberState: boolean;
  nameEn: string;
  nameFr: string;
}
