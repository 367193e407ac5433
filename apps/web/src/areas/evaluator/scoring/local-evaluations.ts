import type { EvaluationDraft } from './evaluation-draft';

/**
 * What the evaluator typed and the API has not confirmed yet, kept in this browser until it is:
 * a closed tab, a lost connection or a comment waiting for its score never loses typed text.
 */
const key = (assignmentId: string) => `accelerator.evaluation.${assignmentId}`;

export function readLocalEvaluation(assignmentId: string): EvaluationDraft | null {
  try {
    const stored = localStorage.getItem(key(assignmentId));
    return stored ? (JSON.parse(stored) as EvaluationDraft) : null;
  } catch {
    return null;
  }
}

export function writeLocalEvaluation(assignmentId: string, draft: EvaluationDraft): void {
  localStorage.setItem(key(assignmentId), JSON.stringify(draft));
}

export function forgetLocalEvaluation(assignmentId: string): void {
  localStorage.removeItem(key(assignmentId));
}
