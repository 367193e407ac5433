import fc from 'fast-check';
import { STORED_ENCODINGS, preferredEncoding } from './accept-encoding';

describe('preferredEncoding', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip, deflate', 'gzip'],
    ['br;q=0.5, gzip', 'gzip'],
    ['gzip;q=0, br;q=0', undefined],
    ['*', 'br'],
    ['*;q=0.2, br;q=0', 'gzip'],
    ['identity', undefined],
    ['', undefined],
    [undefined, undefined],
    ['BR', 'br'],
    ['br;q=x', undefined],
  ])('for Accept-Encoding %p sends %p', (accept, expected) => {
    expect(preferredEncoding(accept)).toBe(expected);
  });

  it('sends only a coding the client accepts with a weight above zero, and none of those it weighs less', () => {
    const weighted = fc.record({
      name: fc.constantFrom('br', 'gzip', 'deflate', '*', 'identity'),
      q: fc.integer({ min: 0, max: 1000 }),
    });
    fc.assert(
      fc.property(fc.array(weighted, { maxLength: 6 }), (entries) => {
        const accept = entries.map(({ name, q }) => `${name};q=${q / 1000}`).join(', ');
        const weightOf = (name: string) => {
          const own =
            entries.filter((entry) => entry.name === name).at(-1) ?? entries.filter((e) => e.name === '*').at(-1);
          return own ? own.q : 0;
        };
        const chosen = preferredEncoding(accept);
        const best = Math.max(0, ...STORED_ENCODINGS.map(weightOf));
        if (chosen === undefined) expect(best).toBe(0);
        else expect(weightOf(chosen)).toBe(best);
      }),
    );
  });
});
