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
