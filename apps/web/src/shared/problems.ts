import i18n from 'i18next';
import { ApiProblem, type FieldProblem } from '../api/problem';

/** Anything thrown by an API call, as a problem; other errors become a generic one. */
export function asProblem(error: unknown): ApiProblem {
  if (error instanceof ApiProblem) return error;
  return new ApiProblem(500, { code: 'INTERNAL_ERROR', detail: error instanceof Error ? error.message : '' });
}

/**
 * What a problem means for the reader, in the interface's language: our own words for the codes
 * we know (`common:problems.<CODE>`), else the API's title and detail.
 */
export function describeProblem(problem: ApiProblem): { title: string; message: string } {
  const t = i18n.t;
  const known = t(`problems.${problem.code}` as 'problems.INTERNAL_ERROR', { defaultValue: '' });
  return {
    title: problem.title || t('problems.title'),
    message: known || problem.detail || t('problems.INTERNAL_ERROR'),
  };
}

/**
 * The problem's field errors keyed by field name less a prefix (`answers.programme` → `programme`),
 * in the reader's language by their codes (`common:fields.codes.<CODE>`); the API's English
 * message for a code we do not know.
 */
export function fieldErrors(problem: ApiProblem, prefix = ''): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const error of problem.errors) {
    if (!error.field.startsWith(prefix)) continue;
    errors[error.field.slice(prefix.length)] ??= fieldMessage(error);
  }
  return errors;
}

function fieldMessage(error: FieldProblem): string {
  if (!error.code) return error.message;
  return i18n.t(`fields.codes.${error.code}` as 'fields.codes.REQUIRED', {
    ...error.params,
    // A limit the message counts (TOO_LONG: "at most 1 character", TOO_FEW_PEOPLE: "at least 1 person")
    // chooses its plural form.
    count: countOf(error.params),
    defaultValue: error.message,
  });
}

function countOf(params: FieldProblem['params']): number | undefined {
  if (typeof params?.max === 'number') return params.max;
  return typeof params?.min === 'number' ? params.min : undefined;
}
