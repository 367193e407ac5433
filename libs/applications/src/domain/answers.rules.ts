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
    if (!question) errors.push({ field, message: 'the call has no question with this key', code: 'UNKNOWN_QUESTION' });
    else {
      const problem = valueProblem(question, value);
      if (problem) errors.push({ field, ...problem });
    }
  }
  if (complete) {
    for (const question of questions) {
      // Own keys only: a question keyed "constructor" must not find Object.prototype's member.
      if (question.required && isBlank(Object.hasOwn(answers, question.key) ? answers[question.key] : undefined)) {
        errors.push({
          field: `answers.${question.key}`,
          message: `"${question.label}" is required`,
          code: 'REQUIRED',
          params: { label: question.label },
        });
      }
    }
  }
  return errors;
}

type Problem = Omit<FieldError, 'field'>;

function valueProblem(question: Question, value: unknown): Problem | null {
  if (question.type === 'number') {
    return typeof value === 'number' && Number.isFinite(value)
      ? null
      : { message: 'must be a number', code: 'NOT_A_NUMBER' };
  }
  if (typeof value !== 'string') return { message: 'must be a string', code: 'NOT_A_STRING' };
  const maxLength = question.maxLength ?? DEFAULT_MAX_LENGTH[question.type] ?? 500;
  if (value.length > maxLength) {
    return { message: `must be at most ${maxLength} characters`, code: 'TOO_LONG', params: { max: maxLength } };
  }
  if (value.trim() === '') return null;
  return formatProblem(question, value);
}

function formatProblem(question: Question, value: string): Problem | null {
  switch (question.type) {
    case 'choice': {
      const options = question.options?.join(', ') ?? '';
      return question.options?.includes(value)
        ? null
        : { message: `must be one of: ${options}`, code: 'NOT_AN_OPTION', params: { options } };
    }
    case 'url':
      return isHttpUrl(value) ? null : { message: 'must be an http(s) URL', code: 'NOT_A_URL' };
    case 'email':
      return EMAIL.test(value) ? null : { message: 'must be an e-mail address', code: 'NOT_AN_EMAIL' };
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
