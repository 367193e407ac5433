import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
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
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import {
  IsRegionMap,
  MEMBERSHIP_CATEGORIES,
  MembershipCategory,
  ORGANISATION_TYPES,
  OrganisationType,
  REGIONS,
  Region,
} from '@app/identity';
import { IsNumberMap, MAX_INT32, NestedObject, NestedObjects, PROTOTYPE_KEYS, isoDateTime } from '@app/platform';
import { FinalRankingRule, QUESTION_TYPES, QuestionType } from '../domain/call';
import { MAX_SESSION_CAPACITY, SessionAllocationRule } from '../domain/call-sessions';
import { MAX_EXPERTISE_KEYWORDS, MAX_EXPERTISE_KEYWORD_LENGTH } from '../domain/expertise-settings';
import { PEOPLE_COUNT_LIMITS } from '../domain/people-question';
import { REMINDER_LIMITS } from '../domain/reminder-schedule';
import { Offsets } from './reminder-schedule.dto';

// The parts of a call's definition as the API takes them (criteria, questions, rules, settings, stages);
// call.dto.ts assembles them into the call's bodies and views.

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;

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

  /**
   * People questions only: the fewest people a complete answer names (by default 1 when the
   * question is required, else 0). Their `options` are the roles a person may have.
   */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(PEOPLE_COUNT_LIMITS.max)
  minCount?: number;

  /** People questions only: the most people an answer names (by default 20). */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(PEOPLE_COUNT_LIMITS.max)
  maxCount?: number;
}

export class EligibilityRulesDto {
  @ApiPropertyOptional({ enum: ORGANISATION_TYPES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(ORGANISATION_TYPES, { each: true })
  organisationTypes?: OrganisationType[];

  /** The membership categories the call is addressed to (the circular's addressees); every category when absent. */
  @ApiPropertyOptional({ enum: MEMBERSHIP_CATEGORIES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(MEMBERSHIP_CATEGORIES, { each: true })
  addresseeCategories?: MembershipCategory[];

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

  /** `calibrated` fits evaluator biases jointly with application quality (ridge least squares, docs/rules.md). */
  @ApiPropertyOptional({ enum: ['none', 'zscore', 'calibrated'], default: 'none' })
  @IsOptional()
  @IsIn(['none', 'zscore', 'calibrated'])
  normalization?: 'none' | 'zscore' | 'calibrated';

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
 * The call's expertise keywords (evaluators declare theirs from this list) and the question whose
 * answer is an application's topic (absent or null: all its text answers).
 */
export class ExpertiseSettingsDto {
  @ApiPropertyOptional({ type: [String], maxItems: MAX_EXPERTISE_KEYWORDS, example: ['fintech', 'agritech'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_EXPERTISE_KEYWORDS)
  @IsString({ each: true })
  @Matches(/\S/, { each: true, message: 'a keyword must not be blank' })
  @MaxLength(MAX_EXPERTISE_KEYWORD_LENGTH, { each: true })
  keywords?: string[];

  @ApiPropertyOptional({ type: String, nullable: true, example: 'sector' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  topicQuestionKey?: string | null;
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
  @Transform(isoDateTime)
  @IsDate({ message: 'evaluationDueAt must be an ISO 8601 date-time' })
  evaluationDueAt?: Date | null;

  /**
   * Days before the due date when the stage's evaluators with unfinished assignments are reminded
   * (at most 5, 1–90). Absent or null: the call's `evaluatorDaysBefore`; `[]`: none.
   */
  @Offsets(REMINDER_LIMITS.maxDays, [14, 2], { nullable: true })
  reminderDaysBefore?: number[] | null;

  /** Days after the due date when those still unfinished are reminded. Absent or null: the call's `evaluatorDaysAfter`. */
  @Offsets(REMINDER_LIMITS.maxDays, [2], { nullable: true })
  reminderDaysAfter?: number[] | null;
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

/** A session whose seats a registration call allocates among its replies. */
export class CallSessionDto {
  @ApiProperty({ example: 'hlps_1' })
  @Matches(/^[a-z][a-z0-9_]{0,59}$/, { message: 'key must be lower_snake_case, at most 60 characters' })
  @IsNotIn(PROTOTYPE_KEYS, { message: 'key must not be constructor or prototype' })
  key: string;

  @IsString()
  @Matches(/\S/, { message: 'title must not be blank' })
  @MaxLength(500)
  title: string;

  @ApiProperty({ type: 'string', format: 'date-time' })
  @Transform(isoDateTime)
  @IsDate({ message: 'startsAt must be an ISO 8601 date-time' })
  startsAt: Date;

  @ApiPropertyOptional({ type: 'string', format: 'date-time', nullable: true })
  @IsOptional()
  @Transform(isoDateTime)
  @IsDate({ message: 'endsAt must be an ISO 8601 date-time' })
  endsAt?: Date | null;

  /** The seats (speaking slots) to allocate. */
  @IsInt()
  @Min(1)
  @Max(MAX_SESSION_CAPACITY)
  capacity: number;
}

const SESSION_ALLOCATION_RULES = ['receipt', 'priority'] as const;

/**
 * How a registration call's session seats are allocated: in order of receipt, or by the priority of
 * a choice question's answer (`classes`, its options highest first; the others after), then receipt;
 * at most `maxPerCountry` seats per country in each session.
 */
export class SessionAllocationRuleDto {
  @ApiProperty({ enum: SESSION_ALLOCATION_RULES })
  @IsIn(SESSION_ALLOCATION_RULES)
  rule: SessionAllocationRule['rule'];

  /** With `priority`: the choice question whose answer ranks a reply. */
  @ValidateIf((o: SessionAllocationRuleDto) => o.rule === 'priority' || o.questionKey !== undefined)
  @IsString()
  @MaxLength(60)
  questionKey?: string;

  /** With `priority`: that question's options, highest priority first. */
  @ValidateIf((o: SessionAllocationRuleDto) => o.rule === 'priority' || o.classes !== undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsString({ each: true })
  classes?: string[];

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_SESSION_CAPACITY)
  maxPerCountry?: number;
}
