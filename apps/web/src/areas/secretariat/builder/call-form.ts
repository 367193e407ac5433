import type { Call, OrganisationType, Region } from '../../../api/types';
import { REGIONS } from '../../../shared/regions';
import type { CreateCallBody, QuestionType } from '../types';
import {
  type TranslationsValues,
  criterionRows as allCriterionRows,
  emptyTranslations,
  translationValues,
} from './call-translations-form';
import { toGenevaWallTime } from './geneva-time';
import {
  type AllocationValues,
  type CallKind,
  type SessionRow,
  emptyAllocation,
  registrationValues,
} from './registration-form';
import type { MembershipCategory } from '../../../shared/membership';

/** What a number field holds: a number, or '' while empty (Mantine's NumberInput). */
export type NumberValue = number | string;

export interface CriterionRow {
  /** Identifies the row for React while its code is being typed. */
  uid: string;
  code: string;
  title: string;
  description: string;
  weight: NumberValue;
}

export interface QuestionRow {
  uid: string;
  key: string;
  label: string;
  type: QuestionType;
  required: boolean;
  maxLength: NumberValue;
  /** One option per line (choice questions), or one role per line (people questions). */
  options: string;
  /** People questions: the fewest and the most people; '' for the API's default. */
  minCount: NumberValue;
  maxCount: NumberValue;
}

export type RegionNumbers = Record<Region, NumberValue>;

export interface ScoringValues {
  scaleMin: NumberValue;
  scaleMax: NumberValue;
  normalization: 'none' | 'zscore' | 'calibrated';
  disagreementThreshold: NumberValue;
}

/** A review stage. Stage 1's scale, evaluators and criteria are the call's own fields. */
export interface StageRow {
  uid: string;
  name: string;
  /** Geneva wall-clock time, `YYYY-MM-DDTHH:mm`, or '' for no due date. */
  evaluationDueAt: string;
  /** Its weight in a weighted final ranking; '' when it does not count. */
  finalWeight: NumberValue;
  /** Its own reminder days, which the builder does not edit but sends back as they were. */
  reminders: StageReminders;
}

type StageReminders = Pick<NonNullable<CreateCallBody['stages']>[number], 'reminderDaysBefore' | 'reminderDaysAfter'>;

/** A stage after the first: its own scale, evaluators per application and criteria. */
export interface LaterStageRow extends StageRow {
  evaluatorsPerApplication: NumberValue;
  scoring: ScoringValues;
  criteria: CriterionRow[];
}

export type FinalRanking = NonNullable<CreateCallBody['finalRanking']>;

/** The most review stages a call may have (the API's). */
export const MAX_STAGES = 10;

/** The builder's values: the call's definition in the shapes its fields edit, paths as the API names them. */
export interface CallFormValues {
  /** Set when the call is created: a registration call has no evaluation settings. */
  kind: CallKind;
  reference: string;
  title: string;
  description: string;
  /** Geneva wall-clock time, `YYYY-MM-DDTHH:mm`. */
  opensAt: string;
  closesAt: string;
  cohortSize: NumberValue;
  evaluatorsPerApplication: NumberValue;
  criteria: CriterionRow[];
  questions: QuestionRow[];
  eligibility: {
    organisationTypes: OrganisationType[];
    countryCodes: string[];
    requiredDocuments: string;
    /** The membership categories the call is addressed to; none: every category. */
    addresseeCategories: MembershipCategory[];
  };
  selection: {
    maxPerCountry: NumberValue;
    maxPerRegion: RegionNumbers;
    minPerRegion: RegionNumbers;
    minScore: NumberValue;
    waitlistSize: NumberValue;
  };
  scoring: ScoringValues;
  assignment: { excludeSameCountry: boolean };
  blind: boolean;
  /** The keywords evaluators declare expertise with; the topic question's key, '' for all text answers. */
  expertise: { keywords: string[]; topicQuestionKey: string };
  /** Stage 1, then the later stages, in order: `stages.n` is the API's `stages.n`. */
  stages: [StageRow, ...LaterStageRow[]];
  finalRanking: { rule: FinalRanking['rule'] };
  /** The call's texts in the other languages, by language; English is the fields above. */
  translations: TranslationsValues;
  /** A registration call's sessions and the rule allocating their seats. */
  sessions: SessionRow[];
  sessionAllocation: AllocationValues;
}

let rows = 0;
export function rowId(): string {
  rows += 1;
  return `row-${rows}`;
}

export function emptyCriterion(): CriterionRow {
  return { uid: rowId(), code: '', title: '', description: '', weight: 1 };
}

export function emptyQuestion(): QuestionRow {
  return {
    uid: rowId(),
    key: '',
    label: '',
    type: 'longtext',
    required: true,
    maxLength: '',
    options: '',
    minCount: '',
    maxCount: '',
  };
}

/** A new later stage: the call's scale and evaluators per application to start from, one empty criterion. */
export function newLaterStage(values: Pick<CallFormValues, 'scoring' | 'evaluatorsPerApplication'>): LaterStageRow {
  return {
    uid: rowId(),
    name: '',
    evaluationDueAt: '',
    finalWeight: '',
    reminders: {},
    evaluatorsPerApplication: values.evaluatorsPerApplication,
    scoring: { ...values.scoring },
    criteria: [emptyCriterion()],
  };
}

const noRegions = (): RegionNumbers => Object.fromEntries(REGIONS.map((r) => [r, ''])) as RegionNumbers;

/** A new call: opens at the next full hour, closes four weeks later at noon, Geneva time. */
export function newCallValues(now: number): CallFormValues {
  const opens = new Date(Math.ceil(now / 3_600_000) * 3_600_000).toISOString();
  const closesDay = toGenevaWallTime(new Date(now + 28 * 86_400_000).toISOString()).slice(0, 10);
  return {
    kind: 'selection',
    reference: '',
    title: '',
    description: '',
    opensAt: toGenevaWallTime(opens),
    closesAt: `${closesDay}T12:00`,
    cohortSize: 10,
    evaluatorsPerApplication: 3,
    criteria: [emptyCriterion()],
    questions: [],
    eligibility: { organisationTypes: [], countryCodes: [], requiredDocuments: '', addresseeCategories: [] },
    selection: {
      maxPerCountry: '',
      maxPerRegion: noRegions(),
      minPerRegion: noRegions(),
      minScore: '',
      waitlistSize: '',
    },
    scoring: { scaleMin: 0, scaleMax: 10, normalization: 'none', disagreementThreshold: 30 },
    assignment: { excludeSameCountry: false },
    blind: false,
    expertise: { keywords: [], topicQuestionKey: '' },
    stages: [{ uid: rowId(), name: '', evaluationDueAt: '', finalWeight: '', reminders: {} }],
    finalRanking: { rule: 'last-stage' },
    translations: emptyTranslations(),
    sessions: [],
    sessionAllocation: emptyAllocation(),
  };
}

export function callValues(call: Call): CallFormValues {
  const regions = (map: Partial<Record<string, number>> | undefined): RegionNumbers =>
    Object.fromEntries(REGIONS.map((r) => [r, map?.[r] ?? ''])) as RegionNumbers;
  const criteria = criterionRows(call.criteria);
  const questions: QuestionRow[] = call.questions.map((q) => ({
    uid: rowId(),
    key: q.key,
    label: q.label,
    type: q.type,
    required: q.required,
    maxLength: q.maxLength ?? '',
    options: (q.options ?? []).join('\n'),
    minCount: q.minCount ?? '',
    maxCount: q.maxCount ?? '',
  }));
  const stages = stageRows(call);
  const registration = registrationValues(call);
  return {
    kind: call.kind,
    reference: call.reference,
    title: call.title,
    description: call.description,
    opensAt: toGenevaWallTime(call.opensAt),
    closesAt: toGenevaWallTime(call.closesAt),
    cohortSize: call.cohortSize,
    evaluatorsPerApplication: call.evaluatorsPerApplication,
    criteria,
    questions,
    eligibility: {
      organisationTypes: call.eligibility.organisationTypes ?? [],
      countryCodes: call.eligibility.countryCodes ?? [],
      requiredDocuments: (call.eligibility.requiredDocuments ?? []).join(', '),
      addresseeCategories: call.eligibility.addresseeCategories ?? [],
    },
    selection: {
      maxPerCountry: call.selection.maxPerCountry ?? '',
      maxPerRegion: regions(call.selection.maxPerRegion),
      minPerRegion: regions(call.selection.minPerRegion),
      minScore: call.selection.minScore ?? '',
      waitlistSize: call.selection.waitlistSize ?? '',
    },
    scoring: { ...call.scoring },
    assignment: { excludeSameCountry: call.assignment.excludeSameCountry },
    blind: call.blind,
    expertise: { keywords: call.expertise.keywords ?? [], topicQuestionKey: call.expertise.topicQuestionKey ?? '' },
    stages,
    finalRanking: { rule: call.finalRanking.rule },
    translations: translationValues(call.translations, {
      criteria: allCriterionRows({ criteria, stages }),
      questions,
      sessions: registration.sessions,
    }),
    ...registration,
  };
}

function criterionRows(criteria: Call['criteria']): CriterionRow[] {
  return criteria.map((c) => ({ uid: rowId(), ...c }));
}

function stageRows(call: Call): CallFormValues['stages'] {
  const weights = call.finalRanking.rule === 'weighted' ? (call.finalRanking.weights ?? {}) : {};
  const row = (stage: Call['stages'][number]): StageRow => ({
    uid: rowId(),
    name: stage.name,
    evaluationDueAt: stage.evaluationDueAt ? toGenevaWallTime(stage.evaluationDueAt) : '',
    finalWeight: weights[String(stage.position)] ?? '',
    reminders: { reminderDaysBefore: stage.reminderDaysBefore, reminderDaysAfter: stage.reminderDaysAfter },
  });
  const [first, ...later] = call.stages;
  return [
    row(first!),
    ...later.map((stage) => ({
      ...row(stage),
      evaluatorsPerApplication: stage.evaluatorsPerApplication ?? call.evaluatorsPerApplication,
      scoring: { ...(stage.scoring ?? call.scoring) },
      criteria: criterionRows(stage.criteria ?? []),
    })),
  ];
}
