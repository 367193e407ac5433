import fc from 'fast-check';
import { canonicalJson } from './canonical-json';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Keys that trip naive implementations: integer-like ones (engines list them first) and prototype names. */
const key = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.nat({ max: 30 }).map(String),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'a b', 'é', 'Z', 'z'),
);

const leaf = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 8 }),
);

const { json } = fc.letrec<{ json: Json; array: Json[]; object: { [key: string]: Json } }>((tie) => ({
  json: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('json'), { maxLength: 4 }),
  // Object.fromEntries defines own properties, so '__proto__' stays a plain key.
  object: fc
    .uniqueArray(fc.tuple(key, tie('json')), { selector: ([k]) => k, maxLength: 5 })
    .map((entries) => Object.fromEntries(entries)),
}));

/** A copy of the value with the keys of every nested object inserted in another order. */
function reorder(value: Json, seed: number): Json {
  let state = seed >>> 0 || 1;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const visit = (v: Json): Json => {
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map(visit);
    const entries = Object.entries(v).map(([k, child]): [string, Json] => [k, visit(child)]);
    for (let i = entries.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [entries[i], entries[j]] = [entries[j], entries[i]];
    }
    return Object.fromEntries(entries);
  };
  return visit(value);
}

/** Structural equality as JSON sees it: key order ignored, -0 equal to 0. */
function jsonEqual(a: Json, b: Json): boolean {
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  }
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && jsonEqual(a[k], b[k]))
  );
}

/** Whether a key would be listed by the engine before string keys, whatever the insertion order. */
const isArrayIndex = (k: string) => /^(0|[1-9]\d*)$/.test(k) && Number(k) < 2 ** 32 - 1;

describe('canonicalJson', () => {
  it('sorts keys recursively and leaves arrays in order', () => {
    const value = { b: 1, a: { d: [3, { y: 1, x: 2 }, 1], c: null }, A: true };
    expect(canonicalJson(value)).toBe('{"A":true,"a":{"c":null,"d":[3,{"x":2,"y":1},1]},"b":1}');
  });

  it('drops keys whose value is undefined, at any depth', () => {
    expect(canonicalJson({ a: undefined, b: 1, c: { d: undefined } })).toBe('{"b":1,"c":{}}');
    expect(canonicalJson({ x: undefined })).toBe(canonicalJson({}));
  });

  it('writes dates as ISO 8601 in UTC, also when nested', () => {
    const at = new Date(Date.UTC(2030, 0, 2, 3, 4, 5, 6));
    expect(canonicalJson({ at, list: [at] })).toBe(
      '{"at":"2030-01-02T03:04:05.006Z","list":["2030-01-02T03:04:05.006Z"]}',
    );
  });

  it('serialises scalars as JSON does', () => {
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson('a "quoted" \n line')).toBe(JSON.stringify('a "quoted" \n line'));
    expect(canonicalJson(1.5)).toBe('1.5');
    expect(canonicalJson(false)).toBe('false');
  });

  it('keeps __proto__ as an ordinary key', () => {
    const value = JSON.parse('{"b":1,"__proto__":{"polluted":true}}') as unknown;
    expect(canonicalJson(value)).toBe('{"__proto__":{"polluted":true},"b":1}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('is invariant under any reordering of the keys of nested objects', () => {
    fc.assert(
      fc.property(json, fc.integer(), (value, seed) => {
        expect(canonicalJson(reorder(value, seed))).toBe(canonicalJson(value));
      }),
      { numRuns: 300 },
    );
  });

  it('gives two values the same text exactly when they are equal as JSON', () => {
    const pair = fc.oneof(
      fc.tuple(json, json),
      json.chain((a) =>
        fc.tuple(
          fc.constant(a),
          fc.integer().map((seed) => reorder(a, seed)),
        ),
      ),
    );
    fc.assert(
      fc.property(pair, ([a, b]) => {
        expect(canonicalJson(a) === canonicalJson(b)).toBe(jsonEqual(a, b));
      }),
    );
  });

  it('round-trips: parsing the output and serialising again gives the same text', () => {
    fc.assert(
      fc.property(json, (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        // No insignificant whitespace: as long as JSON.stringify's output (which has none), keys aside.
        expect(text).toHaveLength(JSON.stringify(JSON.parse(text)).length);
      }),
    );
  });

  it('keeps the order of array elements', () => {
    fc.assert(
      fc.property(fc.array(json, { maxLength: 6 }), (items) => {
        expect(canonicalJson(items)).toBe(`[${items.map((item) => canonicalJson(item)).join(',')}]`);
      }),
    );
  });

  it('equals JSON.stringify of the same value built with its keys already sorted', () => {
    const plainKey = key.filter((k) => !isArrayIndex(k));
    const { sortedJson } = fc.letrec<{ sortedJson: Json; object: { [key: string]: Json } }>((tie) => ({
      sortedJson: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('sortedJson'), { maxLength: 3 }), tie('object')),
      object: fc
        .uniqueArray(fc.tuple(plainKey, tie('sortedJson')), { selector: ([k]) => k, maxLength: 5 })
        .map((entries) => Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))),
    }));
    fc.assert(
      fc.property(sortedJson, fc.integer(), (value, seed) => {
        expect(canonicalJson(reorder(value, seed))).toBe(JSON.stringify(value));
      }),
    );
  });

  it('writes an object as its sorted keys with canonical values', () => {
    fc.assert(
      fc.property(json, (value) => {
        if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
        // Every key sorted as a string, integer-like ones included (engines would list those first).
        const body = Object.keys(value)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`);
        expect(canonicalJson(value)).toBe(`{${body.join(',')}}`);
      }),
    );
  });

  it('ignores keys with undefined values when comparing', () => {
    fc.assert(
      fc.property(json, fc.uniqueArray(fc.string({ maxLength: 4 }), { maxLength: 3 }), (value, extra) => {
        const wrapper: Record<string, unknown> = { value };
        for (const k of extra) if (k !== 'value') wrapper[k] = undefined;
        expect(canonicalJson(wrapper)).toBe(canonicalJson({ value }));
      }),
    );
  });
});
