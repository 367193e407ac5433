/** The content codings the web app's assets are stored in beside their plain bytes, the smallest first. */
export const STORED_ENCODINGS = ['br', 'gzip'] as const;

export type StoredEncoding = (typeof STORED_ENCODINGS)[number];

/**
 * The coding to send a client whose request says `accept` (an Accept-Encoding header), among
 * `available` in the server's order of preference, or undefined for the plain bytes. The server's
 * order breaks ties: browsers list gzip before br at the same weight, and br is the smaller.
 */
export function preferredEncoding(
  accept: string | undefined,
  available: readonly StoredEncoding[] = STORED_ENCODINGS,
): StoredEncoding | undefined {
  const weights = new Map<string, number>();
  for (const part of (accept ?? '').split(',')) {
    const [name, ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
    if (!name) continue;
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  let best: StoredEncoding | undefined;
  let bestWeight = 0;
  for (const encoding of available) {
    const weight = weights.get(encoding) ?? weights.get('*') ?? 0;
    if (weight > bestWeight) [best, bestWeight] = [encoding, weight];
  }
  return best;
}
