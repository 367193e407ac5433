import { ApiClient } from './api-client';
import { SHORTLIST_SIZE } from './demo-data';
import { Progress } from './progress';
import { EntryOrganisation } from './selection-round';
import { uniform } from './seeded';

export interface ShortlistEntry {
  applicationId: string;
  rank: number | null;
  score: number | null;
  advancing: boolean;
  reason: string;
  note?: string;
  organisation: EntryOrganisation;
}

export interface Shortlist {
  status: 'proposed' | 'confirmed';
  rule: { size?: number; minScore?: number; keepRegionalMinimums: boolean };
  advancing: number;
  entries: { items: ShortlistEntry[]; total: number };
}

export interface ShortlistOutcome {
  proposed: Shortlist;
  amendment?: { heldBack: ShortlistEntry; advanced: ShortlistEntry; reason: string };
  confirmed: Shortlist;
}

/** Reasons the rule held a ranked candidate back; such a candidate may take a freed interview slot. */
const RANKED_HOLD_BACK = ['COHORT_FULL', 'SEAT_RESERVED_FOR_REGION'];

/**
 * The secretariat's shortlist into the panel interview: the best SHORTLIST_SIZE of the written
 * assessment with the call's regional minimums kept feasible for the cohort; one shortlisted centre
 * cannot come to the interviews, and its slot goes to the best-ranked centre of its region held
 * back (an amendment with its written reason); then the shortlist is confirmed.
 */
export async function playShortlistRound(
  api: ApiClient,
  secretariat: string,
  callId: string,
  seed: number,
): Promise<ShortlistOutcome> {
  const progress = new Progress('Shortlist', 3);
  const path = `/calls/${callId}/stages/2/shortlist`;
  await api.request('POST', path, {
    token: secretariat,
    body: { size: SHORTLIST_SIZE, keepRegionalMinimums: true },
  });
  const proposed = await read(api, secretariat, path);
  progress.step(`${proposed.advancing} centres proposed for interview`);
  const amendment = await giveAwayOneSlot(api, secretariat, path, proposed, seed);
  progress.step('one interview slot given to the next centre of its region');
  await api.request('POST', `${path}/confirm`, { token: secretariat });
  const confirmed = await read(api, secretariat, path);
  progress.finish(`shortlist of ${confirmed.advancing} confirmed`);
  return { proposed, amendment, confirmed };
}

/** The whole shortlist: every submitted application of the call with its reason, one page. */
function read(api: ApiClient, secretariat: string, path: string): Promise<Shortlist> {
  return api.request<Shortlist>('GET', `${path}?limit=500`, { token: secretariat });
}

/**
 * Which shortlisted centre withdraws is the seed's choice, among those whose region has a ranked
 * centre held back to take its place.
 */
async function giveAwayOneSlot(
  api: ApiClient,
  secretariat: string,
  path: string,
  proposed: Shortlist,
  seed: number,
): Promise<ShortlistOutcome['amendment']> {
  const entries = proposed.entries.items;
  const advancing = entries
    .filter((e) => e.advancing)
    .sort(
      (a, b) =>
        uniform(seed, 'skips interview', a.organisation.name) - uniform(seed, 'skips interview', b.organisation.name),
    );
  for (const heldBack of advancing) {
    const advanced = entries
      .filter((e) => !e.advancing && RANKED_HOLD_BACK.includes(e.reason) && e.rank !== null)
      .filter((e) => e.organisation.region === heldBack.organisation.region)
      .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity))[0];
    if (!advanced) continue;
    const reason =
      `${heldBack.organisation.name} wrote that its director cannot attend any of the interview dates. Its ` +
      `slot goes to ${advanced.organisation.name}, the best-ranked centre of the same region ` +
      `(${advanced.organisation.region}) held back.`;
    await api.request('PATCH', path, {
      token: secretariat,
      body: { advance: [advanced.applicationId], holdBack: [heldBack.applicationId], reason },
    });
    return { heldBack, advanced, reason };
  }
  return undefined;
}
