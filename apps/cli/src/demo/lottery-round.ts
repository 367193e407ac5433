import { createHash } from 'node:crypto';
import { ApiClient } from './api-client';
import { until } from './wait';

interface LotteryCandidate {
  applicationId: string;
  rank: number;
}

interface LotteryCommitment {
  commitment: string;
  committedAt: string;
  candidates: LotteryCandidate[];
  secret: string | null;
}

interface CohortLottery {
  greyZone: string[];
  commitment: LotteryCommitment | null;
}

/** The `lottery` member of a published cohort's public document (docs/rules.md, "The lottery at the line"). */
export interface PublishedLottery {
  method: string;
  commitment: string;
  committedAt: string;
  secret: string;
  drawnAt: string;
  greyZone: LotteryCandidate[];
  lotOrder: Array<{ applicationId: string; key: string; drawnRank: number }>;
  seated: Array<{ applicationId: string; name: string }>;
}

/** What the demo checked of the lottery, from public sources only. */
export interface LotteryCheck {
  /** The commitment was listed publicly (GET /public/calls/:id/lottery-commitments) before the draw, secret withheld. */
  listedBeforeDraw: boolean;
  /** SHA-256 of the published secret is the published commitment. */
  commitmentMatches: boolean;
  /** The keys, the lot order and the dealt ranks recomputed from the secret and the grey zone are those published. */
  lotOrderMatches: boolean;
}

const TIMEOUT_MS = 120_000;

/**
 * A weighted final ranking's rank intervals come from a bootstrap the worker runs after the last
 * scoring; the proposal's grey zone reads them only when they are of the current results.
 */
export async function awaitFinalRankingUncertainty(api: ApiClient, secretariat: string, callId: string) {
  await until(
    'the rank intervals of the final ranking',
    () =>
      api.request<{ finalRankingUncertainty: { status: string } | null }>('GET', `/calls/${callId}/statistics`, {
        token: secretariat,
      }),
    (s) => s.finalRankingUncertainty?.status === 'current',
    { timeoutMs: TIMEOUT_MS },
  );
}

/**
 * The secretariat has the seats at the line drawn by lot among the proposal's grey zone: it commits
 * to a secret (whose SHA-256 anyone can read at once, the secret withheld), then draws, which
 * reveals the secret and selects on the drawn ranking. Answers whether the commitment was public
 * before the draw; nothing is drawn when the proposal has no grey zone.
 */
export async function drawAtTheLine(
  api: ApiClient,
  secretariat: string,
  callId: string,
  cohortId: string,
): Promise<{ drawn: boolean; listedBeforeDraw: boolean }> {
  const state = await api.request<CohortLottery>('GET', `/cohorts/${cohortId}/lottery`, { token: secretariat });
  if (state.greyZone.length === 0) return { drawn: false, listedBeforeDraw: false };
  const { commitment } = await api.request<CohortLottery>('POST', `/cohorts/${cohortId}/lottery/commitments`, {
    token: secretariat,
  });
  const listed = await api.request<{ items: LotteryCommitment[] }>(
    'GET',
    `/public/calls/${callId}/lottery-commitments?limit=500`,
  );
  const listedBeforeDraw = listed.items.some((c) => c.commitment === commitment?.commitment && c.secret === null);
  await api.request('POST', `/cohorts/${cohortId}/lottery/draw`, { token: secretariat });
  return { drawn: true, listedBeforeDraw };
}

/** The published draw recomputed with SHA-256 alone, as any reader of the public document can. */
export function recomputeLottery(lottery: PublishedLottery): Omit<LotteryCheck, 'listedBeforeDraw'> {
  const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
  const keyed = lottery.greyZone.map((c) => ({ ...c, key: sha256(`${lottery.secret}:${c.applicationId}`) }));
  const byText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  const order = [...keyed].sort((a, b) => byText(a.key, b.key) || byText(a.applicationId, b.applicationId));
  const ranks = keyed.map((c) => c.rank).sort((a, b) => a - b);
  const recomputed = order.map((c, i) => ({ applicationId: c.applicationId, key: c.key, drawnRank: ranks[i] }));
  return {
    commitmentMatches: sha256(lottery.secret) === lottery.commitment,
    lotOrderMatches:
      recomputed.length === lottery.lotOrder.length &&
      recomputed.every((lot, i) => {
        const published = lottery.lotOrder[i];
        return (
          lot.applicationId === published.applicationId &&
          lot.key === published.key &&
          lot.drawnRank === published.drawnRank
        );
      }),
  };
}
