/** What a moderator decides about an application flagged in a stage (issue 14, moderation). */
export const RESOLUTION_OUTCOMES = ['scores_stand', 'revisit', 'consensus'] as const;
export type ResolutionOutcome = (typeof RESOLUTION_OUTCOMES)[number];

/** Longest note, reason or message a moderator writes. */
export const MAX_MODERATION_TEXT = 2000;
/** A consensus score is on the scale of results, as every score of the ranking. */
export const CONSENSUS_SCORE_MIN = 0;
export const CONSENSUS_SCORE_MAX = 100;

/** A resolution as the moderator asks for it. */
export type ResolutionRequest =
  | { outcome: 'scores_stand'; note: string }
  | { outcome: 'revisit'; note: string; evaluatorIds: string[] }
  | { outcome: 'consensus'; note: string; consensusScore: number };

/** A resolution as recorded: who decided what, when; `current` until a later one replaces it. */
export interface Resolution {
  id: string;
  callId: string;
  applicationId: string;
  stage: number;
  outcome: ResolutionOutcome;
  note: string;
  consensusScore: number | null;
  /** The evaluators asked to revisit (their evaluations reopened); empty for the other outcomes. */
  evaluatorIds: string[];
  decidedBy: string;
  decidedAt: Date;
  current: boolean;
}

/** Who may moderate a call: the secretariat, or the panel member it named chair. */
export type ModeratorRole = 'secretariat' | 'chair';

/**
 * The evaluators named for a revisit that gave no submitted evaluation of the application in the
 * stage, among those that did: each must be one of them, once.
 */
export function unknownRevisitors(named: readonly string[], submitted: ReadonlySet<string>): string[] {
  return named.filter((id) => !submitted.has(id));
}

/** A resolution as the HTTP body gives it, each field checked against the outcome it goes with. */
export interface ResolutionInput {
  outcome: ResolutionOutcome;
  note: string;
  consensusScore?: number;
  evaluatorIds?: string[];
}

/**
 * The resolution asked for, or what is wrong with it: a consensus score goes with a consensus and
 * only with it, named evaluators with a revisit and only with it.
 */
export function resolutionRequestOf(
  input: ResolutionInput,
): { request: ResolutionRequest } | { errors: Array<{ field: string; message: string }> } {
  const errors: Array<{ field: string; message: string }> = [];
  const misplaced = (field: keyof ResolutionInput, outcome: ResolutionOutcome) =>
    errors.push({ field, message: `${field} is given only with the outcome ${outcome}.` });
  if (input.outcome === 'consensus' && input.consensusScore === undefined) {
    errors.push({ field: 'consensusScore', message: 'A consensus needs its score, from 0 to 100.' });
  }
  if (input.outcome !== 'consensus' && input.consensusScore !== undefined) misplaced('consensusScore', 'consensus');
  if (input.outcome === 'revisit' && (input.evaluatorIds ?? []).length === 0) {
    errors.push({ field: 'evaluatorIds', message: 'Name the evaluators asked to revisit their evaluations.' });
  }
  if (input.outcome !== 'revisit' && input.evaluatorIds !== undefined) misplaced('evaluatorIds', 'revisit');
  if (errors.length > 0) return { errors };
  const { note } = input;
  if (input.outcome === 'consensus')
    return { request: { outcome: 'consensus', note, consensusScore: input.consensusScore ?? 0 } };
  if (input.outcome === 'revisit')
    return { request: { outcome: 'revisit', note, evaluatorIds: input.evaluatorIds ?? [] } };
  return { request: { outcome: 'scores_stand', note } };
}
