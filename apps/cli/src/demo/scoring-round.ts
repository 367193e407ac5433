import { ApiClient } from './api-client';
import { Progress } from './progress';
import { until } from './wait';

export interface RankedRow {
  rank: number;
  applicationId: string;
  organisation: { name: string; countryCode: string; region: string };
  score: number;
  rawScore: number;
  normalizedScore: number;
  evaluationCount: number;
  spread: number;
  needsModeration: boolean;
  /** A moderator's consensus score, which ranks the application instead of `score`; null when none. */
  consensusScore: number | null;
  /** Of a calibrated stage: the chance of a seat and the 90% rank interval from the bootstrap; null otherwise. */
  uncertainty: { probabilityInCohort: number; rankInterval: { lower: number; upper: number } } | null;
}

/** A stage's ranking and how far its evaluators agreed. */
export interface StageRanking {
  ranking: RankedRow[];
  interRaterReliability: number | null;
}

export interface ScoringOutcome extends StageRanking {
  /** The evaluations the full rescoring run went through (its timing is left out: the report stays the same run to run). */
  run: { evaluations: number };
}

interface ScoringStatus {
  upToDate: boolean;
  pending: number;
}

interface ScoringRun {
  id: string;
  status: 'queued' | 'running' | 'completed' | 'failed';
  total: number;
  done: number;
  error?: string | null;
}

const TIMEOUT_MS = 120_000;

/**
 * Scoring as the secretariat follows it: the worker scores each evaluation as it is submitted, so
 * the demo first waits until the results reflect all of them; then it asks for a full rescoring
 * run, as the secretariat would before proposing a cohort, and follows its progress.
 */
export async function playScoringRound(api: ApiClient, secretariat: string, callId: string): Promise<ScoringOutcome> {
  await catchUp(api, secretariat, callId);
  const run = await rescore(api, secretariat, callId);
  return { ...(await rankedStage(api, secretariat, callId, 1)), run };
}

/** A stage's ranking once the results reflect every submitted evaluation (and moderator's decision). */
export async function rankedStage(
  api: ApiClient,
  secretariat: string,
  callId: string,
  stage: number,
): Promise<StageRanking> {
  await catchUp(api, secretariat, callId);
  // A calibrated stage's rank intervals come from a bootstrap the worker runs after the scoring.
  const statistics = await until(
    `the rank intervals of stage ${stage}`,
    () => api.request<StageStatistics>('GET', `/calls/${callId}/statistics?stage=${stage}`, { token: secretariat }),
    (s) => s.calibration === null || s.calibration.uncertainty.status === 'current',
    { timeoutMs: TIMEOUT_MS },
  );
  const ranking = await api.request<{ items: RankedRow[] }>(
    'GET',
    `/calls/${callId}/ranking?stage=${stage}&limit=500`,
    { token: secretariat },
  );
  return { ranking: ranking.items, interRaterReliability: statistics.interRaterReliability };
}

interface StageStatistics {
  interRaterReliability: number | null;
  calibration: { uncertainty: { status: 'current' | 'stale' | 'pending' } } | null;
}

/** Waits until every submitted evaluation is reflected in the results (computed from the database). */
async function catchUp(api: ApiClient, secretariat: string, callId: string): Promise<void> {
  let first: number | undefined;
  const progress = new Progress('Scoring', 1);
  await until(
    'the scores to reflect every submitted evaluation',
    () => api.request<ScoringStatus>('GET', `/calls/${callId}/scoring-status`, { token: secretariat }),
    (status) => status.upToDate,
    {
      timeoutMs: TIMEOUT_MS,
      onProbe: (status) => {
        first ??= Math.max(1, status.pending);
        progress.report(first - status.pending, `${status.pending} evaluation(s) still to reflect`, first);
      },
    },
  );
  progress.finish('scores up to date');
}

/** A full rescoring run, fanned out in chunks by the worker; its progress drives the bar. */
async function rescore(api: ApiClient, secretariat: string, callId: string): Promise<ScoringOutcome['run']> {
  const requested = await api.request<ScoringRun>('POST', `/calls/${callId}/scoring-runs`, { token: secretariat });
  const progress = new Progress('Rescoring', 1);
  const run = await until(
    `scoring run ${requested.id} to finish`,
    () => api.request<ScoringRun>('GET', `/scoring-runs/${requested.id}`, { token: secretariat }),
    (r) => r.status === 'completed' || r.status === 'failed',
    {
      timeoutMs: TIMEOUT_MS,
      intervalMs: 100,
      onProbe: (r) => progress.report(r.done, `full run ${r.status}: ${r.done}/${r.total} evaluations`, r.total),
    },
  );
  if (run.status === 'failed') throw new Error(`Scoring run ${run.id} failed: ${run.error ?? 'no error given'}`);
  progress.finish('full run completed');
  // A run counts its work in evaluations, not in applications.
  return { evaluations: run.total };
}
