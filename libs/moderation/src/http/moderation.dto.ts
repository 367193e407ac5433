import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { StageQueryDto } from '@app/calls';
import { PageQueryDto, sortValues, trimmed } from '@app/platform';
import {
  CONSENSUS_SCORE_MAX,
  CONSENSUS_SCORE_MIN,
  MAX_MODERATION_TEXT,
  RESOLUTION_OUTCOMES,
  type ResolutionOutcome,
} from '../domain/moderation';
import { QUEUE_SORT_KEYS } from '../infrastructure/moderation.repository';

const QUEUE_SORTS = sortValues(QUEUE_SORT_KEYS);
/** The most evaluators one revisit names: more than any application has. */
const MAX_REVISITORS = 50;

/** A page of a stage's queue (stage 1 unless `stage` says which). */
export class ModerationQueueQueryDto extends IntersectionType(PageQueryDto, StageQueryDto) {
  /** The order: a key, largest first with a leading `-`; the widest spread first by default. */
  @ApiPropertyOptional({ enum: QUEUE_SORTS, default: '-spread' })
  @IsOptional()
  @IsIn(QUEUE_SORTS)
  sort?: string;
}

/** A page of an application's resolutions in a stage, the latest first. */
export class ResolutionHistoryQueryDto extends IntersectionType(PageQueryDto, StageQueryDto) {}

export class ModerationReasonDto {
  /** Why the application needs moderating; surrounding blank space is dropped. */
  @ApiProperty({ minLength: 1, maxLength: MAX_MODERATION_TEXT })
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_MODERATION_TEXT)
  reason: string;
}

export class ResolveDto {
  @ApiProperty({ enum: RESOLUTION_OUTCOMES })
  @IsIn(RESOLUTION_OUTCOMES)
  outcome: ResolutionOutcome;

  /** The moderator's note: why the scores stand, the message to the revisiting evaluators, or the reason for the consensus. */
  @ApiProperty({ minLength: 1, maxLength: MAX_MODERATION_TEXT })
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_MODERATION_TEXT)
  note: string;

  /** With `consensus` only: the score (0–100, the scale of results) the application is ranked by. */
  @ApiPropertyOptional({ minimum: CONSENSUS_SCORE_MIN, maximum: CONSENSUS_SCORE_MAX })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(CONSENSUS_SCORE_MIN)
  @Max(CONSENSUS_SCORE_MAX)
  consensusScore?: number;

  /** With `revisit` only: the evaluators whose submitted evaluations are reopened. */
  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: MAX_REVISITORS })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_REVISITORS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  evaluatorIds?: string[];
}

export class NameChairDto {
  /** A member of the call's panel. */
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  evaluatorId: string;
}

export class PersonDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  displayName: string;
}

export class ChairedCallDto {
  @ApiProperty({ format: 'uuid' })
  callId: string;
  reference: string;
  title: string;
}

export class ChairDto {
  @ApiProperty({ type: PersonDto, nullable: true })
  chair: PersonDto | null;
}

export class ResolutionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  callId: string;
  @ApiProperty({ format: 'uuid' })
  applicationId: string;
  @ApiProperty({ type: 'integer', minimum: 1 })
  stage: number;
  @ApiProperty({ enum: RESOLUTION_OUTCOMES })
  outcome: ResolutionOutcome;
  note: string;
  @ApiProperty({ type: 'number', nullable: true })
  consensusScore: number | null;
  @ApiProperty({ type: [String], format: 'uuid' })
  evaluatorIds: string[];
  @ApiProperty({ format: 'uuid' })
  decidedBy: string;
  decidedAt: Date;
  /** The application's resolution in force; the earlier ones are kept as history. */
  current: boolean;
}

export class QueuedEvaluatorDto {
  @ApiProperty({ format: 'uuid' })
  assignmentId: string;
  @ApiProperty({ format: 'uuid' })
  evaluatorId: string;
  displayName: string;
  /** The evaluator's total T (0–100). */
  total: number;
}

export class ModerationQueueEntryDto {
  @ApiProperty({ format: 'uuid' })
  applicationId: string;
  organisationName: string;
  /** The scoring flags the spread of its totals (needsModeration). */
  flagged: boolean;
  /** Why the secretariat added it; null when only the scoring flagged it. */
  @ApiProperty({ type: 'string', nullable: true })
  addedReason: string | null;
  @ApiProperty({ type: 'number', nullable: true })
  rawScore: number | null;
  @ApiProperty({ type: 'number', nullable: true })
  score: number | null;
  /** The current consensus score, which the ranking uses instead of `score`. */
  @ApiProperty({ type: 'number', nullable: true })
  consensusScore: number | null;
  @ApiProperty({ type: 'number', nullable: true })
  spread: number | null;
  @ApiProperty({ type: 'number', nullable: true })
  stdDev: number | null;
  @ApiProperty({ type: 'integer' })
  evaluationCount: number;
  @ApiProperty({ type: 'integer', nullable: true })
  rank: number | null;
  @ApiProperty({ type: [QueuedEvaluatorDto] })
  evaluators: QueuedEvaluatorDto[];
  @ApiProperty({ type: ResolutionDto, nullable: true })
  resolution: ResolutionDto | null;
}

export class ModerationQueueDto {
  @ApiProperty({ type: [ModerationQueueEntryDto] })
  items: ModerationQueueEntryDto[];
  @ApiProperty({ type: 'integer' })
  total: number;
  /** How the reader moderates the call. */
  @ApiProperty({ enum: ['secretariat', 'chair'] })
  as: 'secretariat' | 'chair';
}
