import type { AnnexMember } from './annex.types';

const HEADER = ['region', 'country_code', 'country', 'centre', 'city'];

/**
 * The list of selected centres as CSV (RFC 4180: CRLF, fields quoted when they need it), in the
 * published order. It starts with a byte-order mark so that spreadsheet programs read it as UTF-8.
 */
export function renderAnnexCsv(members: readonly AnnexMember[]): string {
  const rows = members.map((m) => [m.region, m.countryCode, m.countryName, m.name, m.city ?? '']);
  return '\uFEFF' + [HEADER, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
