/** Dates, numbers and names through Intl, in the interface's language. */

/** Geneva, where the alliance's secretariat sits, keeps Swiss time (IANA has no Europe/Geneva zone). */
export const GENEVA_TIME_ZONE = 'Europe/Zurich';

export function readerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function formatDateTime(iso: string, language: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(new Date(iso));
}

export function formatDate(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(new Date(iso));
}

export function formatNumber(value: number, language: string, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(language, options).format(value);
}

/**
 * A score, to one decimal on every page that shows one ("56.5", "56,5" in French): a result on the
 * 0–100 scale (ranking, cohort, an applicant's final score), an evaluator's total, a criterion's mean.
 */
export function formatScore(value: number, language: string): string {
  return formatNumber(value, language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** A share of a whole (0.25) as a percentage ("25 %" in French). */
export function formatPercent(fraction: number, language: string): string {
  return formatNumber(fraction, language, { style: 'percent', maximumFractionDigits: 1 });
}

/**
 * A size in bytes, kilobytes or megabytes ("1.5 MB", "1,5 Mo"). Bytes are written out, which makes
 * Intl choose the plural ("193 bytes", "1 octet"): their short unit is invariable ("193 byte").
 */
export function formatBytes(bytes: number, language: string): string {
  if (bytes < 1024) return formatNumber(bytes, language, { style: 'unit', unit: 'byte', unitDisplay: 'long' });
  const [value, unit] = bytes >= 1_048_576 ? [bytes / 1_048_576, 'megabyte'] : [bytes / 1024, 'kilobyte'];
  return formatNumber(value, language, { style: 'unit', unit, maximumFractionDigits: 1 });
}

/** The country's name in the interface's language; the API's (English) name when Intl has none. */
export function countryName(code: string, language: string, fallback = code): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? fallback;
  } catch {
    return fallback;
  }
}

/**
 * A country of the API's list in the interface's language: the list's own English or French name,
 * else Intl's name in the language (Arabic, Chinese…), else the English one.
 */
export function countryLabel(country: { code: string; nameEn: string; nameFr: string }, language: string): string {
  if (language === 'fr') return country.nameFr;
  if (language === 'en') return country.nameEn;
  return countryName(country.code, language, country.nameEn);
}

const UNITS = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
] as const;

/**
 * A remaining time in words ("2 days, 3 hours and 4 minutes"): the two or three largest units,
 * seconds only in the last hour.
 */
export function formatDuration(milliseconds: number, language: string): string {
  const parts: string[] = [];
  let rest = Math.max(0, milliseconds);
  for (const [unit, size] of UNITS) {
    if (unit === 'second' && milliseconds >= 3_600_000) break;
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0 || (unit === 'second' && parts.length === 0)) {
      parts.push(formatNumber(count, language, { style: 'unit', unit, unitDisplay: 'long' }));
    }
    if (parts.length === 3) break;
  }
  return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(parts);
}
