import fc from 'fast-check';
import { hostileInputErrors, jsonNestsDeeperThan } from './hostile-input';

const utf8 = (text: string) => Buffer.from(text, 'utf8');

describe('jsonNestsDeeperThan', () => {
  it.each([
    ['[[1]]', 2, false],
    ['[[[1]]]', 2, true],
    ['{"a":{"b":[]}}', 3, false],
    ['{"a":{"b":[{}]}}', 3, true],
    ['{"a":"[[[[[[[["}', 1, false],
    ['{"a":"\\"[[[["}', 1, false],
    ['{"a":"\\\\"}[[', 1, true],
    ['{"é":"ü","x":[["ä"]]}', 2, true],
  ])('scans %s against a limit of %d: deeper = %s', (text, limit, deeper) => {
    expect(jsonNestsDeeperThan(utf8(text), limit)).toBe(deeper);
  });

  it('agrees with the depth of any JSON value, strings with brackets and escapes included', () => {
    const depthOf = (value: unknown): number =>
      typeof value === 'object' && value !== null ? 1 + Math.max(0, ...Object.values(value).map(depthOf)) : 0;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 0, max: 10 }), (value, limit) => {
        expect(jsonNestsDeeperThan(utf8(JSON.stringify(value)), limit)).toBe(depthOf(value) > limit);
      }),
    );
  });

  it('scans a million levels without recursing', () => {
    expect(jsonNestsDeeperThan(utf8('['.repeat(1_000_000)), 64)).toBe(true);
  });
});

describe('hostileInputErrors', () => {
  it('names each NUL character, lone surrogate and prototype key by its path', () => {
    const body = JSON.parse(
      '{"a":"ok","b":"x\\u0000","c":[{"d":"\\ud800"}],"e":{"__proto__":1,"constructor":2},"f\\u0000":3,"g":"\\ud83d\\ude00"}',
    ) as unknown;
    const errors = hostileInputErrors(body);
    expect(errors.map((e) => [e.field, e.code]).sort()).toEqual(
      [
        ['b', 'NUL_CHARACTER'],
        ['c.0.d', 'LONE_SURROGATE'],
        ['e.__proto__', 'UNKNOWN_FIELD'],
        ['e.constructor', 'UNKNOWN_FIELD'],
        ['f\u0000', 'NUL_CHARACTER'],
      ].sort(),
    );
  });

  it('names a number too large for a double (parsed as Infinity)', () => {
    expect(hostileInputErrors(JSON.parse('{"a":[1,-1e400],"b":1e308}'))).toEqual([
      { field: 'a.1', message: 'a.1 must be a finite number', code: 'NOT_FINITE' },
    ]);
  });

  it('puts a root before the path and names a bare value by it', () => {
    expect(hostileInputErrors('a\u0000', 'id')).toEqual([expect.objectContaining({ field: 'id' })]);
    expect(hostileInputErrors({ status: 'a\u0000' }, '')).toEqual([expect.objectContaining({ field: 'status' })]);
  });

  it('finds nothing in well-formed text, emoji and accents included', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const clean = JSON.parse(JSON.stringify(value).replace(/\\u0000/g, '')) as unknown;
        const keys = JSON.stringify(clean).match(/"(__proto__|constructor|prototype)":/);
        fc.pre(keys === null);
        expect(hostileInputErrors(clean)).toEqual([]);
      }),
    );
  });

  it('reports at most twenty problems', () => {
    expect(hostileInputErrors(Array.from({ length: 1000 }, () => '\u0000'))).toHaveLength(20);
  });
});
