import { GENEVA_TIME_ZONE } from '../../shared/format';

/** A moment in a table cell: "12 Mar 2027, 18:00", in Geneva time unless told otherwise. */
export function formatCompactDateTime(iso: string, language: string, timeZone = GENEVA_TIME_ZONE): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}
