import type { Question } from '@app/calls';
import type { FieldError } from '@app/platform/errors';
import { Answers } from './application';

const DEFAULT_MAX_LENGTH: Record<string, number> = { text: 500, longtext: 20_000, url: 2_000, email: 254 };
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Checks answers against the call's questions. Drafts may be partial (a null removes an answer);
 * `complete` also demands every required question. Unknown keys are always refused, so nothing
 * typed is silently dropped.
 */
export function answerErrors(
  questions: Question[],
  answers: Record<string, Answers[string] | null>,
  complete: boolean,
): FieldError[] {
  const byKey = new Map(questions.map((q) => [q.key, q]));
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(answers)) {
    if (value === null && !complete) continue; // removes a draft answer
    const question = byKey.get(key);
    const field = `answers.${key}`;
    if (!question) errors.push({ field, message: 'the call has no question with this key' });
    else {
      const problem = valueProblem(question, value);
      if (problem) errors.push({ field, message: problem });
    }
  }
  if (complete) {
    for (const question of questions) {
      // Own keys only: a question keyed "constructor" must not find Object.prototype's member.
      if (question.required && isBlank(Object.hasOwn(answers, question.key) ? answers[question.key] : undefined)) {
        errors.push({ field: `answers.${question.key}`, message: `"${question.label}" is required` });
      }
    }
  }
  return errors;
}

function valueProblem(question: Question, value: unknown): string | null {
  if (question.type === 'number') {
    return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number';
  }
  if (typeof value !== 'string') return 'must be a string';
  const maxLength = question.maxLength ?? DEFAULT_MAX_LENGTH[question.type] ?? 500;
  if (value.length > maxLength) return `must be at most ${maxLength} characters`;
  if (value.trim() === '') return null;
  switch (question.type) {
    case 'choice':
      return question.options?.includes(value) ? null : `must be one of: ${question.options?.join(', ')}`;
    case 'url':
      return isHttpUrl(value) ? null : 'must be an http(s) URL';
    case 'email':
      return EMAIL.test(value) ? null : 'must be an e-mail address';
    default:
      return null;
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}
