/** The API's largest page (API.md "Lists"). */
export const MAX_PAGE_SIZE = 500;

interface ListPage<T> {
  items: T[];
  /** Every item the list holds, beyond this page too. */
  total: number;
}

/** Every item of a list, reading it a page of `MAX_PAGE_SIZE` at a time from the given offset. */
export async function allPages<T>(fetchPage: (offset: number) => Promise<ListPage<T>>): Promise<T[]> {
  const items: T[] = [];
  for (;;) {
    const page = await fetchPage(items.length);
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= page.total) return items;
  }
}
