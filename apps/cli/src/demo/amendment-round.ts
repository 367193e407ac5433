import { ApiClient } from './api-client';
import { DEMO_CENTRES, centreEmail } from './demo-data';
import { DEMO_PASSWORD } from './intake-round';
import { Progress } from './progress';
import { SelectionOutcome, hashOf } from './selection-round';
import { heading } from './text-table';

interface Amendment {
  sequence: number;
  kind: string;
  at: string;
  centre: { name: string };
  previousHash: string;
  hash: string;
  reason?: string;
}

export interface AmendmentOutcome {
  declined: { name: string; reason: string };
  promoted: { name: string; rank: number };
  publishedHash: string;
  amendments: Amendment[];
  /** Whether each amendment's hash is the SHA-256 of the rest of it, and names the hash before it. */
  chainVerified: boolean;
}

const DECLINE_REASON = 'Our board cannot commit mentors to the programme next year.';

/**
 * After publication: the last-ranked member declines its offer, with a reason; the secretariat
 * offers the freed seat to the replacement the platform proposes; anyone then verifies the
 * amendment chain from the published hash.
 */
export async function playAmendmentRound(
  api: ApiClient,
  secretariat: string,
  selection: SelectionOutcome,
): Promise<AmendmentOutcome> {
  const progress = new Progress('Offers', 3);
  const cohortId = selection.published.id;
  const member = [...selection.published.members].sort((a, b) => b.rank - a.rank)[0]!;
  const centre = DEMO_CENTRES.find((c) => c.name === member.organisation.name)!;
  const token = await api.login(centreEmail(centre), DEMO_PASSWORD);
  await api.request('POST', `/applications/${member.applicationId}/offer/decline`, {
    token,
    body: { reason: DECLINE_REASON },
  });
  progress.step(`${centre.name} declined its place`);
  const { proposed } = await api.request<{
    proposed: { applicationId: string; organisationName: string; rank: number };
  }>('GET', `/cohorts/${cohortId}/replacement`, { token: secretariat });
  await api.request('POST', `/cohorts/${cohortId}/promotions`, {
    token: secretariat,
    body: { applicationId: proposed.applicationId },
  });
  progress.step(`${proposed.organisationName} promoted`);
  const { items } = await api.request<{ items: Amendment[] }>('GET', `/public/cohorts/${cohortId}/amendments`);
  progress.finish('amendment chain fetched');
  const publishedHash = selection.document.contentHash;
  const chainVerified = chainVerifies(publishedHash, items);
  return {
    declined: { name: centre.name, reason: DECLINE_REASON },
    promoted: { name: proposed.organisationName, rank: proposed.rank },
    publishedHash,
    amendments: items,
    chainVerified,
  };
}

/** Whether each amendment's hash is the SHA-256 of the rest of it and the next one names it, from the published hash on. */
export function chainVerifies(
  publishedHash: string,
  amendments: Array<{ hash: string; previousHash: string }>,
): boolean {
  let previous = publishedHash;
  for (const { hash, ...document } of amendments) {
    if (document.previousHash !== previous || hashOf(document) !== hash) return false;
    previous = hash;
  }
  return true;
}

/** The decline, its promotion and the chain of hashes from the published one. */
export function formatAmendments(outcome: AmendmentOutcome): string {
  const lines = heading('After publication: a decline and its promotion');
  lines.push(
    `${outcome.declined.name} declined its place ("${outcome.declined.reason}"); the seat went to the proposed ` +
      `replacement, ${outcome.promoted.name} (ranked ${outcome.promoted.rank}), which was offered it.`,
    '',
    'Amendment chain (each hash is the SHA-256 of its amendment, which names the hash before it):',
    `  0. published   ${outcome.publishedHash}`,
    ...outcome.amendments.map((a) => `  ${a.sequence}. ${a.kind.padEnd(10)}  ${a.hash}  ${a.centre.name}`),
    `The chain verifies from the published hash: ${outcome.chainVerified ? 'yes' : 'NO'}.`,
  );
  return lines.join('\n');
}
