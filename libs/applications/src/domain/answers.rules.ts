import type { Question } from '@app/calls';
import type { FieldError } from '@app/platform/errors';
import { Answers, PERSON_FIELDS, PERSON_LIMITS } from './application';

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
    else if (question.type === 'people') errors.push(...peopleErrors(question, value, field, complete));
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

/** An empty list of people is no answer, as a blank text is none. */
function isBlank(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** The most field errors one people answer reports: each person's, up to the most people a question takes. */
const MAX_PEOPLE_ERRORS = PERSON_LIMITS.people;

/**
 * A people answer: a list of objects, no longer than the question's maximum (always) nor, when
 * `complete`, shorter than its minimum unless empty (an empty list is blank: the required check
 * speaks for it). Each person's fields are checked as a text answer's are, by their own paths
 * (`answers.delegation[1].email`): a draft may leave them blank, a complete answer may not but
 * for the title.
 */
function peopleErrors(question: Question, value: unknown, field: string, complete: boolean): FieldError[] {
  if (!Array.isArray(value) || !value.every(isPlainObject)) {
    return [{ field, message: 'must be a list of people (objects)', code: 'NOT_A_LIST' }];
  }
  // The call settles both counts when it defines the question; the limits stand in for a question without.
  const { minCount: min = 0, maxCount: max = PERSON_LIMITS.people } = question;
  if (value.length > max) {
    return [{ field, message: `must name at most ${max} people`, code: 'TOO_MANY_PEOPLE', params: { max } }];
  }
  const errors: FieldError[] = [];
  if (complete && value.length > 0 && value.length < min) {
    errors.push({ field, message: `must name at least ${min} people`, code: 'TOO_FEW_PEOPLE', params: { min } });
  }
  value.forEach((person, index) => {
    const at = `${field}[${index}]`;
    // One unknown property per person is enough to say what is wrong; a hostile object may have thousands.
    const unknown = Object.keys(person).find((key) => !(PERSON_FIELDS as readonly string[]).includes(key));
    if (unknown !== undefined) {
      errors.push({
        field: `${at}.${unknown.slice(0, 60)}`,
        message: 'a person has no such property',
        code: 'UNKNOWN_FIELD',
      });
    }
    for (const name of PERSON_FIELDS) {
      const problem = personFieldProblem(question, name, person[name], complete);
      if (problem) errors.push({ field: `${at}.${name}`, ...problem });
    }
  });
  return errors.slice(0, MAX_PEOPLE_ERRORS);
}

function personFieldProblem(
  question: Question,
  name: (typeof PERSON_FIELDS)[number],
  value: unknown,
  complete: boolean,
): Problem | null {
  const blank = value === undefined || (typeof value === 'string' && value.trim() === '');
  if (value !== undefined && typeof value !== 'string') return { message: 'must be a string', code: 'NOT_A_STRING' };
  const max = PERSON_LIMITS[name];
  if (typeof value === 'string' && value.length > max) {
    return { message: `must be at most ${max} characters`, code: 'TOO_LONG', params: { max } };
  }
  if (blank) {
    return complete && name !== 'title' ? { message: `the person's ${name} is required`, code: 'REQUIRED' } : null;
  }
  if (name === 'email' && !EMAIL.test(value as string)) {
    return { message: 'must be an e-mail address', code: 'NOT_AN_EMAIL' };
  }
  if (name === 'role' && !question.options?.includes(value as string)) {
    const options = question.options?.join(', ') ?? '';
    return { message: `must be one of: ${options}`, code: 'NOT_AN_OPTION', params: { options } };
  }
  return null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
