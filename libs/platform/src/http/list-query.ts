import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * A list's `sort` query parameter (API.md "Lists"): a key the list names, ascending, or descending
 * with a leading `-` (`sort=-score`), as in JSON:API.
 */
export interface Sort<Key extends string> {
  key: Key;
  descending: boolean;
}

/** Every value `sort` accepts for these keys: each key and its `-` form. */
export function sortValues<Key extends string>(keys: readonly Key[]): string[] {
  return keys.flatMap((key) => [key, `-${key}`]);
}

/** The sort a valid `sort` value asks for (see `sortValues`), or the list's default when absent. */
export function parseSort<Key extends string>(value: string | undefined, fallback: Sort<Key>): Sort<Key> {
  if (value === undefined) return fallback;
  const descending = value.startsWith('-');
  return { key: (descending ? value.slice(1) : value) as Key, descending };
}

/** A `@Transform` for a query parameter that may repeat: given once it arrives as a string, repeated as an array. */
export const asQueryArray = ({ value }: { value: unknown }): unknown => (Array.isArray(value) ? value : [value]);

/** The longest `search` a list takes: a name or part of one, not a document. */
const MAX_SEARCH_LENGTH = 100;

/** A query-string search term without its surrounding spaces; a blank one is no search at all. */
const toSearchTerm = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const term = value.trim();
  return term === '' ? undefined : term;
};

/** A list's optional `search` query parameter: trimmed, blank as none, at most MAX_SEARCH_LENGTH characters. */
export const SearchTermField = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ maxLength: MAX_SEARCH_LENGTH }),
    IsOptional(),
    Transform(toSearchTerm),
    IsString(),
    MaxLength(MAX_SEARCH_LENGTH),
  );
