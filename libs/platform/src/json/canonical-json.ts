/**
 * Canonical JSON: object keys sorted recursively (by UTF-16 code units, as Array.prototype.sort
 * does), arrays in order, no insignificant whitespace, undefined members left out. Two values that
 * mean the same serialise to the same string whatever order their keys came in, so its SHA-256
 * can be recomputed by anyone. Written out by hand because engines list integer-like keys first.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value))
    return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  const object = value as Record<string, unknown>;
  const members = Object.keys(object)
    .filter((key) => object[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`);
  return `{${members.join(',')}}`;
}
