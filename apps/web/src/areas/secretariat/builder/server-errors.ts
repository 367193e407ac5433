import i18n from 'i18next';
import type { ApiProblem } from '../../../api/problem';
import { fieldErrors } from '../../../shared/problems';
import type { CallFormValues } from './call-form';

/** The call's own rules, by the codes of the API's field errors, in the builder's words. */
const CALL_RULE_MESSAGES: Record<string, string> = {
  CLOSES_BEFORE_OPENS: 'closesBeforeOpens',
  EMPTY_SCALE: 'emptyScale',
  DUPLICATE: 'duplicate',
  OPTIONS_REQUIRED: 'optionsRequired',
  OPTIONS_NOT_ALLOWED: 'optionsNotAllowed',
  OPTIONS_NOT_UNIQUE: 'optionsUnique',
  MIN_EXCEEDS_MAX: 'minExceedsMax',
  COUNT_NOT_ALLOWED: 'countNotAllowed',
  MINIMUMS_EXCEED_SIZE: 'minimumsExceedSize',
  MINIMUM_EXCEEDS_CAP: 'minimumExceedsCap',
  DEADLINE_SHORTENED: 'deadlineShortened',
  UNKNOWN_CRITERION: 'unknownCriterion',
  ENDS_BEFORE_STARTS: 'endsBeforeStarts',
  NO_SESSIONS: 'noSessions',
  NOT_A_CHOICE_QUESTION: 'notAChoiceQuestion',
  NOT_EVALUATED: 'notEvaluated',
};

/**
 * A refused save as errors on the builder's fields, keyed by form path. The API names fields as the
 * builder does (`criteria.0.code`, `stages.1.criteria.0.code`), except weights, which it keys by
 * criterion code (`weights.IMPACT`, placed with the form's `values`: a copy of a call has none) and,
 * in the final ranking, by stage position (`finalRanking.weights.2`, on that stage's weight).
 * Other codes read as every form's (`common:fields.codes`).
 */
export function serverFieldErrors(problem: ApiProblem, values?: CallFormValues): Record<string, string> {
  const common = fieldErrors(problem);
  const errors: Record<string, string> = {};
  if (problem.is('REFERENCE_TAKEN')) errors.reference = builderError('referenceTaken');
  for (const { field, code, params } of problem.errors) {
    const key = code ? CALL_RULE_MESSAGES[code] : undefined;
    errors[formPath(field, values)] ??= key ? builderError(key, withRegionName(params)) : common[field]!;
  }
  return errors;
}

function formPath(field: string, values: CallFormValues | undefined): string {
  // The keywords are one tags field: a refused keyword is said on it.
  if (/^expertise\.keywords\.[0-9]+$/.test(field)) return 'expertise.keywords';
  const stageWeight = /^finalRanking\.weights\.([1-9][0-9]*)$/.exec(field);
  if (stageWeight) return `stages.${Number(stageWeight[1]) - 1}.finalWeight`;
  const weight = /^weights\.(.+)$/.exec(field);
  if (!weight || !values) return field;
  const index = values.criteria.findIndex((row) => row.code.trim() === weight[1]);
  return index >= 0 ? `criteria.${index}.weight` : field;
}

/** Messages quote a region by its name, not its code. */
function withRegionName(params: Record<string, string | number> = {}): Record<string, string | number> {
  const { region } = params;
  return typeof region === 'string'
    ? { ...params, region: i18n.t(`regions.${region}` as 'regions.AFR', { ns: 'common' }) }
    : params;
}

export function builderError(key: string, values?: Record<string, unknown>): string {
  return i18n.t(`builder.errors.${key}` as 'builder.errors.required', { ns: 'secretariat', ...values });
}
