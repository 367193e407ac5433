import { api, ok } from '../../api/client';

/**
 * Fetches the public document afresh and recomputes its hash as DESIGN §6 defines it: SHA-256 of
 * the document less `contentHash`, in canonical JSON (keys sorted by UTF-16 code units, as
 * Array.prototype.sort does; no whitespace; UTF-8).
 */
export async function verifyContentHash(cohortId: string): Promise<'matches' | 'differs'> {
  const served = await ok(api.GET('/api/v1/public/cohorts/{id}', { params: { path: { id: cohortId } } }));
  const { contentHash, ...rest } = served;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonicalJson(rest)));
  const hex = Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
  return hex === contentHash ? 'matches' : 'differs';
}

function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const object = value as Record<string, unknown>;
  const members = Object.keys(object)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`);
  return `{${members.join(',')}}`;
}
