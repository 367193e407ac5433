import { GENEVA_TIME_ZONE, formatNumber } from '../../shared/format';

/** A moment in a table cell: "12 Mar 2027, 18:00", in Geneva time unless told otherwise. */
export function formatCompactDateTime(iso: string, language: string, timeZone = GENEVA_TIME_ZONE): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** A score on the 0–100 scale of the results, to one decimal ("72.5", "72,5" in French). */
export function formatScore(value: number, language: string): string {
  return formatNumber(value, language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}
