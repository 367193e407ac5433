import { api, ok } from '../../../api/client';
import type { components } from '../../../api/schema';
import type { Call } from '../../../api/types';

type Schemas = components['schemas'];
export type ApplicationScores = Schemas['ApplicationScoresDto'];
export type HistoryEntry = Schemas['ApplicationHistoryEntryDto'];

/** The application page's history shows this many changes at a time, the oldest first. */
export const HISTORY_PAGE_SIZE = 20;
export const HISTORY_PARAMETER = 'history';

/** Evaluations stay open to change (reopening among them) until the cohort is published. */
export function evaluationsMayChange(call: Call): boolean {
  return call.status !== 'published' && call.status !== 'archived';
}

/**
 * What the secretariat reads about an application's review: every evaluation (an application has a
 * handful; the API's largest page holds them all), who wrote each, its scores, and a page of its history.
 */
export async function loadReview(callId: string, applicationId: string, historyOffset: number) {
  const application = { params: { path: { id: applicationId } } };
  const [evaluations, panel, result, history] = await Promise.all([
    ok(api.GET('/api/v1/applications/{id}/evaluations', { params: { ...application.params, query: { limit: 500 } } })),
    ok(api.GET('/api/v1/calls/{id}/panel', { params: { path: { id: callId } } })),
    ok(api.GET('/api/v1/calls/{id}/results/{applicationId}', { params: { path: { id: callId, applicationId } } })),
    ok(
      api.GET('/api/v1/applications/{id}/history', {
        params: { ...application.params, query: { limit: HISTORY_PAGE_SIZE, offset: historyOffset } },
      }),
    ),
  ]);
  const names = new Map(panel.members.map((m) => [m.evaluatorId, m.displayName]));
  return {
    evaluations: evaluations.items.map((e) => ({ ...e, evaluatorName: names.get(e.evaluatorId) ?? '' })),
    scores: result.result,
    history: { ...history, offset: historyOffset },
  };
}

export type Review = Awaited<ReturnType<typeof loadReview>>;
export type ReviewedEvaluation = Review['evaluations'][number];
