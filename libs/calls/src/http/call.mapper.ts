import {
  Call,
  CallDefinition,
  Criterion,
  DEFAULT_DISAGREEMENT_THRESHOLD,
  FinalRankingRule,
  LAST_STAGE_RULE,
  Question,
} from '../domain/call';
import { CallPatch, changeableFields } from '../domain/call-change';
import { CallSession, SessionAllocationRule } from '../domain/call-sessions';
import { ExpertiseSettings } from '../domain/expertise-settings';
import { withPeopleDefaults } from '../domain/people-question';
import { CallCopyInput } from '../domain/call-copy';
import { ReviewStageInput, scheduleOf, singleStage, stagesFromInput } from '../domain/review-stages';
import { ValidationError } from '@app/platform/errors';
import type { Language } from '@app/platform/languages';
import { CallTranslations, callTextsOf, missingTranslations, resolveCallTexts } from '../domain/call-translations';
import { readCallTranslations } from '../domain/call-translations-input';
import { CallDto, CopyCallDto, CreateCallDto, UpdateCallDto } from './call.dto';
import {
  CallSessionDto,
  CriterionDto,
  ExpertiseSettingsDto,
  FinalRankingDto,
  QuestionDto,
  ReviewStageDto,
  ScoringSettingsDto,
  SessionAllocationRuleDto,
} from './call-parts.dto';

export function toCallDefinition(dto: CreateCallDto): CallDefinition {
  const definition = callFields(dto);
  return {
    ...definition,
    stages: dto.stages ? stagesFromInput(definition, dto.stages.map(toStageInput)) : singleStage(definition),
    finalRanking: toFinalRanking(dto.finalRanking),
  };
}

/**
 * What a registration call stores for the evaluation settings it does not use (the columns are the
 * v1 contract's and required): one seat, one evaluator, a 0–10 scale, no criteria.
 */
const UNUSED_EVALUATION_SETTINGS = {
  cohortSize: 1,
  evaluatorsPerApplication: 1,
  scoring: { scaleMin: 0, scaleMax: 10 },
  criteria: [],
} satisfies Partial<CreateCallDto>;

function callFields(dto: CreateCallDto): Omit<CallDefinition, 'stages' | 'finalRanking'> {
  const kind = dto.kind ?? 'selection';
  const evaluation = kind === 'registration' ? { ...UNUSED_EVALUATION_SETTINGS, ...definedOf(dto) } : dto;
  return {
    kind,
    reference: dto.reference.trim(),
    title: dto.title.trim(),
    description: dto.description ?? '',
    opensAt: dto.opensAt,
    closesAt: dto.closesAt,
    // Required of a selection call by the validation.
    cohortSize: evaluation.cohortSize!,
    evaluatorsPerApplication: evaluation.evaluatorsPerApplication!,
    eligibility: withoutNulls(dto.eligibility),
    selection: withoutNulls(dto.selection),
    scoring: toScoring(evaluation.scoring!),
    assignment: { excludeSameCountry: dto.assignment?.excludeSameCountry ?? false },
    criteria: toCriteria(evaluation.criteria!),
    questions: toQuestions(dto.questions ?? []),
    blind: dto.blind ?? false,
    expertise: toExpertise(dto.expertise),
    translations: toTranslations(dto.translations),
    sessions: toSessions(dto.sessions),
    sessionAllocation: toSessionAllocation(dto.sessionAllocation),
  };
}

/** The body's translations as the domain reads them; null or absent: none. */
function toTranslations(value: unknown): CallTranslations {
  if (value === null || value === undefined) return {};
  const { translations, errors } = readCallTranslations(value);
  if (errors.length > 0) throw new ValidationError(errors);
  return translations;
}

/**
 * Only the fields the client sent; nested objects are replaced whole. The validation lets null
 * through for the optional parts only: it resets them to their defaults, as on creation.
 */
export function toCallPatch(dto: UpdateCallDto): CallPatch {
  const patch: CallPatch = {};
  if (dto.reference !== undefined) patch.reference = dto.reference.trim();
  if (dto.title !== undefined) patch.title = dto.title.trim();
  if (dto.description !== undefined) patch.description = dto.description ?? '';
  if (dto.opensAt !== undefined) patch.opensAt = dto.opensAt;
  if (dto.closesAt !== undefined) patch.closesAt = dto.closesAt;
  if (dto.cohortSize !== undefined) patch.cohortSize = dto.cohortSize;
  if (dto.evaluatorsPerApplication !== undefined) patch.evaluatorsPerApplication = dto.evaluatorsPerApplication;
  if (dto.eligibility !== undefined) patch.eligibility = withoutNulls(dto.eligibility);
  if (dto.selection !== undefined) patch.selection = withoutNulls(dto.selection);
  if (dto.scoring !== undefined) patch.scoring = toScoring(dto.scoring);
  if (dto.assignment !== undefined)
    patch.assignment = { excludeSameCountry: dto.assignment?.excludeSameCountry ?? false };
  if (dto.criteria !== undefined) patch.criteria = toCriteria(dto.criteria);
  if (dto.questions !== undefined) patch.questions = toQuestions(dto.questions ?? []);
  if (dto.weights !== undefined && dto.weights !== null) patch.weights = dto.weights;
  if (dto.blind !== undefined) patch.blind = dto.blind ?? false;
  if (dto.expertise !== undefined) patch.expertise = toExpertise(dto.expertise);
  // null goes back to a single stage made of the call's fields, and to the last stage's ranking.
  if (dto.stages !== undefined) patch.stages = dto.stages?.map(toStageInput) ?? [{}];
  if (dto.finalRanking !== undefined) patch.finalRanking = toFinalRanking(dto.finalRanking);
  if (dto.translations !== undefined) patch.translations = toTranslations(dto.translations);
  if (dto.sessions !== undefined) patch.sessions = toSessions(dto.sessions);
  if (dto.sessionAllocation !== undefined) patch.sessionAllocation = toSessionAllocation(dto.sessionAllocation);
  return patch;
}

function toStageInput(dto: ReviewStageDto): ReviewStageInput {
  return {
    ...(dto.name !== undefined ? { name: dto.name.trim() } : {}),
    ...(dto.scoring !== undefined ? { scoring: toScoring(dto.scoring) } : {}),
    ...(dto.evaluatorsPerApplication !== undefined ? { evaluatorsPerApplication: dto.evaluatorsPerApplication } : {}),
    ...(dto.criteria !== undefined ? { criteria: toCriteria(dto.criteria) } : {}),
    evaluationDueAt: dto.evaluationDueAt ?? null,
    reminderDaysBefore: dto.reminderDaysBefore ?? null,
    reminderDaysAfter: dto.reminderDaysAfter ?? null,
  };
}

/** Keywords trimmed, spaces collapsed; null or absent parts go back to none and all text answers. */
function toExpertise(dto: ExpertiseSettingsDto | null | undefined): ExpertiseSettings {
  return {
    keywords: (dto?.keywords ?? []).map((k) => k.trim().replace(/\s+/g, ' ')),
    topicQuestionKey: dto?.topicQuestionKey ?? null,
  };
}

function toFinalRanking(dto: FinalRankingDto | null | undefined): FinalRankingRule {
  if (!dto || dto.rule === 'last-stage') return LAST_STAGE_RULE;
  return { rule: 'weighted', weights: { ...dto.weights } };
}

/** The evaluation settings the body gives. */
function definedOf(dto: CreateCallDto): Partial<CreateCallDto> {
  const { cohortSize, evaluatorsPerApplication, scoring, criteria } = dto;
  return withoutNulls({ cohortSize, evaluatorsPerApplication, scoring, criteria });
}

/** A copy without the entries set to null, which the validation lets through as "absent". */
function withoutNulls<T extends object>(value: T | null | undefined): T {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== null && v !== undefined)) as T;
}

function toCriteria(dtos: CriterionDto[]): Criterion[] {
  return dtos.map((c) => ({ code: c.code, title: c.title, description: c.description ?? '', weight: c.weight }));
}

/** The questions as defined, a people question's counts settled (withPeopleDefaults). */
function toQuestions(dtos: QuestionDto[]): Question[] {
  return dtos.map((q) =>
    withPeopleDefaults({
      key: q.key,
      label: q.label,
      type: q.type,
      required: q.required,
      ...(q.maxLength !== undefined ? { maxLength: q.maxLength } : {}),
      ...(q.options !== undefined ? { options: q.options } : {}),
      // Null, which the validation lets through as absent, is left out: the default applies.
      ...(q.minCount != null ? { minCount: q.minCount } : {}),
      ...(q.maxCount != null ? { maxCount: q.maxCount } : {}),
    }),
  );
}

function toSessions(dtos: CallSessionDto[] | null | undefined): CallSession[] {
  return (dtos ?? []).map((s) => ({
    key: s.key,
    title: s.title.trim(),
    startsAt: s.startsAt,
    endsAt: s.endsAt ?? null,
    capacity: s.capacity,
  }));
}

function toSessionAllocation(dto: SessionAllocationRuleDto | null | undefined): SessionAllocationRule | null {
  if (!dto) return null;
  const limit =
    dto.maxPerCountry !== undefined && dto.maxPerCountry !== null ? { maxPerCountry: dto.maxPerCountry } : {};
  if (dto.rule === 'receipt') return { rule: 'receipt', ...limit };
  return { rule: 'priority', questionKey: dto.questionKey ?? '', classes: [...(dto.classes ?? [])], ...limit };
}

function toScoring(dto: ScoringSettingsDto): CallDefinition['scoring'] {
  return {
    scaleMin: dto.scaleMin,
    scaleMax: dto.scaleMax,
    normalization: dto.normalization ?? 'none',
    disagreementThreshold: dto.disagreementThreshold ?? DEFAULT_DISAGREEMENT_THRESHOLD,
  };
}

export function toCallCopy(dto: CopyCallDto): CallCopyInput {
  return {
    reference: dto.reference.trim(),
    ...(dto.title !== undefined ? { title: dto.title.trim() } : {}),
    opensAt: dto.opensAt,
    closesAt: dto.closesAt,
  };
}

/** The call as read, its texts also in `language` (`localized`) and what each language still lacks. */
export function toCallDto(call: Call, language: Language): CallDto {
  const texts = callTextsOf(call);
  return {
    ...call,
    missingTranslations: missingTranslations(texts, call.translations),
    localized: resolveCallTexts(texts, call.translations, language),
    // Stage 1's scale, evaluators and criteria are the call's own fields, not repeated.
    stages: call.stages.map((stage, index) =>
      index === 0 ? { position: 1, name: stage.name, ...scheduleOf(stage) } : { position: index + 1, ...stage },
    ),
    changeable: changeableFields(call.status, call.kind),
  };
}
