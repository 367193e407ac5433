import { describe, expect, it } from '@jest/globals';
import { MAX_PAGE_SIZE, allPages } from './pages';

/** A list of `total` numbers served as the API serves it: at most MAX_PAGE_SIZE from an offset. */
function servedList(total: number, offsets: number[]) {
  const all = Array.from({ length: total }, (_, i) => i);
  return (offset: number) => {
    offsets.push(offset);
    return Promise.resolve({ items: all.slice(offset, offset + MAX_PAGE_SIZE), total });
  };
}

describe('allPages', () => {
  it('reads a list longer than a page, a page at a time, in order', async () => {
    const offsets: number[] = [];
    const items = await allPages(servedList(1_234, offsets));
    expect(items).toEqual(Array.from({ length: 1_234 }, (_, i) => i));
    expect(offsets).toEqual([0, 500, 1_000]);
  });

  it('reads an empty list with one request', async () => {
    const offsets: number[] = [];
    expect(await allPages(servedList(0, offsets))).toEqual([]);
    expect(offsets).toEqual([0]);
  });

  it('stops at an empty page when the list shrank while it was read', async () => {
    const pages = [
      { items: [1, 2], total: 5 },
      { items: [], total: 2 },
    ];
    expect(await allPages(() => Promise.resolve(pages.shift()!))).toEqual([1, 2]);
  });
});
