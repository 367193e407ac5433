import { toCsv } from '@app/platform/export/csv';
import type { AnnexMember } from './annex.types';

const HEADER = ['region', 'country_code', 'country', 'centre', 'city'];

/** The list of selected centres as CSV, in the published order. */
export function renderAnnexCsv(members: readonly AnnexMember[]): string {
  const rows = members.map((m) => [m.region, m.countryCode, m.countryName, m.name, m.city ?? '']);
  return toCsv([HEADER, ...rows]);
}
