import { eventually } from './async';
import { scoringStatus } from './scoring';
import { TestApi } from './test-app';

/** The two stages the review-stage suites play: a written assessment, then a panel interview. */
export interface StageScale {
  scaleMin: number;
  scaleMax: number;
  normalization: 'none' | 'zscore';
  disagreementThreshold: number;
}
export const WRITTEN: StageScale = { scaleMin: 0, scaleMax: 10, normalization: 'zscore', disagreementThreshold: 30 };
export const INTERVIEW: StageScale = { scaleMin: 1, scaleMax: 5, normalization: 'none', disagreementThreshold: 30 };
export const WRITTEN_CRITERIA = [
  { code: 'IMPACT', weight: 0.6 },
  { code: 'CAPACITY', weight: 0.4 },
];
export const INTERVIEW_CRITERIA = [
  { code: 'PITCH', weight: 2 },
  { code: 'PLAN', weight: 1 },
];

export type Scores = Array<{ criterionCode: string; score: number }>;

type Query = Record<string, string | number>;

/** The secretariat's requests under /api/v1, with the token read when each is sent (it is set in beforeAll). */
export function secretariatRequests(api: () => TestApi, token: () => string) {
  return {
    get: (path: string, query?: Query) => api().get(`/api/v1${path}`, { token: token(), query }),
    post: (path: string, body?: unknown, query?: Query) =>
      api().post(`/api/v1${path}`, { token: token(), body, query }),
    /** Resolves once the call's scoring has caught up with every submitted evaluation. */
    upToDate: (callId: string) =>
      eventually(
        () => scoringStatus(api(), token(), callId),
        (s) => s.upToDate,
      ),
  };
}
