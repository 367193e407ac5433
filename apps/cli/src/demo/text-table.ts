/** Plain-text tables for the terminal: columns as wide as their widest cell, numbers aligned right. */
export function table(header: string[], rows: string[][], rightAligned: number[] = []): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (rightAligned.includes(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

/** A name cut to fit a column, marked as cut. */
export function fit(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

export function heading(title: string): string[] {
  return ['', title, '='.repeat(title.length)];
}

export const REGION_NAMES: Record<string, string> = {
  AFR: 'Africa',
  AMS: 'Americas',
  ARB: 'Arab States',
  ASP: 'Asia and the Pacific',
  CIS: 'CIS',
  EUR: 'Europe',
};

export const REGIONS = Object.keys(REGION_NAMES);

/** "AFR Africa", but "CIS" alone: its name is its code. */
export function regionLabel(region: string): string {
  const name = REGION_NAMES[region] ?? region;
  return name === region ? region : `${region} ${name}`;
}

/** 1st, 2nd, 3rd, 4th, … 11th, 12th, 13th, 21st. */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
