import type { CohortConstraints } from './selection.types';

/** What the secretariat may set for one proposal; the rest comes from the call. */
export interface ProposalRequest {
  size?: number;
  maxPerCountry?: number;
  maxPerRegion?: CohortConstraints['maxPerRegion'];
  minPerRegion?: CohortConstraints['minPerRegion'];
  minScore?: number;
  waitlistSize?: number;
}

/** The call's settings as the call defines them. */
export interface CallSelectionSettings {
  cohortSize: number;
  /** Candidates are fully evaluated in the last stage, by its evaluators per application. */
  stages: ReadonlyArray<{ evaluatorsPerApplication: number }>;
  selection: Omit<ProposalRequest, 'size'>;
}

/** The request's constraints, each one it leaves out taken from the call (API.md "Cohorts"). */
export function constraintsFor(call: CallSelectionSettings, request: ProposalRequest): CohortConstraints {
  const pick = <K extends keyof CallSelectionSettings['selection']>(key: K) => request[key] ?? call.selection[key];
  const constraints: CohortConstraints = {
    size: request.size ?? call.cohortSize,
    evaluatorsPerApplication: call.stages[call.stages.length - 1].evaluatorsPerApplication,
    maxPerCountry: pick('maxPerCountry'),
    maxPerRegion: pick('maxPerRegion'),
    minPerRegion: pick('minPerRegion'),
    minScore: pick('minScore'),
    waitlistSize: pick('waitlistSize'),
  };
  return Object.fromEntries(Object.entries(constraints).filter(([, v]) => v !== undefined)) as CohortConstraints;
}
