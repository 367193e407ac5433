import { createHash } from 'node:crypto';

/**
 * Canonical JSON (DESIGN §6) written again, independently of the platform's, so that a test that
 * recomputes a published hash with it checks the rule rather than the platform against itself.
 */
export function independentCanonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(independentCanonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${independentCanonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The SHA-256 (hex) of a document in that canonical JSON, as a published hash is defined. */
export function independentHashOf(document: unknown): string {
  return createHash('sha256').update(independentCanonicalJson(document), 'utf8').digest('hex');
}
