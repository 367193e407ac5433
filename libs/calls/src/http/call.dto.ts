import {
  ApiProperty,
  ApiPropertyOptional,
  ApiPropertyOptions,
  IntersectionType,
  PartialType,
  PickType,
} from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDate,
  IsIn,
  IsInt,
  IsNotIn,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  ValidateIf,
  isISO8601,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsRegionMap, ORGANISATION_TYPES, OrganisationType, REGIONS, Region } from '@app/identity';
import {
  IsNumberMap,
  MAX_INT32,
  NestedObject,
  NestedObjects,
  PROTOTYPE_KEYS,
  PageQueryDto,
  asQueryArray,
  toQueryInteger,
} from '@app/platform';
import { CALL_STATUSES, CallStatus, FinalRankingRule, MAX_STAGES, QUESTION_TYPES, QuestionType } from '../domain/call';
import { CHANGEABLE_FIELDS, ChangeableField } from '../domain/call-change';
import { IsWeightMap } from './weight-map.validator';

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;
/**
 * ISO 8601 strings become dates; anything else becomes an invalid date that @IsDate refuses.
 * `new Date` alone would take "Jan 1 2031" in the server's zone and roll 30 February over to March.
 */
const toDate = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? new Date(isISO8601(value, { strict: true }) ? value : NaN) : value;

export class CriterionDto {
  @ApiProperty({ example: 'IMPACT', description: 'Stable code; frozen once evaluations exist.' })
  @Matches(CODE, { message: 'code must be 1–40 letters, digits, _ . or -' })
  code: string;

  @IsString()
  @MinLength(1)
  @MaxLength(300)
  title: string;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiProperty({ exclusiveMinimum: true, minimum: 0, example: 0.25 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive()
  @Max(1_000_000)
  weight: number;
}

export class QuestionDto {
  @ApiProperty({ example: 'programme_description' })
  @Matches(/^[a-z][a-z0-9_]{0,59}$/, { message: 'key must be lower_snake_case, at most 60 characters' })
  // Answers are keyed by it, and every body refuses these keys.
  @IsNotIn(PROTOTYPE_KEYS, { message: 'key must not be constructor or prototype' })
  key: string;

  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  label: string;

  @ApiProperty({ enum: QUESTION_TYPES })
  @IsIn(QUESTION_TYPES)
  type: QuestionType;

  @IsBoolean()
  required: boolean;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  maxLength?: number;

  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  options?: string[];
}

export class EligibilityRulesDto {
  @ApiPropertyOptional({ enum: ORGANISATION_TYPES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(ORGANISATION_TYPES, { each: true })
  organisationTypes?: OrganisationType[];

  /** Countries admitted besides the ITU Member States. */
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @Matches(/^[A-Z]{2}$/, { each: true, message: 'each country code must be ISO 3166-1 alpha-2 (upper case)' })
  countryCodes?: string[];

  /** Document kinds that must be attached before submitting. */
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @Matches(/^[a-z0-9_-]{1,50}$/, {
    each: true,
    message: 'each document kind must be lower-case, at most 50 characters',
  })
  requiredDocuments?: string[];
}

const regionMapSchema: ApiPropertyOptions = {
  type: 'object',
  additionalProperties: { type: 'integer', minimum: 0 },
  description: `By ITU region: ${REGIONS.join(', ')}.`,
  example: { AFR: 3, EUR: 2 },
};

export class SelectionConstraintsDto {
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_INT32)
  maxPerCountry?: number;

  @ApiPropertyOptional(regionMapSchema)
  @IsOptional()
  @IsRegionMap()
  maxPerRegion?: Partial<Record<Region, number>>;

  @ApiPropertyOptional(regionMapSchema)
  @IsOptional()
  @IsRegionMap()
  minPerRegion?: Partial<Record<Region, number>>;

  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  minScore?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_INT32)
  waitlistSize?: number;
}

export class ScoringSettingsDto {
  @IsInt()
  @Min(-1000)
  @Max(1000)
  scaleMin: number;

  @IsInt()
  @Min(-1000)
  @Max(1000)
  scaleMax: number;

  @ApiPropertyOptional({ enum: ['none', 'zscore'], default: 'none' })
  @IsOptional()
  @IsIn(['none', 'zscore'])
  normalization?: 'none' | 'zscore';

  @ApiPropertyOptional({ default: 30, minimum: 0, maximum: 100 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  disagreementThreshold?: number;
}

export class AssignmentSettingsDto {
  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  excludeSameCountry?: boolean;
}

/**
 * A review stage. Stage 1's scale, evaluators per application and criteria are the call's own
 * fields: leave them out of `stages[0]` or give the same. A later stage without `scoring` or
 * `evaluatorsPerApplication` takes the call's; its `criteria` are its own and required.
 */
export class ReviewStageDto {
  @ApiPropertyOptional({
    example: 'Panel interview',
    description: 'Defaults to "Evaluation" for stage 1, "Stage n" after.',
  })
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(200)
  name?: string;

  @IsOptional()
  @NestedObject(() => ScoringSettingsDto)
  scoring?: ScoringSettingsDto;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  evaluatorsPerApplication?: number;

  @ApiPropertyOptional({ type: [CriterionDto] })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @NestedObjects(() => CriterionDto)
  criteria?: CriterionDto[];

  @ApiPropertyOptional({ type: 'string', format: 'date-time', nullable: true })
  @IsOptional()
  @Transform(toDate)
  @IsDate({ message: 'evaluationDueAt must be an ISO 8601 date-time' })
  evaluationDueAt?: Date | null;
}

const FINAL_RANKING_RULES = ['last-stage', 'weighted'] as const;

/** The last stage's ranking, or a weighted mean of the stage scores of the applications that reached the last stage. */
export class FinalRankingDto {
  @ApiProperty({ enum: FINAL_RANKING_RULES })
  @IsIn(FINAL_RANKING_RULES)
  rule: FinalRankingRule['rule'];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'number', exclusiveMinimum: true, minimum: 0 },
    example: { '1': 1, '2': 3 },
    description: 'With `weighted`: weights by stage position; a stage left out weighs nothing.',
  })
  @ValidateIf((o: FinalRankingDto) => o.rule === 'weighted' || o.weights !== undefined)
  @IsNumberMap({ integer: false, above: 0, message: 'weights must map stage positions to positive numbers' })
  weights?: Record<string, number>;
}

export class CreateCallDto {
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
  @Transform(toDate)
  @IsDate({ message: 'opensAt must be an ISO 8601 date-time' })
  opensAt: Date;

  @ApiProperty({ type: 'string', format: 'date-time' })
  @Transform(toDate)
  @IsDate({ message: 'closesAt must be an ISO 8601 date-time' })
  closesAt: Date;

  @IsInt()
  @Min(1)
  @Max(100_000)
  cohortSize: number;

  @IsInt()
  @Min(1)
  @Max(50)
  evaluatorsPerApplication: number;

  @IsOptional()
  @NestedObject(() => EligibilityRulesDto)
  eligibility?: EligibilityRulesDto;

  @IsOptional()
  @NestedObject(() => SelectionConstraintsDto)
  selection?: SelectionConstraintsDto;

  @NestedObject(() => ScoringSettingsDto)
  scoring: ScoringSettingsDto;

  @IsOptional()
  @NestedObject(() => AssignmentSettingsDto)
  assignment?: AssignmentSettingsDto;

  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @NestedObjects(() => CriterionDto)
  criteria: CriterionDto[];

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
}

/** Every field optional; null is refused for the required ones (it cannot clear them). */
export class UpdateCallDto extends PartialType(CreateCallDto, { skipNullProperties: false }) {
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
  @ApiPropertyOptional({ type: [String] })
  options?: string[];
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
}

export class CallDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
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
   * only), `weights` and `blind` while open; `weights` and `blind` once closed; `weights` alone
   * once under review, until publication; nothing after.
   */
  @ApiProperty({ enum: CHANGEABLE_FIELDS, isArray: true })
  changeable: ChangeableField[];
  /** The cohort published for this call (GET /public/cohorts/:id), once there is one. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  publishedCohortId: string | null;
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
