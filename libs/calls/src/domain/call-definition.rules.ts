import type { FieldError } from '@app/platform/errors';
import { CallDefinition } from './call';
import { callTextsOf, translationErrors } from './call-translations';
import { sessionErrors } from './call-sessions';
import { expertiseErrors } from './expertise-settings';
import { peopleQuestionErrors } from './people-question';
import { finalRankingErrors, stageErrors } from './review-stages';

/**
 * Checks that hold across fields of a call definition (single fields are checked by the DTO):
 * a valid window, unique criterion codes and question keys, a usable scale, coherent regional quotas,
 * later stages' own scales and criteria, a final ranking rule that names existing stages.
 */
export function callDefinitionErrors(call: CallDefinition): FieldError[] {
  const errors: FieldError[] = [];
  if (!(call.closesAt.getTime() > call.opensAt.getTime())) {
    errors.push({ field: 'closesAt', message: 'closesAt must be later than opensAt', code: 'CLOSES_BEFORE_OPENS' });
  }
  if (!(call.scoring.scaleMin < call.scoring.scaleMax)) {
    errors.push({ field: 'scoring.scaleMax', message: 'scaleMax must be greater than scaleMin', code: 'EMPTY_SCALE' });
  }
  errors.push(
    ...duplicates(
      call.criteria.map((c) => c.code),
      'criteria',
      'code',
    ),
  );
  errors.push(
    ...duplicates(
      call.questions.map((q) => q.key),
      'questions',
      'key',
    ),
  );
  call.questions.forEach((question, index) => {
    // A people question's options are the roles its people may have.
    const hasOptions = question.type === 'choice' || question.type === 'people';
    if (hasOptions && !(question.options && question.options.length > 0)) {
      errors.push({
        field: `questions.${index}.options`,
        message: `a ${question.type} question needs ${question.type === 'people' ? 'roles as its ' : ''}options`,
        code: 'OPTIONS_REQUIRED',
      });
    }
    if (!hasOptions && question.options !== undefined) {
      errors.push({
        field: `questions.${index}.options`,
        message: 'only choice and people questions have options',
        code: 'OPTIONS_NOT_ALLOWED',
      });
    }
    if (question.options && new Set(question.options).size !== question.options.length) {
      errors.push({
        field: `questions.${index}.options`,
        message: 'options must be unique',
        code: 'OPTIONS_NOT_UNIQUE',
      });
    }
    errors.push(...peopleQuestionErrors(question, index));
  });
  const { minPerRegion = {}, maxPerRegion = {} } = call.selection;
  const minimumTotal = Object.values(minPerRegion).reduce((sum, n) => sum + (n ?? 0), 0);
  if (minimumTotal > call.cohortSize) {
    errors.push({
      field: 'selection.minPerRegion',
      message: 'regional minimums add up to more than the cohort size',
      code: 'MINIMUMS_EXCEED_SIZE',
    });
  }
  for (const [region, minimum] of Object.entries(minPerRegion)) {
    const maximum = maxPerRegion[region as keyof typeof maxPerRegion];
    if (maximum !== undefined && minimum !== undefined && minimum > maximum) {
      errors.push({
        field: `selection.minPerRegion.${region}`,
        message: `minimum exceeds maxPerRegion.${region}`,
        code: 'MINIMUM_EXCEEDS_CAP',
        params: { region },
      });
    }
  }
  if (call.kind === 'registration') errors.push(...registrationErrors(call));
  errors.push(...sessionErrors(call, call.questions));
  errors.push(...stageErrors(call.stages), ...finalRankingErrors(call));
  errors.push(...expertiseErrors(call.expertise, call.questions));
  errors.push(...translationErrors(call.translations, callTextsOf(call)));
  return errors;
}

/** A registration call is not evaluated: it has no criteria and no review stages beyond the first. */
function registrationErrors(call: CallDefinition): FieldError[] {
  const errors: FieldError[] = [];
  if (call.criteria.length > 0) {
    errors.push({
      field: 'criteria',
      message: 'a registration call is not evaluated and has no criteria',
      code: 'NOT_EVALUATED',
    });
  }
  if (call.stages.length > 1) {
    errors.push({
      field: 'stages',
      message: 'a registration call is not evaluated and has no review stages',
      code: 'NOT_EVALUATED',
    });
  }
  return errors;
}

function duplicates(values: string[], list: string, field: string): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  values.forEach((value, index) => {
    const key = value.toLowerCase();
    if (seen.has(key))
      errors.push({
        field: `${list}.${index}.${field}`,
        message: `${field} "${value}" is used twice`,
        code: 'DUPLICATE',
        params: { value },
      });
    seen.add(key);
  });
  return errors;
}
