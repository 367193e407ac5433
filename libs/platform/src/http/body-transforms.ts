import { isISO8601 } from 'class-validator';

/** class-transformer transforms shared by request DTOs: `@Transform(trimmed)`, `@Transform(isoDateTime)`. */

/** Strings lose their surrounding white space before their length is checked; anything else is left to the validators. */
export const trimmed = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/**
 * ISO 8601 strings become dates; anything else becomes an invalid date that @IsDate refuses.
 * `new Date` alone would take "Jan 1 2031" in the server's zone and roll 30 February over to March.
 */
export const isoDateTime = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? new Date(isISO8601(value, { strict: true }) ? value : NaN) : value;
