import { ApiClient } from './api-client';

export interface RankedRow {
  rank: number;
  organisation: { name: string; countryCode: string; region: string };
  score: number;
  rawScore: number;
  evaluationCount: number;
  needsModeration: boolean;
}

/** Waits until the worker has reflected every submitted evaluation, then reads the ranking. */
export async function awaitRanking(api: ApiClient, secretariat: string, callId: string): Promise<RankedRow[]> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const status = await api.request<{ upToDate: boolean }>('GET', `/calls/${callId}/scoring-status`, {
      token: secretariat,
    });
    if (status.upToDate) break;
    if (Date.now() > deadline) throw new Error('scoring did not catch up within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const ranking = await api.request<{ items: RankedRow[] }>('GET', `/calls/${callId}/ranking`, { token: secretariat });
  return ranking.items;
}

export function formatRanking(rows: RankedRow[]): string {
  const lines = [
    '',
    'Ranking (z-score normalised; raw mean beside it)',
    '-----------------------------------------------',
  ];
  for (const row of rows) {
    const flag = row.needsModeration ? '  needs moderation' : '';
    lines.push(
      `${String(row.rank).padStart(3)}. ${row.organisation.name.slice(0, 34).padEnd(35)} ${row.organisation.countryCode} ` +
        `${row.organisation.region.padEnd(4)} ${row.score.toFixed(2).padStart(6)}  (raw ${row.rawScore.toFixed(2)}, ` +
        `${row.evaluationCount} evaluations)${flag}`,
    );
  }
  return lines.join('\n');
}
