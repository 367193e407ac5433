/**
 * The bookkeeping of a rescoring, stage by stage: what changed in the kept totals, what each stage's
 * scoring wrote, and how they add up to what a scoring of the call answers.
 */
import type { TotalCount } from '../domain/call-moments';

/** A stage of a call, which incremental scoring keeps its aggregates by. */
export interface StageKey {
  callId: string;
  stage: number;
  /** Scored by the calibration fit (normalization `calibrated`) instead of the z-score moments. */
  calibrated: boolean;
}

/**
 * What a scoring of the call wrote: the results written and, when there are some, the calibrated
 * stages whose rank uncertainty no longer matches their fit (a bootstrap is to be requested).
 */
export interface ScoredCall {
  applications: number;
  uncertaintyOutdated?: number[];
}

export interface ScoredStage {
  applications: number;
  uncertaintyOutdated: boolean;
}

/** The applications and evaluators whose kept totals changed. */
export interface ChangedRow {
  applications: string[];
  evaluators: string[];
}

/** What changed in the kept totals: the applications and evaluators concerned, or `every` one. */
export type Changed = ChangedRow | 'every';
export interface Rescored {
  applications: number;
  unscored: number;
}

/** The applications whose stored result a statement wrote. */
export interface Written {
  written: string[];
}

/** Scores a stage's results from what moves (moments or fit), given those written already; then keeps what it used. */
export interface StageScorer {
  score(written: string[]): Promise<Rescored>;
  /** Whether the stage's rank uncertainty is out of date after the scoring. */
  finish(): Promise<boolean>;
}

/** The call's count of results written, and its calibrated stages whose uncertainty is out of date, if any. */
export function scoredCall(stages: ReadonlyArray<ScoredStage & { stage: number }>): ScoredCall {
  const applications = stages.reduce((sum, s) => sum + s.applications, 0);
  const outdated = stages.filter((s) => s.uncertaintyOutdated).map((s) => s.stage);
  return outdated.length > 0 ? { applications, uncertaintyOutdated: outdated } : { applications };
}

export function merge(a: Changed, b: Changed): Changed {
  if (a === 'every' || b === 'every') return 'every';
  return { applications: union(a.applications, b.applications), evaluators: union(a.evaluators, b.evaluators) };
}

export function kept(totals: readonly TotalCount[]): number {
  return totals.reduce((sum, t) => sum + t.count, 0);
}

export function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

export function firstCount(rows: Array<{ applications: number }>): { applications: number } {
  return { applications: rows[0]?.applications ?? 0 };
}
