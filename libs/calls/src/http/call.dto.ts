import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType, PartialType, PickType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsDate,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

import { NestedObject, NestedObjects, PageQueryDto, asQueryArray, toQueryInteger, isoDateTime } from '@app/platform';
import { LANGUAGES, type Language } from '@app/platform/languages';
import {
  CALL_KINDS,
  CALL_STATUSES,
  CallKind,
  CallStatus,
  MAX_STAGES,
  QUESTION_TYPES,
  QuestionType,
} from '../domain/call';
import { CHANGEABLE_FIELDS, ChangeableField } from '../domain/call-change';
import { MAX_SESSIONS } from '../domain/call-sessions';
import {
  AssignmentSettingsDto,
  CallSessionDto,
  CriterionDto,
  EligibilityRulesDto,
  ExpertiseSettingsDto,
  FinalRankingDto,
  QuestionDto,
  ReviewStageDto,
  ScoringSettingsDto,
  SelectionConstraintsDto,
  SessionAllocationRuleDto,
} from './call-parts.dto';
import { CallTranslationsDto, LocalizedCallDto, MissingTranslationsDto } from './call-translations.dto';
import { IsWeightMap } from './weight-map.validator';

/** A selection call needs its evaluation settings; a registration call has none (their defaults are stored). */
const forSelection = (call: CreateCallDto, value: unknown) => call.kind !== 'registration' || value !== undefined;

export class CreateCallDto {
  /**
   * `selection` (evaluated, ranked and selected; the default) or `registration` (replies confirmed or
   * declined by the secretariat, no panel and no scores: declarations of interest, delegations,
   * requests for speaking time). Set once, when the call is created.
   */
  @ApiPropertyOptional({ enum: CALL_KINDS })
  @IsOptional()
  @IsIn(CALL_KINDS)
  kind?: CallKind;

  @ApiProperty({ example: 'BDT/DIR/DM/013' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9/ ._-]{1,79}$/, {
    message: 'reference must be 2–80 letters, digits, / . _ - or spaces',
  })
  reference: string;

  @IsString()
  @Matches(/\S/, { message: 'title must not be blank' })
  @MaxLength(500)
  title: string;

  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  description?: string;

  @ApiProperty({ type: 'string', format: 'date-time' })
  @Transform(isoDateTime)
  @IsDate({ message: 'opensAt must be an ISO 8601 date-time' })
  opensAt: Date;

  @ApiProperty({ type: 'string', format: 'date-time' })
  @Transform(isoDateTime)
  @IsDate({ message: 'closesAt must be an ISO 8601 date-time' })
  closesAt: Date;

  /** Required for a selection call. */
  @ValidateIf((call: CreateCallDto) => forSelection(call, call.cohortSize))
  @IsInt()
  @Min(1)
  @Max(100_000)
  cohortSize?: number;

  /** Required for a selection call. */
  @ValidateIf((call: CreateCallDto) => forSelection(call, call.evaluatorsPerApplication))
  @IsInt()
  @Min(1)
  @Max(50)
  evaluatorsPerApplication?: number;

  @IsOptional()
  @NestedObject(() => EligibilityRulesDto)
  eligibility?: EligibilityRulesDto;

  @IsOptional()
  @NestedObject(() => SelectionConstraintsDto)
  selection?: SelectionConstraintsDto;

  /** Required for a selection call. */
  @ValidateIf((call: CreateCallDto) => forSelection(call, call.scoring))
  @NestedObject(() => ScoringSettingsDto)
  scoring?: ScoringSettingsDto;

  @IsOptional()
  @NestedObject(() => AssignmentSettingsDto)
  assignment?: AssignmentSettingsDto;

  /** At least one for a selection call; none for a registration call. */
  @ValidateIf((call: CreateCallDto) => forSelection(call, call.criteria))
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @NestedObjects(() => CriterionDto)
  criteria?: CriterionDto[];

  @IsOptional()
  @ArrayMaxSize(200)
  @NestedObjects(() => QuestionDto)
  questions?: QuestionDto[];

  /**
   * Blind review: evaluators see a pseudonym (e.g. `A-017`) instead of who applied, and neither its
   * city, website, team nor its documents' names. False when not given; changeable until the first
   * assignment.
   */
  // No schema default: the web's generated types would then require it in every update.
  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @IsBoolean()
  blind?: boolean;

  /**
   * The keywords evaluators declare their expertise with and the question read as an application's
   * topic, for expertise-aware assignment; none and all text answers when absent. Changeable until
   * the first assignment.
   */
  @IsOptional()
  @NestedObject(() => ExpertiseSettingsDto)
  expertise?: ExpertiseSettingsDto;

  /** Ordered review stages; one stage made of the call's own fields when absent. */
  @ApiPropertyOptional({ type: [ReviewStageDto] })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_STAGES)
  @NestedObjects(() => ReviewStageDto)
  stages?: ReviewStageDto[];

  /** How the final ranking is made; the last stage's when absent. */
  @IsOptional()
  @NestedObject(() => FinalRankingDto)
  finalRanking?: FinalRankingDto;

  /**
   * The call's texts in the other languages, English being the fields above: by language (ar, zh,
   * fr, ru, es), a title, a description, criteria by code and questions by key. Replaced whole when
   * sent; null removes them all. A blank text is no translation. Refused with VALIDATION_FAILED and
   * UNKNOWN_LANGUAGE, UNKNOWN_CRITERION, UNKNOWN_QUESTION, OPTIONS_MISMATCH or TOO_LONG on the field.
   * Changeable until publication.
   */
  @ApiPropertyOptional({ type: CallTranslationsDto })
  @IsOptional()
  @IsObject()
  translations?: CallTranslationsDto;

  /** A registration call's sessions whose seats are allocated among the replies; changeable while draft. */
  @IsOptional()
  @ArrayMaxSize(MAX_SESSIONS)
  @NestedObjects(() => CallSessionDto)
  sessions?: CallSessionDto[];

  /** How the sessions' seats are allocated; changeable until the call is published. */
  @IsOptional()
  @NestedObject(() => SessionAllocationRuleDto)
  sessionAllocation?: SessionAllocationRuleDto;
}

/** Every field optional; null is refused for the required ones (it cannot clear them). */
export class UpdateCallDto extends PartialType(OmitType(CreateCallDto, ['kind'] as const), {
  skipNullProperties: false,
}) {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'number', exclusiveMinimum: true, minimum: 0 },
    example: { IMPACT: 0.3 },
    description: 'New weights by criterion code; allowed until publication.',
  })
  @IsOptional()
  @IsWeightMap()
  weights?: Record<string, number>;
}

/**
 * A new draft from an existing call: its own reference and a new window are required (a copy never
 * keeps a past round's dates); the title defaults to the source's marked "(copy)".
 */
export class CopyCallDto extends IntersectionType(
  PickType(CreateCallDto, ['reference', 'opensAt', 'closesAt'] as const),
  // null is refused, not taken as absent.
  PartialType(PickType(CreateCallDto, ['title'] as const), { skipNullProperties: false }),
) {}

export class CallListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: LANGUAGES, description: 'The language of `localized`; Accept-Language when absent.' })
  @IsOptional()
  @IsIn(LANGUAGES)
  lang?: Language;

  /** Only calls in these statuses (repeat the parameter for several: `status=published&status=archived`). */
  @ApiPropertyOptional({ enum: CALL_STATUSES, isArray: true })
  @IsOptional()
  @Transform(asQueryArray)
  @ArrayMaxSize(CALL_STATUSES.length)
  @IsIn(CALL_STATUSES, { each: true })
  status?: CallStatus[];
}

export class CriterionViewDto {
  code: string;
  title: string;
  description: string;
  weight: number;
}

export class QuestionViewDto {
  key: string;
  label: string;
  @ApiProperty({ enum: QUESTION_TYPES })
  type: QuestionType;
  required: boolean;
  @ApiPropertyOptional()
  maxLength?: number;
  /** A choice question's options; a people question's roles. */
  @ApiPropertyOptional({ type: [String] })
  options?: string[];
  /** A people question's fewest people (when not given at its definition: 1 if required, else 0). */
  @ApiPropertyOptional({ type: 'integer' })
  minCount?: number;
  /** A people question's most people (when not given at its definition: 20). */
  @ApiPropertyOptional({ type: 'integer' })
  maxCount?: number;
}

/** A review stage as read; stage 1's scale, evaluators per application and criteria are the call's own fields. */
export class ReviewStageViewDto {
  /** 1..n, the order of the stages. */
  position: number;
  name: string;
  @ApiPropertyOptional({ type: ScoringSettingsDto, description: "Absent on stage 1: the call's `scoring`." })
  scoring?: ScoringSettingsDto;
  @ApiPropertyOptional({ description: "Absent on stage 1: the call's `evaluatorsPerApplication`." })
  evaluatorsPerApplication?: number;
  @ApiPropertyOptional({ type: [CriterionViewDto], description: "Absent on stage 1: the call's `criteria`." })
  criteria?: CriterionViewDto[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  evaluationDueAt: Date | null;
  /** Days before the due date its evaluators are reminded; null: the call's reminder schedule. */
  @ApiProperty({ type: [Number], nullable: true })
  reminderDaysBefore: number[] | null;
  /** Days after the due date those unfinished are reminded; null: the call's reminder schedule. */
  @ApiProperty({ type: [Number], nullable: true })
  reminderDaysAfter: number[] | null;
}

export class CallDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  /** `selection` or `registration`. */
  @ApiProperty({ enum: CALL_KINDS })
  kind: CallKind;
  reference: string;
  title: string;
  description: string;
  @ApiProperty({ enum: CALL_STATUSES })
  status: CallStatus;
  opensAt: Date;
  closesAt: Date;
  cohortSize: number;
  evaluatorsPerApplication: number;
  eligibility: EligibilityRulesDto;
  selection: SelectionConstraintsDto;
  @ApiProperty({ type: ScoringSettingsDto })
  scoring: ScoringSettingsDto;
  @ApiProperty({ type: AssignmentSettingsDto })
  assignment: AssignmentSettingsDto;
  @ApiProperty({ type: [CriterionViewDto] })
  criteria: CriterionViewDto[];
  @ApiProperty({ type: [QuestionViewDto] })
  questions: QuestionViewDto[];
  /** Whether evaluators see a pseudonym instead of who applied. */
  blind: boolean;
  @ApiProperty({ type: ExpertiseSettingsDto })
  expertise: ExpertiseSettingsDto;
  /** The review stages in order; the first's scale, evaluators and criteria are the call's own fields. */
  @ApiProperty({ type: [ReviewStageViewDto] })
  stages: ReviewStageViewDto[];
  @ApiProperty({ type: FinalRankingDto })
  finalRanking: FinalRankingDto;
  /** Send it back in If-Match to change the call. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /**
   * What a PATCH may still change in the call's status: every field while draft; `closesAt` (later
   * only), `weights`, `blind`, `expertise` and `sessionAllocation` while open; the same but `closesAt` once
   * closed; `weights` alone
   * once under review, until publication; nothing after.
   */
  @ApiProperty({ enum: CHANGEABLE_FIELDS, isArray: true })
  changeable: ChangeableField[];
  /** The cohort published for this call (GET /public/cohorts/:id), once there is one. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  publishedCohortId: string | null;
  /** The call's texts in the other languages, as written; English is the fields above. */
  @ApiProperty({ type: CallTranslationsDto })
  translations: CallTranslationsDto;
  /** Per language besides English, the fields it does not translate yet. */
  @ApiProperty({ type: MissingTranslationsDto })
  missingTranslations: MissingTranslationsDto;
  /**
   * The call's texts in the reader's language (`lang`, else Accept-Language), English where that
   * language has none, listed in `fallback`.
   */
  @ApiProperty({ type: LocalizedCallDto })
  localized: LocalizedCallDto;
  /** A registration call's sessions; none for other calls. */
  @ApiProperty({ type: [CallSessionDto] })
  sessions: CallSessionDto[];
  @ApiProperty({ type: SessionAllocationRuleDto, nullable: true })
  sessionAllocation: SessionAllocationRuleDto | null;
}

/** A review stage asked for in a query (`?stage=2`); stage 1 when absent. */
export class StageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_STAGES, default: 1 })
  @IsOptional()
  @Transform(toQueryInteger)
  @IsInt()
  @Min(1)
  @Max(MAX_STAGES)
  stage: number = 1;
}
