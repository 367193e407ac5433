import type { AnswerValue, Answers } from '../../../api/types';

/**
 * What the applicant typed and the server has not confirmed yet, kept in this browser until it is
 * saved: a closed tab, a lost connection or a version conflict never loses typed text.
 */
export interface LocalDraft {
  /** The version the answers were typed on. */
  baseVersion: number;
  answers: Answers;
}

const key = (applicationId: string) => `accelerator.draft.${applicationId}`;

export function readLocalDraft(applicationId: string): LocalDraft | null {
  try {
    const stored = localStorage.getItem(key(applicationId));
    return stored ? (JSON.parse(stored) as LocalDraft) : null;
  } catch {
    return null;
  }
}

export function writeLocalDraft(applicationId: string, draft: LocalDraft): void {
  localStorage.setItem(key(applicationId), JSON.stringify(draft));
}

export function forgetLocalDraft(applicationId: string): void {
  localStorage.removeItem(key(applicationId));
}

/** The changes that turn `saved` into `typed`: new or changed answers, and null for removed ones. */
export function answersPatch(saved: Answers, typed: Answers): Record<string, AnswerValue | null> {
  const patch: Record<string, AnswerValue | null> = {};
  for (const [k, value] of Object.entries(typed)) if (!sameValue(saved[k], value)) patch[k] = value;
  for (const k of Object.keys(saved)) if (!(k in typed)) patch[k] = null;
  return patch;
}

const PERSON_PARTS = ['name', 'title', 'email', 'role'] as const;

/**
 * Whether two answers are the same; people compared part by part, since the server gives each
 * person back with its parts in an order of its own (JSONB's).
 */
function sameValue(a: AnswerValue | undefined, b: AnswerValue | undefined): boolean {
  if (!Array.isArray(a) || !Array.isArray(b)) return a === b;
  return a.length === b.length && a.every((person, i) => PERSON_PARTS.every((part) => person[part] === b[i]?.[part]));
}

export function sameAnswers(a: Answers, b: Answers): boolean {
  return Object.keys(answersPatch(a, b)).length === 0;
}
