import { REGIONS } from '../../../shared/regions';
import { documentKinds, numberOf, type CallFormValues, type NumberValue } from './call-form';
import { fromGenevaWallTime } from './geneva-time';
import { builderError } from './server-errors';

/** The API's own patterns (CreateCallDto), so that the builder says what is wrong before sending. */
const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9/ ._-]{1,79}$/;
const CRITERION_CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;
const QUESTION_KEY = /^[a-z][a-z0-9_]{0,59}$/;
const DOCUMENT_KIND = /^[a-z0-9_-]{1,50}$/;

type Errors = Record<string, string>;

/**
 * Each field's own rules, in the reader's language. Rules across fields that only the server knows
 * in full (regional minimums against the cohort size, minimums above caps) come back from it.
 * `locked`: the call has opened and only its deadline and weights can change.
 */
export function validateCall(values: CallFormValues, locked: boolean): Errors {
  const errors: Errors = {};
  const fail = (path: string, key: string, extra?: Record<string, unknown>) => {
    errors[path] ??= builderError(key, extra);
  };
  checkDates(values, fail);
  values.criteria.forEach((row, i) => {
    if (!((numberOf(row.weight) ?? 0) > 0)) fail(`criteria.${i}.weight`, 'positiveWeight');
  });
  if (locked) return errors;

  checkIdentity(values, fail);
  integer(values.cohortSize, 1, 100_000, 'cohortSize', fail);
  integer(values.evaluatorsPerApplication, 1, 50, 'evaluatorsPerApplication', fail);
  checkCriteria(values, fail);
  checkQuestions(values, fail);
  const kinds = documentKinds(values.eligibility.requiredDocuments);
  if (kinds.some((kind) => !DOCUMENT_KIND.test(kind))) fail('eligibility.requiredDocuments', 'documentKinds');
  checkSelection(values, fail);
  integer(values.scoring.scaleMin, -1000, 1000, 'scoring.scaleMin', fail);
  integer(values.scoring.scaleMax, -1000, 1000, 'scoring.scaleMax', fail);
  const [min, max] = [numberOf(values.scoring.scaleMin), numberOf(values.scoring.scaleMax)];
  if (min !== undefined && max !== undefined && !(min < max)) fail('scoring.scaleMax', 'emptyScale');
  range(values.scoring.disagreementThreshold, 0, 100, 'scoring.disagreementThreshold', fail, true);
  return errors;
}

/** What a copy of a call is given anew: its reference, title and window. */
export type CallIdentity = Pick<CallFormValues, 'reference' | 'title' | 'opensAt' | 'closesAt'>;

export function validateCallIdentity(values: CallIdentity): Errors {
  const errors: Errors = {};
  const fail: Fail = (path, key, extra) => {
    errors[path] ??= builderError(key, extra);
  };
  checkIdentity(values, fail);
  checkDates(values, fail);
  return errors;
}

type Fail = (path: string, key: string, extra?: Record<string, unknown>) => void;

function checkIdentity(values: CallIdentity, fail: Fail): void {
  if (!REFERENCE.test(values.reference.trim())) fail('reference', 'reference');
  if (!values.title.trim()) fail('title', 'required');
}

function checkDates(values: Pick<CallFormValues, 'opensAt' | 'closesAt'>, fail: Fail): void {
  const opens = fromGenevaWallTime(values.opensAt);
  const closes = fromGenevaWallTime(values.closesAt);
  if (!opens) fail('opensAt', 'dateRequired');
  if (!closes) fail('closesAt', 'dateRequired');
  if (opens && closes && !(closes > opens)) fail('closesAt', 'closesBeforeOpens');
}

function checkCriteria(values: CallFormValues, fail: Fail): void {
  if (values.criteria.length === 0) fail('criteria', 'criteriaRequired');
  const seen = new Set<string>();
  values.criteria.forEach((row, i) => {
    const code = row.code.trim();
    if (!CRITERION_CODE.test(code)) fail(`criteria.${i}.code`, 'criterionCode');
    else if (seen.has(code.toLowerCase())) fail(`criteria.${i}.code`, 'duplicate', { value: code });
    seen.add(code.toLowerCase());
    if (!row.title.trim()) fail(`criteria.${i}.title`, 'required');
  });
}

function checkQuestions(values: CallFormValues, fail: Fail): void {
  const seen = new Set<string>();
  values.questions.forEach((row, i) => {
    const key = row.key.trim();
    if (!QUESTION_KEY.test(key)) fail(`questions.${i}.key`, 'questionKey');
    else if (seen.has(key)) fail(`questions.${i}.key`, 'duplicate', { value: key });
    seen.add(key);
    if (!row.label.trim()) fail(`questions.${i}.label`, 'required');
    if (row.maxLength !== '') integer(row.maxLength, 1, 100_000, `questions.${i}.maxLength`, fail);
    if (row.type === 'choice') {
      const options = row.options
        .split('\n')
        .map((o) => o.trim())
        .filter(Boolean);
      if (options.length === 0) fail(`questions.${i}.options`, 'optionsRequired');
      else if (new Set(options).size !== options.length) fail(`questions.${i}.options`, 'optionsUnique');
    }
  });
}

function checkSelection(values: CallFormValues, fail: Fail): void {
  const { selection } = values;
  if (selection.maxPerCountry !== '') integer(selection.maxPerCountry, 1, 100_000, 'selection.maxPerCountry', fail);
  if (selection.waitlistSize !== '') integer(selection.waitlistSize, 0, 100_000, 'selection.waitlistSize', fail);
  if (selection.minScore !== '') range(selection.minScore, 0, 100, 'selection.minScore', fail, false);
  for (const region of REGIONS) {
    for (const limit of ['minPerRegion', 'maxPerRegion'] as const) {
      const value = selection[limit][region];
      if (value !== '') integer(value, 0, 100_000, `selection.${limit}.${region}`, fail);
    }
  }
}

function integer(value: NumberValue, min: number, max: number, path: string, fail: Fail): void {
  const n = numberOf(value);
  if (n === undefined || !Number.isInteger(n) || n < min || n > max) fail(path, 'integerRange', { min, max });
}

function range(value: NumberValue, min: number, max: number, path: string, fail: Fail, required: boolean): void {
  const n = numberOf(value);
  if (n === undefined ? required : n < min || n > max) fail(path, 'numberRange', { min, max });
}
