import { api } from '../../api/client';
import type { Call } from '../../api/types';
import { inReaderLanguage } from '../../shared/call-texts';

/**
 * The call of each id, or null when the applicant may not read it: the API shows only open and
 * published calls to applicants, so a call being closed or reviewed is out of sight meanwhile.
 */
export async function callsOf(ids: string[]): Promise<Map<string, Call | null>> {
  const unique = [...new Set(ids)];
  const calls = await Promise.all(
    unique.map(async (id) => (await api.GET('/api/v1/calls/{id}', { params: { path: { id } } })).data ?? null),
  );
  // The call's texts in the reader's language (English where not translated).
  return new Map(unique.map((id, i) => [id, calls[i] ? inReaderLanguage(calls[i]) : null]));
}
