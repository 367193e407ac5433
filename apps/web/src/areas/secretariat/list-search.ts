/** How long typing pauses before a list is searched: a word, not every keystroke. */
export const SEARCH_DELAY_MS = 400;

/**
 * The page's address after a new search or sort: `name` set to `value` (removed when blank), back
 * to the list's first page (`pageParameter` removed, for a list shown in pages), every other parameter kept.
 */
export function withListParameter(
  params: URLSearchParams,
  name: string,
  value: string,
  pageParameter?: string,
): URLSearchParams {
  const next = new URLSearchParams(params);
  const trimmed = value.trim();
  if (trimmed) next.set(name, trimmed);
  else next.delete(name);
  if (pageParameter) next.delete(pageParameter);
  return next;
}

/** A parameter of the address when it is one of `allowed`, else `fallback` (unknown values are ignored). */
export function readChoice<T extends string>(
  params: URLSearchParams,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const value = params.get(name) as T | null;
  return value !== null && allowed.includes(value) ? value : fallback;
}

/** A list's offset in the address (`name`, `offset` by default): a whole number, 0 when absent or not one. */
export function readOffset(params: URLSearchParams, name = 'offset'): number {
  return Math.max(0, Math.floor(Number(params.get(name))) || 0);
}

/** A table that sorts and pages on the server, by address parameters of its own (a page may hold two). */
export interface ServerList<Sort extends string> {
  sortParameter: string;
  offsetParameter: string;
  /** The API's `sort` values the table offers, and the one the address leaves out. */
  sorts: readonly Sort[];
  defaultSort: Sort;
  pageSize: number;
}

/** A table sorted by `keys` (each either way), its parameters named after it: `membersSort`, `membersOffset`. */
export function serverList<Key extends string>(
  name: string,
  keys: readonly Key[],
  defaultSort: Key | `-${Key}`,
  pageSize: number,
): ServerList<Key | `-${Key}`> {
  return {
    sortParameter: `${name}Sort`,
    offsetParameter: `${name}Offset`,
    sorts: keys.flatMap((key) => [key, `-${key}` as const]),
    defaultSort,
    pageSize,
  };
}

/** The order and offset the address asks of such a table (unknown orders and bad offsets are ignored). */
export function readServerList<Sort extends string>(params: URLSearchParams, list: ServerList<Sort>) {
  return {
    sort: readChoice(params, list.sortParameter, list.sorts, list.defaultSort),
    offset: readOffset(params, list.offsetParameter),
  };
}

/** The page of such a table its loader read: the items, the whole count, and the order and offset asked. */
export interface ServerListPage<T> {
  items: T[];
  total: number;
  sort: string;
  offset: number;
}
