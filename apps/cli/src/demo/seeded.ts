import { createHash } from 'node:crypto';

/**
 * Draws keyed by what they are about rather than taken from one running sequence: a score depends
 * on (seed, centre, evaluator, criterion) only, never on the order in which the API happens to list
 * assignments, so a seed gives the same round however the requests interleave.
 */
export function uniform(seed: number, ...key: string[]): number {
  const digest = createHash('sha256')
    .update([String(seed), ...key].join('\u0000'))
    .digest();
  // 48 bits: plenty for a demo, and exact in a double.
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

/** A standard normal draw (Box–Muller over two keyed uniforms). */
export function gaussian(seed: number, ...key: string[]): number {
  const u = 1 - uniform(seed, ...key, 'u'); // in (0, 1], so the logarithm is finite
  const v = uniform(seed, ...key, 'v');
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** A keyed integer in [min, max]. */
export function integerBetween(min: number, max: number, seed: number, ...key: string[]): number {
  return min + Math.floor(uniform(seed, ...key) * (max - min + 1));
}

/** A keyed pick from a list. */
export function pick<T>(items: readonly T[], seed: number, ...key: string[]): T {
  return items[Math.floor(uniform(seed, ...key) * items.length)];
}
