import { scoreCall } from '@app/scoring';
import { TestApi } from './test-app';

/** The criteria of the default test call (fixtures.callBody). */
export const DEFAULT_CRITERIA = [
  { code: 'IMPACT', weight: 0.6 },
  { code: 'CAPACITY', weight: 0.4 },
];

export interface ScoringStatus {
  upToDate: boolean;
  pending: number;
  lastComputedAt: string | null;
}

export async function scoringStatus(api: TestApi, token: string, callId: string): Promise<ScoringStatus> {
  return (await api.get(`/api/v1/calls/${callId}/scoring-status`, { token })).body as ScoringStatus;
}

/**
 * Recomputes a z-score call of the default criteria from the evaluations the API shows, with the
 * reference implementation: what /ranking must equal.
 */
export async function independentScores(
  api: TestApi,
  token: string,
  applicationIds: string[],
  criteria = DEFAULT_CRITERIA,
) {
  const evaluations = [];
  const applications = [];
  for (const id of applicationIds) {
    const application = await api.get(`/api/v1/applications/${id}`, { token });
    applications.push({ id, submittedAt: new Date(application.body.submittedAt), rankable: true });
    const listed = await api.get(`/api/v1/applications/${id}/evaluations`, { token });
    for (const e of listed.body.items.filter((x: { status: string }) => x.status === 'submitted')) {
      evaluations.push({ applicationId: id, evaluatorId: e.evaluatorId, scores: e.scores });
    }
  }
  return scoreCall({
    criteria,
    scale: { scaleMin: 0, scaleMax: 10 },
    normalization: 'zscore',
    disagreementThreshold: 30,
    applications,
    evaluations,
  });
}

/**
 * The call's ranking equals the reference recomputation, figure by figure (1e-9), rank by rank.
 * Answers the ranking's items and the evaluations they reflect.
 */
export async function expectRankingReflectsEvaluations(
  api: TestApi,
  token: string,
  callId: string,
  applicationIds: string[],
): Promise<{ items: Array<Record<string, unknown>>; evaluations: number }> {
  const ranking = await api.get(`/api/v1/calls/${callId}/ranking`, { token });
  expect(ranking.status).toBe(200);
  const expected = (await independentScores(api, token, applicationIds)).applications;
  expect(ranking.body.items).toHaveLength(expected.length);
  for (const [index, item] of ranking.body.items.entries()) {
    const reference = expected[index];
    expect(item.applicationId).toBe(reference.applicationId);
    expect(item.rank).toBe(reference.rank);
    expect(item.evaluationCount).toBe(reference.evaluationCount);
    for (const field of ['score', 'rawScore', 'normalizedScore', 'spread', 'stdDev'] as const) {
      expect(Math.abs(item[field] - reference[field])).toBeLessThan(1e-9);
    }
  }
  const items = ranking.body.items as Array<Record<string, unknown> & { evaluationCount: number }>;
  return { items, evaluations: items.reduce((sum, i) => sum + i.evaluationCount, 0) };
}
