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
