import type { ApiProblem } from '../../../api/problem';
import type { components } from '../../../api/schema';
import type { Criterion } from '../../../api/types';
import { fieldErrors } from '../../../shared/problems';
import { isValidScore, type Scale, type ScoresByCriterion } from './total';

export type Evaluation = components['schemas']['EvaluationDto'];
export type SaveEvaluation = components['schemas']['SaveEvaluationDto'];
export type Confidence = NonNullable<Evaluation['confidence']>;

/** The levels the evaluator chooses from, least sure first. */
export const CONFIDENCE_LEVELS: readonly Confidence[] = ['low', 'medium', 'high'];

/**
 * The scoring form as typed: a score and a comment per criterion code, the overall comment and how
 * confident the evaluator is (none until it says; copies kept before confidence existed have none).
 */
export interface EvaluationDraft {
  scores: ScoresByCriterion;
  comments: Record<string, string>;
  overallComment: string;
  confidence?: Confidence;
}

export function draftOf(evaluation: Evaluation): EvaluationDraft {
  const scores: ScoresByCriterion = {};
  const comments: Record<string, string> = {};
  for (const entry of evaluation.scores) {
    scores[entry.criterionCode] = entry.score;
    if (entry.comment) comments[entry.criterionCode] = entry.comment;
  }
  return {
    scores,
    comments,
    overallComment: evaluation.overallComment ?? '',
    ...(evaluation.confidence ? { confidence: evaluation.confidence } : {}),
  };
}

/**
 * What the API can hold of a draft, in the criteria's order. A comment travels with its score, so
 * the comment of a criterion not scored yet waits in this browser (see local-evaluations).
 */
export function saveBody(draft: EvaluationDraft, criteria: Criterion[], scale: Scale): SaveEvaluation {
  const scores: SaveEvaluation['scores'] = [];
  for (const { code } of criteria) {
    const score = draft.scores[code];
    if (score === undefined || !isValidScore(score, scale)) continue;
    const comment = draft.comments[code]?.trim();
    scores.push(comment ? { criterionCode: code, score, comment } : { criterionCode: code, score });
  }
  const overallComment = draft.overallComment.trim();
  return {
    scores,
    ...(overallComment ? { overallComment } : {}),
    ...(draft.confidence ? { confidence: draft.confidence } : {}),
  };
}

export function sameBody(a: SaveEvaluation, b: SaveEvaluation): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Whether the draft holds anything the API could not store (a comment whose criterion has no score). */
export function holdsUnsaveable(draft: EvaluationDraft, criteria: Criterion[], scale: Scale): boolean {
  return criteria.some(({ code }) => {
    const score = draft.scores[code];
    return Boolean(draft.comments[code]?.trim()) && (score === undefined || !isValidScore(score, scale));
  });
}

/**
 * A refused save's field errors, which name the scores by their place in the body sent
 * (`scores.1.score`), on the criteria concerned: criterion code → message.
 */
export function criterionErrorsOf(problem: ApiProblem, body: SaveEvaluation): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [field, message] of Object.entries(fieldErrors(problem, 'scores.'))) {
    const code = body.scores[Number(field.split('.')[0])]?.criterionCode;
    if (code) errors[code] ??= message;
  }
  return errors;
}
