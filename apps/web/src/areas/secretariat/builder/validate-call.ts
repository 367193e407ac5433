import { REGIONS } from '../../../shared/regions';
import {
  type CallFormValues,
  type CriterionRow,
  type NumberValue,
  type QuestionRow,
  type ScoringValues,
} from './call-form';
import { documentKinds, finalWeights, numberOf } from './call-body';
import { fromGenevaWallTime } from './geneva-time';
import { hasOptions } from './question-types';
import { checkRegistration } from './registration-form';
import { builderError } from './server-errors';

/** The API's own patterns (CreateCallDto), so that the builder says what is wrong before sending. */
const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9/ ._-]{1,79}$/;
const CRITERION_CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;
const QUESTION_KEY = /^[a-z][a-z0-9_]{0,59}$/;
const DOCUMENT_KIND = /^[a-z0-9_-]{1,50}$/;
/** The most people a people question takes when it does not say. */
const DEFAULT_MAX_PEOPLE = 20;

type Errors = Record<string, string>;

/**
 * Each field's own rules, in the reader's language. Rules across fields that only the server knows
 * in full (regional minimums against the cohort size, minimums above caps) come back from it.
 * `locked`: the call has opened and only its deadline and stage 1's weights can change.
 */
export function validateCall(values: CallFormValues, locked: boolean): Errors {
  const errors: Errors = {};
  const fail = (path: string, key: string, extra?: Record<string, unknown>) => {
    errors[path] ??= builderError(key, extra);
  };
  checkDates(values, fail);
  checkWeights(values.criteria, 'criteria', fail);
  if (locked) return errors;

  checkIdentity(values, fail);
  checkQuestions(values, fail);
  const kinds = documentKinds(values.eligibility.requiredDocuments);
  if (kinds.some((kind) => !DOCUMENT_KIND.test(kind))) fail('eligibility.requiredDocuments', 'documentKinds');
  // A registration call is not evaluated: its sessions instead of the evaluation settings.
  if (values.kind === 'registration') {
    checkRegistration(values, fail);
    return errors;
  }
  integer(values.cohortSize, 1, 100_000, 'cohortSize', fail);
  integer(values.evaluatorsPerApplication, 1, 50, 'evaluatorsPerApplication', fail);
  checkCriteria(values.criteria, 'criteria', fail);
  checkSelection(values, fail);
  checkScoring(values.scoring, 'scoring', fail);
  checkStages(values, fail);
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

/** The criteria of a stage, at `path` (`criteria` for stage 1, `stages.n.criteria` after). */
function checkCriteria(rows: CriterionRow[], path: string, fail: Fail): void {
  if (rows.length === 0) fail(path, 'criteriaRequired');
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const code = row.code.trim();
    if (!CRITERION_CODE.test(code)) fail(`${path}.${i}.code`, 'criterionCode');
    else if (seen.has(code.toLowerCase())) fail(`${path}.${i}.code`, 'duplicate', { value: code });
    seen.add(code.toLowerCase());
    if (!row.title.trim()) fail(`${path}.${i}.title`, 'required');
  });
}

function checkWeights(rows: CriterionRow[], path: string, fail: Fail): void {
  rows.forEach((row, i) => {
    if (!((numberOf(row.weight) ?? 0) > 0)) fail(`${path}.${i}.weight`, 'positiveWeight');
  });
}

function checkScoring(scoring: ScoringValues, path: string, fail: Fail): void {
  integer(scoring.scaleMin, -1000, 1000, `${path}.scaleMin`, fail);
  integer(scoring.scaleMax, -1000, 1000, `${path}.scaleMax`, fail);
  const [min, max] = [numberOf(scoring.scaleMin), numberOf(scoring.scaleMax)];
  if (min !== undefined && max !== undefined && !(min < max)) fail(`${path}.scaleMax`, 'emptyScale');
  range(scoring.disagreementThreshold, 0, 100, `${path}.disagreementThreshold`, fail, true);
}

/**
 * With several stages each is named, and each later one has its own evaluators, scale and
 * criteria; a weighted final ranking weighs at least one stage, each weight above 0.
 */
function checkStages(values: CallFormValues, fail: Fail): void {
  const [, ...later] = values.stages;
  if (later.length === 0) return;
  values.stages.forEach((stage, index) => {
    if (!stage.name.trim()) fail(`stages.${index}.name`, 'required');
  });
  later.forEach((stage, at) => {
    const path = `stages.${at + 1}`;
    integer(stage.evaluatorsPerApplication, 1, 50, `${path}.evaluatorsPerApplication`, fail);
    checkScoring(stage.scoring, `${path}.scoring`, fail);
    checkCriteria(stage.criteria, `${path}.criteria`, fail);
    checkWeights(stage.criteria, `${path}.criteria`, fail);
  });
  if (values.finalRanking.rule !== 'weighted') return;
  values.stages.forEach((stage, index) => {
    const weight = numberOf(stage.finalWeight);
    if (stage.finalWeight !== '' && !(weight !== undefined && weight > 0)) {
      fail(`stages.${index}.finalWeight`, 'positiveWeight');
    }
  });
  if (Object.keys(finalWeights(values.stages)).length === 0) fail('finalRanking.rule', 'stageWeightRequired');
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
    if (hasOptions(row.type)) {
      const options = row.options
        .split('\n')
        .map((o) => o.trim())
        .filter(Boolean);
      const none = row.type === 'people' ? 'rolesRequired' : 'optionsRequired';
      if (options.length === 0) fail(`questions.${i}.options`, none);
      else if (new Set(options).size !== options.length) fail(`questions.${i}.options`, 'optionsUnique');
    }
    if (row.type === 'people') checkCounts(row, `questions.${i}`, fail);
  });
}

/**
 * A people question's fewest and most people (0–100 and 1–100, the fewest not above the most), each
 * optional: the API then takes 1 if an answer is required (else 0) and 20.
 */
function checkCounts(row: QuestionRow, path: string, fail: Fail): void {
  if (row.minCount !== '') integer(row.minCount, 0, 100, `${path}.minCount`, fail);
  if (row.maxCount !== '') integer(row.maxCount, 1, 100, `${path}.maxCount`, fail);
  const [min, max] = [numberOf(row.minCount), numberOf(row.maxCount)];
  if (min !== undefined && min > (max ?? DEFAULT_MAX_PEOPLE)) fail(`${path}.minCount`, 'minExceedsMax');
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
