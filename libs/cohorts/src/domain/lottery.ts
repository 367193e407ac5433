/**
 * The lottery at the line (issue 16, item 3): the seats the grey zone contends for are filled by lot,
 * by a procedure anyone can recompute with standard tools from what is published.
 *
 * - The secret is 32 random bytes, written as 64 lowercase hexadecimal characters.
 * - The commitment, published before the draw, is the SHA-256 (hex) of those 64 characters (UTF-8).
 * - The lot is drawn among the grey zone's candidates for selection (an application the selection could
 *   not take anyway, being below minScore or short of evaluations, takes no part), frozen in rank order.
 * - Each of them has a key, is the SHA-256 (hex) of `<secret>:<applicationId>`.
 * - The lot order is the candidates by key ascending (as strings; a tie, which SHA-256 makes
 *   unthinkable, by application id).
 * - The candidates' ranks in the ranking, sorted ascending, are dealt out in lot order: the first drawn
 *   takes the best of them. Every other application keeps its rank.
 * - The ordinary selection (./selection) runs on that ranking, so every constraint holds as it would
 *   without the lot.
 */
import { createHash } from 'node:crypto';
import { splitCandidates } from './candidates';
import { InvalidSelectionInputError } from './cohorts.errors';
import { selectCohort } from './selection';
import type { ApplicationForSelection, CohortConstraints, CohortProposal } from './selection.types';

/** Names the procedure above in what is published, so that a later one can be told apart. */
export const LOTTERY_METHOD = 'sha256-lot-order/1';

const SECRET_PATTERN = /^[0-9a-f]{64}$/;

/** A grey-zone candidate as frozen with the commitment: its application and its rank in the ranking. */
export interface LotteryCandidate {
  applicationId: string;
  rank: number;
}

/** A candidate's place in the lot: its key and the rank the lot dealt it. */
export interface DrawnLot {
  applicationId: string;
  key: string;
  /** The rank it held in the ranking. */
  rank: number;
  /** The rank the lot gave it: the lot order's j-th candidate takes the j-th best of the candidates' ranks. */
  drawnRank: number;
}

export interface LotteryDraw {
  /** In lot order. */
  lots: DrawnLot[];
  /** The candidates the selection seated on the drawn ranking, in lot order. */
  seated: string[];
  /** The selection on the drawn ranking; its entries carry their drawn rank. */
  proposal: CohortProposal;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The grey zone's candidates for selection in rank order, each with its rank: whom the lot is drawn among. */
export function lotteryCandidates(
  greyZone: readonly string[],
  applications: readonly ApplicationForSelection[],
  constraints: CohortConstraints,
): LotteryCandidate[] {
  const grey = new Set(greyZone);
  return splitCandidates(applications, constraints)
    .candidates.filter((a) => grey.has(a.applicationId))
    .map(({ applicationId, rank }) => ({ applicationId, rank }));
}

/** The commitment published before the draw. */
export function commitmentOf(secret: string): string {
  assertSecret(secret);
  return sha256(secret);
}

export function lotKey(secret: string, applicationId: string): string {
  return sha256(`${secret}:${applicationId}`);
}

/** The lot order of the candidates and the rank each is dealt; it depends on the set, not on its order. */
export function drawLots(secret: string, candidates: readonly LotteryCandidate[]): DrawnLot[] {
  assertSecret(secret);
  assertDistinct(candidates);
  const ranks = candidates.map((c) => c.rank).sort((a, b) => a - b);
  return candidates
    .map((c) => ({ ...c, key: lotKey(secret, c.applicationId) }))
    .sort((a, b) => codeUnitOrder(a.key, b.key) || codeUnitOrder(a.applicationId, b.applicationId))
    .map(({ applicationId, key, rank }, j) => ({ applicationId, key, rank, drawnRank: ranks[j] }));
}

/**
 * The cohort selected on the ranking the lot deals out. Each candidate must be an application of the
 * ranking at the rank it was frozen with (the caller refuses a stale list before).
 */
export function drawCohort(
  applications: readonly ApplicationForSelection[],
  constraints: CohortConstraints,
  secret: string,
  candidates: readonly LotteryCandidate[],
): LotteryDraw {
  const lots = drawLots(secret, candidates);
  const drawn = new Map(lots.map((lot) => [lot.applicationId, lot.drawnRank]));
  const current = new Map(
    lotteryCandidates(
      candidates.map((c) => c.applicationId),
      applications,
      constraints,
    ).map((c) => [c.applicationId, c.rank]),
  );
  for (const c of candidates) {
    if (current.get(c.applicationId) !== c.rank) {
      throw new InvalidSelectionInputError(`${c.applicationId} is not a candidate at rank ${c.rank}`);
    }
  }
  const proposal = selectCohort(withDrawnRanks(applications, drawn), constraints);
  const members = new Set(proposal.members.map((m) => m.applicationId));
  return { lots, seated: lots.filter((lot) => members.has(lot.applicationId)).map((l) => l.applicationId), proposal };
}

/** The ranking with the lot's ranks in place of the candidates' own; the rest as it was. */
export function withDrawnRanks<T extends { applicationId: string; rank: number | null }>(
  applications: readonly T[],
  drawnRanks: ReadonlyMap<string, number>,
): T[] {
  return applications.map((a) => {
    const drawnRank = drawnRanks.get(a.applicationId);
    return drawnRank === undefined ? a : { ...a, rank: drawnRank };
  });
}

function assertSecret(secret: string): void {
  if (!SECRET_PATTERN.test(secret)) throw new InvalidSelectionInputError('a secret is 64 lowercase hex characters');
}

function assertDistinct(candidates: readonly LotteryCandidate[]): void {
  const ids = new Set(candidates.map((c) => c.applicationId));
  const ranks = new Set(candidates.map((c) => c.rank));
  if (ids.size !== candidates.length || ranks.size !== candidates.length) {
    throw new InvalidSelectionInputError('a lottery candidate or rank is given twice');
  }
}

function codeUnitOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
