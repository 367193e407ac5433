import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import type { JsonValue } from './fuzz-examples';

/**
 * The hostile values of the fuzz test: what a body field, a path segment, a query parameter or a
 * header may be replaced with. Each list names a class of input that once broke, or could break, a
 * layer between the socket and the database.
 */

/** Stands for JSON text that JSON.stringify cannot write; replaced in the serialised body. */
export const RAW = {
  deepObject: '@@RAW:deep-object@@',
  deepArray: '@@RAW:deep-array@@',
  hugeNumber: '@@RAW:huge-number@@',
  longNumber: '@@RAW:long-number@@',
} as const;

const NESTING = 5_000;
const RAW_TEXT: Record<string, string> = {
  [RAW.deepObject]: `${'{"a":'.repeat(NESTING)}1${'}'.repeat(NESTING)}`,
  [RAW.deepArray]: `${'['.repeat(NESTING)}${']'.repeat(NESTING)}`,
  [RAW.hugeNumber]: '1e400',
  [RAW.longNumber]: '1'.repeat(400),
};

/** JSON text of `value`, with the RAW placeholders replaced by the text they stand for. */
export function jsonText(value: unknown): string {
  let text = JSON.stringify(value) ?? 'null';
  for (const [placeholder, raw] of Object.entries(RAW_TEXT)) text = text.split(JSON.stringify(placeholder)).join(raw);
  return text;
}

export const LONG_STRING = 'x'.repeat(100_000);

const HOSTILE_SCALARS: JsonValue[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  -0.000001,
  1e20,
  -1e20,
  1e308,
  2 ** 53 + 2,
  'NaN',
  'Infinity',
  '1e20',
  '-1',
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u202egnp.exe',
  'line\r\nbreak',
  "'; DROP TABLE users; --",
  '=HYPERLINK("http://x")',
  '00000000-0000-0000-0000-000000000000',
  '2026-02-30T25:61:00Z',
  '275760-09-13T00:00:00.001Z',
  '0000-01-01T00:00:00Z',
  [],
  {},
  [null],
  { a: { b: [] } },
  RAW.deepObject,
  RAW.deepArray,
  RAW.hugeNumber,
  RAW.longNumber,
];

/** A value of the wrong type, shape or size for whatever field it replaces. */
export const hostileValue: fc.Arbitrary<JsonValue> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_SCALARS) },
  { weight: 1, arbitrary: fc.constant(LONG_STRING) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<JsonValue> },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.double() },
);

/** Keys that must be refused as unknown fields, never merged into an object. */
const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra', '', '\u0000', 'k'.repeat(300));

/** The example with one thing changed: a field removed, replaced, added, or an object and an array swapped. */
export function mutatedJson(example: JsonValue): fc.Arbitrary<JsonValue> {
  const paths = pathsOf(example);
  return fc
    .record({
      path: fc.constantFrom(...paths),
      kind: fc.constantFrom('remove', 'replace', 'replace', 'replace', 'extra', 'swap'),
      value: hostileValue,
      key: hostileKey,
    })
    .map(({ path, kind, value, key }) => {
      const copy = structuredClone(example);
      if (path.length === 0) return kind === 'extra' && isObject(copy) ? withKey(copy, key, value) : value;
      const parent = at(copy, path.slice(0, -1)) as Record<string, JsonValue> | JsonValue[];
      const last = path[path.length - 1]!;
      const current = (parent as Record<string, JsonValue>)[last]!;
      if (kind === 'remove') {
        if (Array.isArray(parent)) parent.splice(Number(last), 1);
        else delete parent[last];
      } else if (kind === 'extra' && isObject(current)) withKey(current, key, value);
      else if (kind === 'swap') (parent as Record<string, JsonValue>)[last] = swapped(current);
      else (parent as Record<string, JsonValue>)[last] = value;
      return copy;
    });
}

/** Own enumerable property, even for `__proto__`, so that JSON.stringify writes it. */
function withKey(target: Record<string, JsonValue>, key: string, value: JsonValue): JsonValue {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

function swapped(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return Object.fromEntries(value.map((item, i) => [String(i), item]));
  if (isObject(value)) return [value];
  return [value];
}

function pathsOf(value: JsonValue, prefix: string[] = []): string[][] {
  const children = Array.isArray(value)
    ? value.map((v, i) => [String(i), v] as const)
    : isObject(value)
      ? Object.entries(value)
      : [];
  return [prefix, ...children.flatMap(([key, child]) => pathsOf(child, [...prefix, key]))];
}

function at(value: JsonValue, path: string[]): JsonValue {
  return path.reduce<JsonValue>((node, key) => (node as Record<string, JsonValue>)[key]!, value);
}

function isObject(value: unknown): value is Record<string, JsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON-ish text that no parser should accept; `example` is the valid text it may be cut from. */
export function invalidJson(example: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.nat({ max: Math.max(example.length - 1, 0) }).map((cut) => example.slice(0, cut)),
    fc.constantFrom(
      '{',
      '{"a":}',
      "{'a':1}",
      '{"a":1,}',
      'undefined',
      'NaN',
      '\u0000',
      '{"a":"\\u00zz"}',
      '{"a":1}{"b":2}',
      `\ufeff${example}`,
      `${example}garbage`,
      '',
    ),
  );
}

/** A body sent under a content type other than JSON, or JSON under a charset the server cannot read. */
export function wrongContentType(example: string): fc.Arbitrary<{ contentType: string; body: string }> {
  return fc.constantFrom(
    { contentType: 'text/plain', body: example },
    { contentType: 'application/x-www-form-urlencoded', body: 'a=1&__proto__[x]=1&answers[programme]=x' },
    {
      contentType: 'multipart/form-data; boundary=fuzz',
      body: '--fuzz\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--fuzz--\r\n',
    },
    { contentType: 'application/xml', body: '<a>1</a>' },
    { contentType: 'application/json; charset=utf-16', body: example },
    { contentType: 'application/json; charset=x-unknown', body: example },
    { contentType: 'application/octet-stream', body: example },
  );
}

/** Path segments that are not an id, already percent-encoded as they go on the wire. */
export const BAD_IDS = [
  'not-a-uuid',
  '0',
  '-1',
  '1e20',
  'null',
  '%00',
  '%ED%A0%80',
  '%',
  '%zz',
  `${randomUUID()}%00`,
  `${randomUUID()}%20`,
  `%7B${randomUUID()}%7D`,
  randomUUID().toUpperCase(),
  `g${randomUUID().slice(1)}`,
  '00000000-0000-0000-0000-000000000000',
  'x'.repeat(3_000),
  "1'%20OR%20'1'%3D'1",
  '%C3%A9t%C3%A9',
];

/** Query values (percent-encoded) that no parameter takes. */
export const BAD_QUERY_VALUES = [
  '1e20',
  '-1',
  '1.5',
  'NaN',
  'Infinity',
  '',
  '%00',
  'abc',
  '0x10',
  '9007199254740993',
  '%ED%A0%80',
  '%',
  'x'.repeat(5_000),
];

/** If-Match values that are not the quoted version the contract asks for. */
export const BAD_IF_MATCH = ['', '*', '"abc"', 'W/"1"', '"1e20"', '"-1"', '"99999999999999999999"', '1', '"1.5"', '""'];

/** Headers that any route may read (the problem's language, caching, negotiation), garbled. */
export const BAD_HEADERS: Array<Record<string, string>> = [
  { 'Accept-Language': '*' },
  { 'Accept-Language': 'fr;q=abc, en;q=-1' },
  { 'Accept-Language': 'x'.repeat(4_000) },
  { 'If-None-Match': '"' },
  { 'If-None-Match': `W/"${'f'.repeat(64)}", *, "` },
  { Accept: 'application/xml' },
  { Accept: 'text/csv;q=NaN' },
  { 'Content-Encoding': 'gzip' },
];

/** Authorization headers that identify nobody. */
export const BAD_AUTHORIZATION = [
  'Bearer garbage',
  'Bearer ',
  'Basic YWRtaW46YWRtaW4=',
  'Bearer a.b.c',
  'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIwIn0.',
];
