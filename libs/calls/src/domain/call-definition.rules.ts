import type { FieldError } from '@app/platform/errors';
import { CallDefinition } from './call';

/**
 * Checks that hold across fields of a call definition (single fields are checked by the DTO):
 * a valid window, unique criterion codes and question keys, a usable scale, coherent regional quotas.
 */
export function callDefinitionErrors(call: CallDefinition): FieldError[] {
  const errors: FieldError[] = [];
  if (!(call.closesAt.getTime() > call.opensAt.getTime())) {
    errors.push({ field: 'closesAt', message: 'closesAt must be later than opensAt' });
  }
  if (!(call.scoring.scaleMin < call.scoring.scaleMax)) {
    errors.push({ field: 'scoring.scaleMax', message: 'scaleMax must be greater than scaleMin' });
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
    if (question.type === 'choice' && !(question.options && question.options.length > 0)) {
      errors.push({ field: `questions.${index}.options`, message: 'a choice question needs options' });
    }
    if (question.type !== 'choice' && question.options !== undefined) {
      errors.push({ field: `questions.${index}.options`, message: 'only choice questions have options' });
    }
    if (question.options && new Set(question.options).size !== question.options.length) {
      errors.push({ field: `questions.${index}.options`, message: 'options must be unique' });
    }
  });
  const { minPerRegion = {}, maxPerRegion = {} } = call.selection;
  const minimumTotal = Object.values(minPerRegion).reduce((sum, n) => sum + (n ?? 0), 0);
  if (minimumTotal > call.cohortSize) {
    errors.push({ field: 'selection.minPerRegion', message: 'regional minimums add up to more than the cohort size' });
  }
  for (const [region, minimum] of Object.entries(minPerRegion)) {
    const maximum = maxPerRegion[region as keyof typeof maxPerRegion];
    if (maximum !== undefined && minimum !== undefined && minimum > maximum) {
      errors.push({ field: `selection.minPerRegion.${region}`, message: `minimum exceeds maxPerRegion.${region}` });
    }
  }
  return errors;
}

function duplicates(values: string[], list: string, field: string): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  values.forEach((value, index) => {
    const key = value.toLowerCase();
    if (seen.has(key))
      errors.push({ field: `${list}.${index}.${field}`, message: `${field} "${value}" is used twice` });
    seen.add(key);
  });
  return errors;
}
