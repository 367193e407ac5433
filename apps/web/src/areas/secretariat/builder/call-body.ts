import type { Call, Region } from '../../../api/types';
import { MEMBERSHIP_CATEGORIES } from '../../../shared/membership';
import { REGIONS } from '../../../shared/regions';
import type { CreateCallBody, UpdateCallBody } from '../types';
import type {
  CallFormValues,
  CriterionRow,
  LaterStageRow,
  NumberValue,
  RegionNumbers,
  ScoringValues,
  StageRow,
  FinalRanking,
} from './call-form';
import { translationsBody, translationsChange } from './call-translations-form';
import { fromGenevaWallTime } from './geneva-time';
import { hasLength, hasOptions } from './question-types';
import { registrationBody, registrationValues } from './registration-form';

/** The builder's values as the API takes them: the whole definition, or the changes allowed once open. */

/** A number typed, or undefined for an empty field (the API's "absent"). */
export function numberOf(value: NumberValue): number | undefined {
  if (value === '' || value === null) return undefined;
  const n = typeof value === 'number' ? value : Number(String(value).replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
}

function regionMap(values: RegionNumbers): Partial<Record<Region, number>> | undefined {
  const entries = REGIONS.flatMap((r) => {
    const n = numberOf(values[r]);
    return n === undefined ? [] : [[r, n] as const];
  });
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** The document kinds typed, comma- or space-separated, as the API spells kinds (lower case). */
export function documentKinds(typed: string): string[] {
  return [
    ...new Set(
      typed
        .split(/[\s,;]+/)
        .map((kind) => kind.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

/** POST /calls: the whole definition and the call's kind, which is set once. */
export function creationBody(values: CallFormValues): CreateCallBody {
  return { kind: values.kind, ...definitionBody(values) };
}

/**
 * The whole definition, for POST /calls and for a PATCH while the call is a draft (`editing`). A
 * registration call's has no evaluation settings (criteria, scoring, stages, selection, cohort size,
 * panel): its sessions and their allocation rule instead.
 */
export function definitionBody(values: CallFormValues, editing = false): CreateCallBody {
  if (values.kind !== 'registration') return selectionDefinition(values);
  const {
    cohortSize: _cohortSize,
    evaluatorsPerApplication: _evaluators,
    criteria: _criteria,
    scoring: _scoring,
    stages: _stages,
    selection: _selection,
    finalRanking: _finalRanking,
    assignment: _assignment,
    blind: _blind,
    expertise: _expertise,
    ...common
  } = selectionDefinition(values);
  return {
    ...common,
    translations: translationsBody({ ...values, criteria: [], stages: [values.stages[0]] }),
    ...registrationBody(values, editing),
  };
}

function selectionDefinition(values: CallFormValues): CreateCallBody {
  const { selection, scoring, eligibility } = values;
  const kinds = documentKinds(eligibility.requiredDocuments);
  return {
    reference: values.reference.trim(),
    title: values.title.trim(),
    description: values.description,
    opensAt: fromGenevaWallTime(values.opensAt) ?? values.opensAt,
    closesAt: fromGenevaWallTime(values.closesAt) ?? values.closesAt,
    cohortSize: numberOf(values.cohortSize) ?? 0,
    evaluatorsPerApplication: numberOf(values.evaluatorsPerApplication) ?? 0,
    criteria: criteriaBody(values.criteria),
    questions: values.questions.map((q) => {
      const maxLength = numberOf(q.maxLength);
      const options = q.options
        .split('\n')
        .map((o) => o.trim())
        .filter(Boolean);
      const [minCount, maxCount] = [numberOf(q.minCount), numberOf(q.maxCount)];
      return {
        key: q.key.trim(),
        label: q.label.trim(),
        type: q.type,
        required: q.required,
        ...(maxLength !== undefined && hasLength(q.type) ? { maxLength } : {}),
        ...(hasOptions(q.type) ? { options } : {}),
        ...(q.type === 'people' && minCount !== undefined ? { minCount } : {}),
        ...(q.type === 'people' && maxCount !== undefined ? { maxCount } : {}),
      };
    }),
    eligibility: {
      ...(eligibility.organisationTypes.length > 0 ? { organisationTypes: eligibility.organisationTypes } : {}),
      ...(eligibility.countryCodes.length > 0 ? { countryCodes: eligibility.countryCodes } : {}),
      // In the order the circulars list them, whatever the order they were ticked in.
      ...(eligibility.addresseeCategories.length > 0
        ? { addresseeCategories: MEMBERSHIP_CATEGORIES.filter((c) => eligibility.addresseeCategories.includes(c)) }
        : {}),
      requiredDocuments: kinds,
    },
    selection: withoutUndefined({
      maxPerCountry: numberOf(selection.maxPerCountry),
      maxPerRegion: regionMap(selection.maxPerRegion),
      minPerRegion: regionMap(selection.minPerRegion),
      minScore: numberOf(selection.minScore),
      waitlistSize: numberOf(selection.waitlistSize),
    }),
    scoring: scoringBody(scoring),
    assignment: { excludeSameCountry: values.assignment.excludeSameCountry },
    blind: values.blind,
    expertise: expertiseBody(values),
    stages: values.stages.map((stage, index) => ({
      ...(stage.name.trim() ? { name: stage.name.trim() } : {}),
      evaluationDueAt: fromGenevaWallTime(stage.evaluationDueAt),
      ...stage.reminders,
      ...(index > 0 ? laterStageBody(stage as LaterStageRow) : {}),
    })),
    finalRanking: finalRankingBody(values),
    translations: translationsBody(values),
  };
}

function criteriaBody(rows: CriterionRow[]): CreateCallBody['criteria'] {
  return rows.map((c) => ({
    code: c.code.trim(),
    title: c.title.trim(),
    ...(c.description.trim() ? { description: c.description.trim() } : {}),
    weight: numberOf(c.weight) ?? 0,
  }));
}

function scoringBody(scoring: ScoringValues): CreateCallBody['scoring'] {
  return {
    scaleMin: numberOf(scoring.scaleMin) ?? 0,
    scaleMax: numberOf(scoring.scaleMax) ?? 0,
    normalization: scoring.normalization,
    disagreementThreshold: numberOf(scoring.disagreementThreshold) ?? 30,
  };
}

function laterStageBody(stage: LaterStageRow) {
  return {
    evaluatorsPerApplication: numberOf(stage.evaluatorsPerApplication) ?? 0,
    scoring: scoringBody(stage.scoring),
    criteria: criteriaBody(stage.criteria),
  };
}

/** Each stage's weight in a weighted final ranking, by stage position; those without one do not count. */
export function finalWeights(stages: StageRow[]): Record<string, number> {
  return Object.fromEntries(
    stages.flatMap((stage, index) => {
      const weight = numberOf(stage.finalWeight);
      return weight === undefined ? [] : [[String(index + 1), weight]];
    }),
  );
}

/** A call of one stage is ranked by it: a weighted rule only means something with several. */
function finalRankingBody(values: CallFormValues): FinalRanking {
  return values.stages.length > 1 && values.finalRanking.rule === 'weighted'
    ? { rule: 'weighted', weights: finalWeights(values.stages) }
    : { rule: 'last-stage' };
}

function expertiseBody(values: CallFormValues): NonNullable<CreateCallBody['expertise']> {
  return {
    keywords: values.expertise.keywords.map((keyword) => keyword.trim()).filter(Boolean),
    topicQuestionKey: values.expertise.topicQuestionKey || null,
  };
}

/** The expertise settings when they may still change (until the review starts) and differ from the call's. */
function expertiseChange(values: CallFormValues, call: Call): Pick<UpdateCallBody, 'expertise'> {
  if (!call.changeable.includes('expertise')) return {};
  const expertise = expertiseBody(values);
  const before = { keywords: call.expertise.keywords ?? [], topicQuestionKey: call.expertise.topicQuestionKey ?? null };
  return JSON.stringify(expertise) === JSON.stringify(before) ? {} : { expertise };
}

/**
 * Once a call has opened, only a later deadline, the weights and, until the review starts, the
 * expertise settings may change: the PATCH sends just those.
 */
export function openCallChanges(values: CallFormValues, call: Call): UpdateCallBody {
  const closesAt = fromGenevaWallTime(values.closesAt);
  const weights = Object.fromEntries(
    values.criteria.flatMap((row, index) => {
      const weight = numberOf(row.weight);
      const before = call.criteria[index];
      return before && weight !== undefined && weight !== before.weight ? [[before.code, weight]] : [];
    }),
  );
  return {
    // A closed call's deadline is fixed: its form, to the minute, may differ from the stored second.
    ...(call.changeable.includes('closesAt') && closesAt && closesAt !== new Date(call.closesAt).toISOString()
      ? { closesAt }
      : {}),
    ...(Object.keys(weights).length > 0 ? { weights } : {}),
    ...expertiseChange(values, call),
    ...translationsChange(values, call),
    ...allocationChange(values, call),
  };
}

/** A registration call's allocation rule while it may still change (until the call is published) and differs. */
function allocationChange(values: CallFormValues, call: Call): Pick<UpdateCallBody, 'sessionAllocation'> {
  if (call.kind !== 'registration' || !call.changeable.includes('sessionAllocation')) return {};
  const { sessionAllocation } = registrationBody(values, false);
  if (!sessionAllocation) return {};
  // Both through the same shaping, so that the keys come in the same order.
  const before = registrationBody(registrationValues(call), false).sessionAllocation;
  return JSON.stringify(sessionAllocation) === JSON.stringify(before) ? {} : { sessionAllocation };
}

function withoutUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as never;
}
